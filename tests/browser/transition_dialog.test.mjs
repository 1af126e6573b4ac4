// Two details of the transition dialog: a process field named `category`
// is chosen from the help desk's categories by their titles (the slug is
// what the server stores), and on a transition named "Close" the dialog's
// own close button and the action read differently.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import {
  TEST_TIMEOUT_MS,
  assertNoPageErrors,
  gone,
  keepingEvidence,
  launch,
  openPage,
  screenshot,
  signIn,
  texts,
  visible,
} from './browser.mjs';

const MANAGER = 'manager@helpdesk.example';

/** A date `days` ahead as typed in British English. */
function typedDate(days) {
  const date = new Date(Date.now() + days * 86_400_000);
  const dd = String(date.getUTCDate()).padStart(2, '0');
  const mm = String(date.getUTCMonth() + 1).padStart(2, '0');
  return `${dd}/${mm}/${date.getUTCFullYear()}`;
}

describe('the transition dialog', { timeout: TEST_TIMEOUT_MS }, () => {
  let server;
  let browser;
  let escalated;
  let deployed;
  let managerApi;

  before(async () => {
    server = await startServer({ demo: true });
    const anna = await server.apiAs('anna@acme.example');
    const l1 = await server.apiAs('l1@helpdesk.example');
    managerApi = await server.apiAs(MANAGER);
    const open = async (subject) => {
      const ticket = await anna.post('/tickets', {
        subject,
        body: 'Details.',
        category: 'product',
      });
      await l1.fire(ticket.id, 'take_technical');
      await l1.fire(ticket.id, 'escalate', { escalation_reason: 'Needs a change.' });
      return ticket;
    };
    escalated = await open('Licence renewal does not extend the key');
    deployed = await open('Add a CSV export of invoices');
    const due = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    await managerApi.fire(deployed.id, 'classify_rfc', {
      complexity: 'low',
      criticality: 'normal',
      category: 'product',
      planned_effort: 2,
      expected_resolution: due,
    });
    await (await server.apiAs('board@helpdesk.example')).fire(deployed.id, 'approve_change');
    await (await server.apiAs('board2@helpdesk.example')).fire(deployed.id, 'approve_change');
    const developers = await managerApi.get('/users?role=developer');
    await managerApi.fire(deployed.id, 'start_development', {
      developer: String(developers.items[0].id),
    });
    const dev = await server.apiAs('dev@helpdesk.example');
    await dev.fire(deployed.id, 'submit_change', { resolution: 'Invoices export to CSV.' });
    await (await server.apiAs('tester@helpdesk.example')).fire(deployed.id, 'accept_change');
    await (await server.apiAs('itops@helpdesk.example')).fire(deployed.id, 'deploy_change');
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('chooses the category by its title and stores its slug', () =>
    keepingEvidence('transition-category', [], async () => {
      const page = await openPage(browser, server);
      await signIn(page, MANAGER, { path: `/tickets/${escalated.id}` });
      const card = page.getByRole('region', { name: 'Process', exact: true });
      await visible(card.getByText('Escalated, to reclassify', { exact: true }));
      await card.getByRole('button', { name: 'Request for change', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Request for change' });
      const category = dialog.getByRole('combobox', { name: 'Category' });
      await visible(category);
      const options = await texts(category.locator('option'));
      for (const title of ['Licences and activation', 'Product problem', 'Hosting errors']) {
        assert.ok(options.includes(title), `${title} among ${options.join(', ')}`);
      }
      // It starts with the ticket's own category, by its title.
      assert.equal(await category.locator('option:checked').innerText(), 'Product problem');
      await category.selectOption({ label: 'Licences and activation' });
      await dialog.getByLabel('Complexity').selectOption({ label: 'Medium' });
      await dialog.getByLabel('Planned effort (hours)').fill('3');
      await dialog.getByLabel('Expected resolution date').fill(typedDate(20));
      await screenshot(page, 'transition-category-select', { fullPage: false });
      await dialog.locator('form').getByRole('button', { name: 'Request for change' }).click();
      await gone(dialog);
      await visible(card.getByText('Request for change at the RfC board', { exact: true }));
      const stored = await managerApi.get(`/tickets/${escalated.id}`);
      assert.equal(stored.fields.category, 'licence');
      assertNoPageErrors(page);
      await page.context().close();
    }));

  it('names the dialog’s close button apart from a transition named Close', () =>
    keepingEvidence('transition-close', [], async () => {
      const page = await openPage(browser, server);
      await signIn(page, MANAGER, { path: `/tickets/${deployed.id}` });
      const card = page.getByRole('region', { name: 'Process', exact: true });
      await visible(card.getByText('Change deployed', { exact: true }));
      await card.getByRole('button', { name: 'Close', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Close' });
      await visible(dialog);
      assert.deepEqual(await texts(dialog.getByRole('button', { name: 'Close', exact: true })), [
        'Close',
      ]);
      await visible(dialog.getByRole('button', { name: 'Close dialog', exact: true }));
      await screenshot(page, 'transition-close-dialog', { fullPage: false });
      await dialog.getByRole('button', { name: 'Close dialog', exact: true }).click();
      await gone(dialog);
      await visible(card.getByText('Change deployed', { exact: true }));
      assertNoPageErrors(page);
      await page.context().close();
    }));
});
