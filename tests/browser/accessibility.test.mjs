// axe-core on each main page as people see it: no violation of impact
// serious or critical. Each page is checked once its content is on screen;
// the staff ticket with a transition dialog open, the person picker's list
// open, the process diagram drawn, the keyboard shortcuts' dialog and the
// new-ticket form offering a coupon are checked too. A screenshot of each
// page is kept.
import { before, describe, it } from 'node:test';
import {
  TEST_TIMEOUT_MS,
  assertAccessible,
  assertNoPageErrors,
  inState,
  keepingEvidence,
  screenshot,
  signIn,
  useServerAndBrowser,
  visible,
} from './browser.mjs';

// Demo tickets (`helpdesk demo`): Anna's licence ticket, and the payment
// ticket escalated to the incident manager.
const ANNA = 'anna@acme.example';
const ANNA_TICKET = 'Licence key is not accepted after renewal';
const ESCALATED = 'Payment page times out';
const TO_ROUTE = 'Dark mode for the storefront';

describe('accessibility of the main pages (axe-core)', { timeout: TEST_TIMEOUT_MS }, () => {
  const env = useServerAndBrowser({ demo: true });
  let toRoute;

  before(async () => {
    // A request for change approved by the board, for the person picker.
    const customer = await env.server.apiAs(ANNA);
    toRoute = await customer.post('/tickets', {
      subject: TO_ROUTE,
      body: 'Please offer a dark theme for the shop.',
      category: 'product',
    });
    const l1 = await env.server.apiAs('l1@helpdesk.example');
    await l1.fire(toRoute.id, 'take_technical');
    await l1.fire(toRoute.id, 'escalate', { escalation_reason: 'A feature request.' });
    const manager = await env.server.apiAs('manager@helpdesk.example');
    const due = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    await manager.fire(toRoute.id, 'classify_rfc', {
      complexity: 'low',
      criticality: 'normal',
      category: 'product',
      planned_effort: 3,
      expected_resolution: due,
    });
    await (await env.server.apiAs('board@helpdesk.example')).fire(toRoute.id, 'approve_change');
    await (await env.server.apiAs('board2@helpdesk.example')).fire(toRoute.id, 'approve_change');
  });

  /** Runs `check` on a fresh page; axe and uncaught errors are asserted after. */
  function page(name, check) {
    it(name, async () => {
      const p = await env.openPage();
      try {
        await keepingEvidence(`a11y-${name.replace(/\W+/g, '-')}`, [p], async () => {
          await check(p);
          assertNoPageErrors(p);
        });
      } finally {
        await p.context().close();
      }
    });
  }

  page('sign-in page', async (p) => {
    await p.goto('/#/login');
    await visible(p.getByRole('heading', { name: 'Sign in', level: 1 }));
    await visible(p.getByLabel('E-mail'));
    await screenshot(p, 'sign-in');
    await assertAccessible(p, 'the sign-in page');
  });

  page('registration page', async (p) => {
    await p.goto('/#/register');
    await visible(p.getByRole('heading', { name: 'Create an account', level: 1 }));
    await p.getByRole('button', { name: 'Create account' }).click();
    await visible(p.getByText('Enter your name.'));
    await assertAccessible(p, 'the registration page with its errors');
  });

  page("customer's ticket list", async (p) => {
    await signIn(p, ANNA);
    await visible(p.getByRole('heading', { name: 'My tickets', level: 1 }));
    await visible(p.getByRole('link', { name: ANNA_TICKET }));
    await screenshot(p, 'customer-list-demo');
    await assertAccessible(p, "the customer's list");
  });

  page('new ticket form', async (p) => {
    await signIn(p, ANNA, { path: '/tickets/new' });
    await visible(p.getByRole('heading', { name: 'New ticket', level: 1 }));
    const topic = p.getByLabel('Topic');
    await topic.locator('option', { hasText: 'Product problem' }).waitFor({ state: 'attached' });
    await p.getByRole('button', { name: 'Send to support' }).click();
    await visible(p.getByText('Give the ticket a subject.'));
    await screenshot(p, 'new-ticket-errors');
    await assertAccessible(p, 'the new-ticket form with its errors');
  });

  page("customer's ticket", async (p) => {
    await signIn(p, ANNA);
    await p.getByRole('link', { name: ANNA_TICKET }).click();
    await visible(p.getByRole('heading', { name: ANNA_TICKET, level: 1 }));
    await visible(p.getByRole('region', { name: 'History' }).getByRole('listitem'));
    await visible(p.locator('.conversation article.message'));
    await screenshot(p, 'customer-ticket-demo');
    await assertAccessible(p, "the customer's ticket");
  });

  page('staff queue', async (p) => {
    await signIn(p, 'l1@helpdesk.example');
    await visible(p.getByRole('heading', { name: 'Queue', level: 1 }));
    await visible(p.getByRole('columnheader', { name: /Due/ }));
    await visible(p.getByRole('row').nth(1));
    // The desk's navigation beside it, with the queues' counts.
    const desk = p.getByRole('navigation', { name: 'Queues and saved views' });
    await visible(desk.getByRole('link', { name: /^Unassigned \d+ tickets?$/ }));
    await screenshot(p, 'staff-queue-demo');
    await assertAccessible(p, 'the staff queue with the queues and saved views');
  });

  page('staff ticket with a transition dialog open', async (p) => {
    await signIn(p, 'manager@helpdesk.example');
    await p.getByRole('link', { name: ESCALATED }).click();
    await visible(p.getByRole('heading', { name: ESCALATED, level: 1 }));
    const card = await inState(p, 'Escalated, to reclassify');
    await visible(p.getByRole('region', { name: 'Service level' }).getByText('Target'));
    await assertAccessible(p, 'the staff ticket');
    await card.getByRole('button', { name: 'Request for change', exact: true }).click();
    const dialog = p.getByRole('dialog', { name: 'Request for change' });
    await visible(dialog.getByLabel('Expected resolution date'));
    // The app's own checks, shown under each field.
    await dialog.getByLabel('Planned effort (hours)').fill('many');
    await dialog.locator('form').getByRole('button', { name: 'Request for change' }).click();
    await visible(dialog.getByText('Enter a number, e.g. 4.5.'));
    await screenshot(p, 'staff-ticket-dialog-errors', { fullPage: false });
    await assertAccessible(p, 'the staff ticket with the transition dialog open');
  });

  page('person picker open in a transition dialog', async (p) => {
    await signIn(p, 'manager@helpdesk.example', { path: `/tickets/${toRoute.id}` });
    const card = await inState(p, 'Change approved, to route');
    await card.getByRole('button', { name: 'Give to a developer' }).click();
    const dialog = p.getByRole('dialog', { name: 'Give to a developer' });
    await dialog.getByRole('combobox', { name: 'Developer' }).click();
    await visible(dialog.getByRole('option', { name: /Daria Developer/ }));
    await p.keyboard.press('ArrowDown');
    await visible(dialog.getByRole('option', { name: /Daria Developer/, selected: true }));
    await assertAccessible(p, 'the person picker');
  });

  page('settings', async (p) => {
    await signIn(p, ANNA, { path: '/settings' });
    await visible(p.getByRole('heading', { name: 'Settings', level: 1 }));
    await visible(p.getByLabel('Time zone'));
    await visible(p.getByText('E-mail me about'));
    await visible(p.getByRole('table', { name: /^What the .* level promises$/ }));
    await visible(
      p.getByRole('region', { name: 'Special-request coupons' }).getByRole('paragraph').first(),
    );
    await screenshot(p, 'settings');
    await assertAccessible(p, 'the settings');
  });

  page('keyboard shortcuts dialog', async (p) => {
    await signIn(p, 'l1@helpdesk.example');
    await visible(p.getByRole('row').nth(1));
    await p.keyboard.press('?');
    await visible(p.getByRole('dialog', { name: 'Keyboard shortcuts' }));
    await assertAccessible(p, 'the keyboard shortcuts dialog');
  });

  page('staff ticket with its process diagram', async (p) => {
    await signIn(p, 'manager@helpdesk.example');
    await p.getByRole('link', { name: ESCALATED }).click();
    const card = await inState(p, 'Escalated, to reclassify');
    await card.getByRole('button', { name: 'Show the process diagram' }).click();
    const diagram = p.getByRole('region', { name: 'Process diagram' });
    await visible(diagram.getByRole('img', { name: /^Process diagram\. Current state/ }));
    await screenshot(p, 'staff-ticket-diagram-demo', { fullPage: false });
    await assertAccessible(p, 'the ticket with its process diagram');
  });

  page('new ticket form offering a coupon', async (p) => {
    await signIn(p, 'dina@mail.example', { path: '/tickets/new' });
    const special = p.getByRole('group', { name: 'Special request' });
    await visible(special.getByRole('button', { name: /^Use SR-/ }));
    await visible(special.getByText('first response within', { exact: false }));
    await assertAccessible(p, 'the new-ticket form with a coupon');
  });
});
