// The agents' desk: the queues with their counts beside the staff list,
// kept current by the live stream; saved views saved, listed, opened and
// deleted; and the collision warning on a ticket, with two agents in two
// browser contexts (one of them reading the app in Russian) seeing each
// other, seeing each other type, and seeing each other leave.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  TEST_TIMEOUT_MS,
  assertAccessible,
  assertNoPageErrors,
  gone,
  keepingEvidence,
  screenshot,
  signIn,
  signInLive,
  useServerAndBrowser,
  visible,
} from './browser.mjs';

const ANNA = 'anna@acme.example';
const AGENT_A = 'Alla Kuznetsova';
const AGENT_B = 'Boris Smirnov';
/** A page announces itself every 10 s: what another page shows may lag that much. */
const PRESENCE_TIMEOUT_MS = 15_000;

/**
 * Types into `box` a key a second, as someone writing a reply does, until
 * `seen` shows on another page (which learns of it with its next
 * announcement, up to 10 s later; a pause of 5 s ends "typing").
 */
async function keepTyping(box, seen, timeout = PRESENCE_TIMEOUT_MS) {
  const end = Date.now() + timeout;
  for (;;) {
    await box.pressSequentially('.');
    const shown = await seen
      .first()
      .waitFor({ state: 'visible', timeout: 1000 })
      .then(() => true)
      .catch(() => false);
    if (shown) return;
    if (Date.now() > end) throw new Error(`still not shown after ${timeout} ms of typing`);
  }
}

describe("the agents' desk", { timeout: TEST_TIMEOUT_MS }, () => {
  const env = useServerAndBrowser({ demo: true });
  let customer;
  let agentA;
  let agentB;

  before(async () => {
    agentA = await env.server.addUser('l1_operator', { name: AGENT_A });
    agentB = await env.server.addUser('l1_operator', { name: AGENT_B });
    customer = await env.server.apiAs(ANNA);
  });

  /** A new browser context (one person) and its page. */
  const person = (options) => env.openPage(options);

  const desk = (page) => page.getByRole('navigation', { name: 'Queues and saved views' });
  /** The count a queue's link shows. */
  const count = async (page, label) =>
    Number(
      await desk(page)
        .getByRole('link', { name: new RegExp(`^${label} \\d`) })
        .locator('.desk-count')
        .innerText(),
    );
  const countIs = (page, label, n) =>
    visible(
      desk(page)
        .getByRole('link', { name: new RegExp(`^${label} \\d`) })
        .locator('.desk-count', { hasText: new RegExp(`^${n}$`) }),
    );

  it("a customer's new ticket raises the queue counts at once, without a reload", () =>
    keepingEvidence('desk-counts', env.pages, async () => {
      const l1 = await person();
      await signInLive(l1, 'l1@helpdesk.example');
      await visible(l1.getByRole('heading', { name: 'Queue', level: 1 }));
      const nav = desk(l1);
      await visible(nav.getByRole('heading', { name: 'Queues' }));
      await visible(nav.getByRole('link', { name: 'All tickets' }));
      assert.equal(
        await nav.getByRole('link', { name: 'All tickets' }).getAttribute('aria-current'),
        'page',
      );
      await visible(nav.getByRole('link', { name: /^New, to classify \d+ tickets?$/ }));
      const toClassify = await count(l1, 'New, to classify');
      const unassigned = await count(l1, 'Unassigned');
      await l1.evaluate(() => {
        window.stillTheSamePage = true;
      });

      const ticket = await customer.post('/tickets', {
        subject: 'The mobile app logs me out every hour',
        body: 'Since the update I must sign in again every hour.',
        category: 'product',
      });
      await countIs(l1, 'New, to classify', toClassify + 1);
      await countIs(l1, 'Unassigned', unassigned + 1);
      assert.equal(await l1.evaluate(() => window.stillTheSamePage), true, 'no reload');

      await nav.getByRole('link', { name: /^New, to classify \d/ }).click();
      await visible(l1.getByRole('heading', { name: 'New, to classify', level: 1 }));
      assert.match(l1.url(), /#\/queue\?queue=state%3A\w+&sort=due$/);
      assert.equal(
        await nav.getByRole('link', { name: /^New, to classify \d/ }).getAttribute('aria-current'),
        'page',
      );
      await visible(l1.getByRole('link', { name: ticket.subject, exact: true }));
      await visible(l1.getByText('This queue chooses the status, group, tier', { exact: false }));
      await screenshot(l1, 'staff-desk-queue');
      assertNoPageErrors(l1);
    }));

  it('a view is saved with its filters, listed, opened and deleted', () =>
    keepingEvidence('desk-views', env.pages, async () => {
      // A new colleague: no views of their own yet (the demo gave Lev some).
      const l1 = await person();
      await signIn(l1, agentA);
      await visible(l1.getByRole('heading', { name: 'Queue', level: 1 }));
      const nav = desk(l1);
      await visible(nav.getByText('No saved views yet.', { exact: false }));

      // New tickets only, at L1, by number.
      const filter = l1.locator('.filter-bar');
      await filter.getByRole('checkbox', { name: 'Open', exact: true }).uncheck();
      await filter.getByLabel('Tier').selectOption({ label: 'L1' });
      await l1
        .getByRole('columnheader', { name: /Number/ })
        .getByRole('button')
        .click();

      await l1.getByRole('button', { name: 'Save view' }).click();
      let dialog = l1.getByRole('dialog', { name: 'Save this view' });
      await visible(dialog);
      // The app asks for a name before the server is asked.
      await dialog.getByRole('button', { name: 'Save view' }).click();
      await visible(dialog.getByText('Give the view a name.'));
      await dialog.getByLabel('Name').fill('New at L1');
      await screenshot(l1, 'staff-desk-save-view', { fullPage: false });
      await dialog.getByRole('button', { name: 'Save view' }).click();
      await gone(dialog);
      const viewLink = nav.getByRole('link', { name: 'New at L1', exact: true });
      await visible(viewLink);
      assert.equal(await viewLink.getAttribute('aria-current'), 'page');
      await visible(l1.getByRole('heading', { name: 'New at L1', level: 1 }));

      // A second view of that name: the server's refusal shows at the name.
      await l1.getByRole('button', { name: 'Save view' }).click();
      dialog = l1.getByRole('dialog', { name: 'Save this view' });
      await dialog.getByLabel('Name').fill('New at L1');
      await dialog.getByRole('button', { name: 'Save view' }).click();
      const name = dialog.getByLabel('Name');
      await visible(dialog.getByText('you have a view named New at L1 already'));
      assert.equal(await name.getAttribute('aria-invalid'), 'true');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await gone(dialog);

      // Elsewhere, then back through the view: its filters and order return.
      await nav.getByRole('link', { name: 'All tickets' }).click();
      await visible(l1.getByRole('heading', { name: 'Queue', level: 1 }));
      assert.equal(
        await filter.getByRole('checkbox', { name: 'Open', exact: true }).isChecked(),
        true,
      );
      await viewLink.click();
      await visible(l1.getByRole('heading', { name: 'New at L1', level: 1 }));
      assert.equal(
        await filter.getByRole('checkbox', { name: 'Open', exact: true }).isChecked(),
        false,
      );
      assert.equal(
        await filter.getByRole('checkbox', { name: 'New', exact: true }).isChecked(),
        true,
      );
      assert.equal(await filter.getByLabel('Tier').inputValue(), '1');
      assert.equal(
        await l1.getByRole('columnheader', { name: /Number/ }).getAttribute('aria-sort'),
        'ascending',
      );
      assert.equal(await viewLink.getAttribute('aria-current'), 'page');
      await screenshot(l1, 'staff-desk-views');

      await nav.getByRole('button', { name: 'Delete view “New at L1”' }).click();
      dialog = l1.getByRole('dialog', { name: 'Delete the view?' });
      await visible(dialog.getByText('The view “New at L1” will be deleted.', { exact: false }));
      await dialog.getByRole('button', { name: 'Delete view' }).click();
      await gone(dialog);
      await gone(viewLink);
      await visible(nav.getByText('No saved views yet.', { exact: false }));
      // The list stays as it is; it is no longer a saved view.
      await visible(l1.getByRole('heading', { name: 'Queue', level: 1 }));
      assertNoPageErrors(l1);
    }));

  it('two agents on one ticket see each other, see each other type, and see each other leave', () =>
    keepingEvidence('desk-presence', env.pages, async () => {
      const ticket = await customer.post('/tickets', {
        subject: 'Two agents, one ticket',
        body: 'Who answers first?',
        category: 'product',
      });
      const a = await person();
      await signIn(a, agentA, { path: `/tickets/${ticket.id}` });
      await visible(a.getByRole('heading', { name: ticket.subject, level: 1 }));
      // The second agent reads the app in Russian.
      const b = await person({ locale: 'ru-RU' });
      await signIn(b, agentB, { path: `/tickets/${ticket.id}`, language: 'ru' });
      await visible(b.getByRole('heading', { name: ticket.subject, level: 1 }));

      const presenceA = a.locator('.presence[aria-live="polite"]');
      const presenceB = b.locator('.presence[aria-live="polite"]');
      // B's first announcement already names A; A hears of B at its next one.
      await visible(presenceB.getByText(`Также смотрит: ${AGENT_A} (Оператор L1)`));
      await visible(
        presenceA.getByText(`Also viewing: ${AGENT_B} (L1 operator)`),
        PRESENCE_TIMEOUT_MS,
      );

      // B starts a reply: A is told.
      const boxB = b.getByRole('textbox', { name: 'Ответ' });
      await boxB.pressSequentially('Добрый день');
      await keepTyping(boxB, presenceA.getByText(`${AGENT_B} is typing a reply…`));
      await screenshot(a, 'staff-ticket-presence');
      // A starts one too: B is told, in Russian.
      const boxA = a.getByRole('textbox', { name: 'Reply' });
      await boxA.fill('Hello');
      await keepTyping(boxA, presenceB.getByText(`${AGENT_A} пишет ответ…`));

      // B clears the box: no longer typing, still there.
      await boxB.fill('');
      await gone(presenceA.getByText(`${AGENT_B} is typing a reply…`), PRESENCE_TIMEOUT_MS);
      await visible(presenceA.getByText(`Also viewing: ${AGENT_B} (L1 operator)`));

      // B goes back to the queue: A's list empties.
      await b.getByRole('link', { name: '← Очередь' }).click();
      await visible(b.getByRole('heading', { name: 'Очередь', level: 1 }));
      await gone(presenceA.getByText('Also viewing', { exact: false }), PRESENCE_TIMEOUT_MS);
      assert.equal((await presenceA.innerText()).trim(), '');

      // B opens it again, then the browser leaves the app altogether (pagehide).
      await b.goto(`/#/tickets/${ticket.id}`);
      await visible(
        presenceA.getByText(`Also viewing: ${AGENT_B} (L1 operator)`),
        PRESENCE_TIMEOUT_MS,
      );
      await b.goto('about:blank');
      await gone(presenceA.getByText('Also viewing', { exact: false }), PRESENCE_TIMEOUT_MS);
      assertNoPageErrors(a);
    }));

  it('a queue, the save-view dialog and the desk on a phone pass axe-core', () =>
    keepingEvidence('desk-a11y', env.pages, async () => {
      const page = await person();
      await signIn(page, 'l1@helpdesk.example', { path: '/queue?queue=unassigned&sort=due' });
      await visible(page.getByRole('heading', { name: 'Unassigned', level: 1 }));
      await visible(desk(page).getByRole('link', { name: /^Unassigned \d+ tickets?$/ }));
      await visible(page.getByRole('row').nth(1));
      await assertAccessible(page, 'the queue of unassigned tickets');
      await page.getByRole('button', { name: 'Save view' }).click();
      const dialog = page.getByRole('dialog', { name: 'Save this view' });
      await dialog.getByRole('button', { name: 'Save view' }).click();
      await visible(dialog.getByText('Give the view a name.'));
      await assertAccessible(page, 'the save-view dialog with its error');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await gone(dialog);

      // 360 px wide: the lists fold behind one button.
      await page.setViewportSize({ width: 360, height: 780 });
      const toggle = page.getByRole('button', { name: /^Queues and views/ });
      await visible(toggle);
      await visible(toggle.getByText('Unassigned'));
      assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
      await gone(desk(page).getByRole('link', { name: 'All tickets' }));
      await toggle.click();
      assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
      await visible(desk(page).getByRole('link', { name: 'All tickets' }));
      await screenshot(page, 'staff-desk-phone');
      await assertAccessible(page, 'the desk on a phone, opened');
      assertNoPageErrors(page);
    }));

  it("customers see nothing of it and never ask for others' presence", () =>
    keepingEvidence('desk-customer', env.pages, async () => {
      const ticket = await customer.post('/tickets', {
        subject: 'Only for the customer',
        body: 'Nobody else here.',
        category: 'product',
      });
      const page = await person();
      const asked = [];
      page.on('request', (request) => {
        const path = new URL(request.url()).pathname;
        if (/\/presence$|\/queues$|\/me\/views/.test(path)) asked.push(path);
      });
      await signIn(page, ANNA, { path: `/tickets/${ticket.id}` });
      await visible(page.getByRole('heading', { name: ticket.subject, level: 1 }));
      await page.getByRole('textbox', { name: 'Your reply' }).fill('Still there?');
      await page.getByRole('link', { name: '← All my tickets' }).click();
      await visible(page.getByRole('heading', { name: 'My tickets', level: 1 }));
      assert.equal(
        await page.getByRole('navigation', { name: 'Queues and saved views' }).count(),
        0,
      );
      assert.equal(await page.locator('.presence').count(), 0);
      assert.deepEqual(asked, []);
      assertNoPageErrors(page);
    }));
});
