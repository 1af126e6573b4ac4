// Two details of the transition dialog: a process field named `category`
// is chosen from the help desk's categories by their titles (the slug is
// what the server stores), and on a transition named "Close" the dialog's
// own close button and the action read differently.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  TEST_TIMEOUT_MS,
  assertNoPageErrors,
  dateAhead,
  gone,
  inState,
  keepingEvidence,
  screenshot,
  signIn,
  texts,
  useServerAndBrowser,
  visible,
} from './browser.mjs';

const MANAGER = 'manager@helpdesk.example';

describe('the transition dialog', { timeout: TEST_TIMEOUT_MS }, () => {
  const env = useServerAndBrowser({ demo: true });
  let escalated;
  let deployed;
  let managerApi;

  before(async () => {
    const anna = await env.server.apiAs('anna@acme.example');
    const l1 = await env.server.apiAs('l1@helpdesk.example');
    managerApi = await env.server.apiAs(MANAGER);
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
    await (await env.server.apiAs('board@helpdesk.example')).fire(deployed.id, 'approve_change');
    await (await env.server.apiAs('board2@helpdesk.example')).fire(deployed.id, 'approve_change');
    const developers = await managerApi.get('/users?role=developer');
    await managerApi.fire(deployed.id, 'start_development', {
      developer: String(developers.items[0].id),
    });
    const dev = await env.server.apiAs('dev@helpdesk.example');
    await dev.fire(deployed.id, 'submit_change', { resolution: 'Invoices export to CSV.' });
    await (await env.server.apiAs('tester@helpdesk.example')).fire(deployed.id, 'accept_change');
    await (await env.server.apiAs('itops@helpdesk.example')).fire(deployed.id, 'deploy_change');
  });

  it('chooses the category by its title and stores its slug', () =>
    keepingEvidence('transition-category', [], async () => {
      const page = await env.openPage();
      await signIn(page, MANAGER, { path: `/tickets/${escalated.id}` });
      const card = await inState(page, 'Escalated, to reclassify');
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
      await dialog.getByLabel('Expected resolution date').fill(dateAhead(20).typed);
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
      const page = await env.openPage();
      await signIn(page, MANAGER, { path: `/tickets/${deployed.id}` });
      const card = await inState(page, 'Change deployed');
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
