// What the help desk proposes to L1 (docs/l1-assistance.md): a customer
// writes obscene words, disguised, into a new ticket's subject and body. The
// L1 operator's ticket page shows, in the process card above the transition
// buttons, a note with the class proposed ("Obscene language") and the
// customer's words as written, and says the operator decides; nothing is
// applied until they fire "Obscene language", after which the note says the
// proposal was accepted. The customer's own page shows no note and never
// asks for it. The incident manager's "L1 proposals" report, kept to the
// customer's company (the demo data holds a proposal of its own), counts
// the proposal: proposed 1, decided 1, accepted 1, 100 %.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  TEST_TIMEOUT_MS,
  assertAccessible,
  assertNoPageErrors,
  fire,
  inState,
  keepingEvidence,
  processCard,
  requestsTo,
  screenshot,
  signIn,
  texts,
  useServerAndBrowser,
  visible,
} from './browser.mjs';

const L1 = 'l1@helpdesk.example';
const MANAGER = 'manager@helpdesk.example';
const ADMIN = 'admin@helpdesk.example';
const COMPANY = 'Hint Check Ltd';
const SUBJECT = 'Какого х.у.я не работает вход';
const BODY = 'Это п*здец.';
const WORDS = ['х.у.я', 'п*здец'];
const CLASS = 'Obscene language';

/** A share as the English app writes it. */
const percent = (value) =>
  new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(value);

describe('what is proposed to L1', { timeout: TEST_TIMEOUT_MS }, () => {
  const env = useServerAndBrowser({ demo: true });
  let customer;
  let ticket;
  let agent;
  let companyId;

  before(async () => {
    customer = await env.server.addUser('customer', { name: 'Pavel Grubov', company: COMPANY });
    const companies = (await (await env.server.apiAs(ADMIN)).get('/admin/companies')).items;
    companyId = companies.find((c) => c.name === COMPANY).id;
    const customerApi = await env.server.apiAs(customer);
    ticket = await customerApi.post('/tickets', {
      subject: SUBJECT,
      body: BODY,
      category: 'product',
    });
    await assert.rejects(customerApi.get(`/tickets/${ticket.id}/l1-hint`), / 403 /);
    const hint = await (await env.server.apiAs(L1)).get(`/tickets/${ticket.id}/l1-hint`);
    assert.equal(hint.proposed_class, 'obscene_language');
    assert.deepEqual([...hint.evidence].sort(), [...WORDS].sort());
    assert.equal(hint.decided_class, null);
  });

  it('shows the L1 operator the proposal above the transition buttons', () =>
    keepingEvidence('l1-hint-proposed', env.pages, async () => {
      agent = await env.openPage();
      await signIn(agent, L1, { path: `/tickets/${ticket.id}` });
      await visible(agent.getByRole('heading', { name: SUBJECT, level: 1 }));
      const card = processCard(agent);
      const note = card.getByRole('note');
      await visible(note);
      const text = (await note.innerText()).trim();
      assert.match(text, new RegExp(`^Proposed class: ${CLASS} — the customer wrote: `));
      for (const word of WORDS) assert.ok(text.includes(`«${word}»`), text);
      assert.match(text, /You decide\.$/);
      // Above the buttons, and nothing applied: the ticket is still new.
      const buttons = card.getByRole('group', { name: 'Steps you may take' });
      const order = await note.evaluate(
        (el, group) => el.compareDocumentPosition(group) & Node.DOCUMENT_POSITION_FOLLOWING,
        await buttons.elementHandle(),
      );
      assert.ok(order, 'the note stands before the transition buttons');
      await visible(buttons.getByRole('button', { name: CLASS, exact: true }));
      await screenshot(agent, 'l1-hint-proposed');
      await assertAccessible(agent, 'the ticket page with the L1 proposal');
      await agent.emulateMedia({ colorScheme: 'dark' });
      await assertAccessible(agent, 'the ticket page with the L1 proposal, dark');
      await agent.emulateMedia({ colorScheme: 'light' });
      assertNoPageErrors(agent);
    }));

  it('says the proposal was accepted once the operator fires its transition', () =>
    keepingEvidence('l1-hint-accepted', env.pages, async () => {
      await fire(agent, CLASS);
      await inState(agent, 'Closed');
      const note = processCard(agent).getByRole('note');
      await visible(note.filter({ hasText: 'accepted' }));
      assert.equal((await note.innerText()).trim(), `Proposed: ${CLASS} · accepted`);
      assertNoPageErrors(agent);
    }));

  it('shows the customer no note and never asks for it', () =>
    keepingEvidence('l1-hint-customer', env.pages, async () => {
      const page = await env.openPage();
      const asked = requestsTo(page, `/api/v1/tickets/${ticket.id}/l1-hint`);
      await signIn(page, customer, { path: `/tickets/${ticket.id}` });
      await visible(page.getByRole('heading', { name: SUBJECT, level: 1 }));
      await visible(processCard(page));
      assert.equal(await page.getByRole('note').count(), 0);
      assert.deepEqual(asked, []);
      assertNoPageErrors(page);
      await page.context().close();
    }));

  it('counts the proposal in the incident manager’s report', () =>
    keepingEvidence('l1-hint-report', env.pages, async () => {
      const page = await env.openPage();
      // The company filter is offered to administrators only; the address keeps it for anyone.
      await signIn(page, MANAGER, { path: `/reports/l1-hints?company=${companyId}` });
      await visible(page.getByRole('heading', { name: 'L1 proposals', level: 1 }));
      const table = page.getByRole('table', { name: 'Proposals by class and source' });
      await visible(table);
      const headers = await texts(table.locator('thead th'));
      assert.deepEqual(headers, [
        'Class proposed',
        'Source',
        'Proposed',
        'Decided',
        'Accepted',
        'Accepted share',
      ]);
      const row = table.locator('tbody tr').filter({ hasText: CLASS });
      const cells = await texts(row.locator('th, td'));
      assert.deepEqual(cells, [CLASS, 'Obscenity check', '1', '1', '1', percent(1)]);
      const csv = page.getByRole('link', { name: 'Download CSV' });
      assert.match(
        await csv.getAttribute('href'),
        new RegExp(`^/api/v1/reports/l1-hints\\?.*company=${companyId}.*format=csv$`),
      );
      await visible(page.locator('figure.chart').getByRole('img', { name: 'Proposals by class' }));
      await screenshot(page, 'l1-hint-report');
      assertNoPageErrors(page);
      await page.context().close();
    }));
});
