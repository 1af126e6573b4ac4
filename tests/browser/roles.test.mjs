// Each person is offered only the transitions of their role: on a technical
// question at L1 the L1 operator may escalate it, other staff see the ticket
// with nothing to do, the tester (who works on verifications only) does not
// get the ticket at all, and the customer is offered only their own step.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { uniqueEmail } from './server.mjs';
import {
  TEST_TIMEOUT_MS,
  assertNoPageErrors,
  inState,
  keepingEvidence,
  processCard,
  screenshot,
  signIn,
  texts,
  useServerAndBrowser,
  visible,
} from './browser.mjs';

const SUBJECT = 'Search results ignore the price filter';
const L1_TRANSITIONS = [
  'Answer the question',
  'Escalate to the incident manager',
  'Ask the customer',
];

describe('transitions offered by role', { timeout: TEST_TIMEOUT_MS }, () => {
  const env = useServerAndBrowser({ demo: true });
  let ticket;
  let customerEmail;

  before(async () => {
    customerEmail = await env.server.addUser('customer', {
      email: uniqueEmail('customer'),
      name: 'Kirill Orlov',
    });
    const customerApi = await env.server.apiAs(customerEmail);
    ticket = await customerApi.post('/tickets', {
      subject: SUBJECT,
      body: 'Filtering by price returns every product.',
      category: 'product',
    });
    const l1 = await env.server.apiAs('l1@helpdesk.example');
    await l1.fire(ticket.id, 'take_technical');
  });

  async function ticketPageOf(email) {
    const page = await env.openPage();
    await signIn(page, email, { path: `/tickets/${ticket.id}` });
    return page;
  }

  it('offers the L1 operator the L1 transitions, escalation among them', () =>
    keepingEvidence('roles-l1', env.pages, async () => {
      const page = await ticketPageOf('l1@helpdesk.example');
      const card = await inState(page, 'Technical question at L1');
      assert.deepEqual(
        await texts(card.getByRole('group', { name: 'Steps you may take' }).getByRole('button')),
        L1_TRANSITIONS,
      );
      assertNoPageErrors(page);
    }));

  it('offers other staff who may read the ticket nothing to fire', () =>
    keepingEvidence('roles-staff', env.pages, async () => {
      for (const email of [
        'itops@helpdesk.example',
        'dev@helpdesk.example',
        'board@helpdesk.example',
      ]) {
        const page = await ticketPageOf(email);
        const card = await inState(page, 'Technical question at L1');
        await visible(card.getByText('Nothing for you to do on this ticket now.'));
        assert.deepEqual(
          await texts(card.getByRole('group', { name: 'Steps you may take' }).getByRole('button')),
          [],
          email,
        );
        assert.equal(
          await page.getByRole('button', { name: 'Escalate to the incident manager' }).count(),
          0,
          email,
        );
        assertNoPageErrors(page);
      }
    }));

  it('does not show the tester an L1 ticket, let alone its escalation', () =>
    keepingEvidence('roles-tester', env.pages, async () => {
      const page = await ticketPageOf('tester@helpdesk.example');
      await visible(page.getByRole('heading', { name: 'Ticket not found', level: 1 }));
      assert.equal(
        await page.getByRole('button', { name: 'Escalate to the incident manager' }).count(),
        0,
      );
      assert.equal(await processCard(page).count(), 0);
      await page.goto('/#/queue');
      await visible(page.getByRole('heading', { name: 'Queue', level: 1 }));
      await visible(
        page
          .locator('.list-body')
          .getByRole('table')
          .or(page.getByText('No tickets match these filters.')),
      );
      assert.equal(await page.getByRole('link', { name: SUBJECT, exact: true }).count(), 0);
      assertNoPageErrors(page);
    }));

  it('offers the customer only withdrawing, and no staff controls', () =>
    keepingEvidence('roles-customer', env.pages, async () => {
      const page = await ticketPageOf(customerEmail);
      const card = await inState(page, 'An operator is working on it');
      await visible(card.getByText('An operator is working on your question.'));
      assert.deepEqual(
        await texts(card.getByRole('group', { name: 'Steps you may take' }).getByRole('button')),
        ['Withdraw the request'],
      );
      for (const staffOnly of [
        ...L1_TRANSITIONS,
        'Technical question',
        'Assign to me',
        'Save changes',
      ]) {
        assert.equal(await page.getByRole('button', { name: staffOnly }).count(), 0, staffOnly);
      }
      assert.equal(await page.getByRole('form', { name: 'Change the ticket' }).count(), 0);
      assert.equal(await page.getByLabel('Internal note').count(), 0);
      assert.equal(await page.getByRole('heading', { name: 'Service level' }).count(), 0);
      await screenshot(page, 'customer-ticket-in-work');
      assertNoPageErrors(page);
    }));
});
