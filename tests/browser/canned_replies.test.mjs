// Canned replies: an L1 operator writing to a customer picks one of the reply
// templates the server fills in for the ticket (GET /api/v1/tickets/{id}/replies),
// by its title, above the reply box; its text lands in the box with the
// ticket's number, in the customer's language, and once sent the customer
// reads it. The list is read only when the agent reaches for it, works from
// the keyboard, appends to what is written, shows a failed read in the
// banner, and is not offered for an internal note nor to customers. The customer registers in an English
// browser, which makes English their language.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { uniqueEmail } from './server.mjs';
import {
  TEST_TIMEOUT_MS,
  assertAccessible,
  assertNoPageErrors,
  gone,
  keepingEvidence,
  screenshot,
  signIn,
  useServerAndBrowser,
  visible,
} from './browser.mjs';

const L1 = 'l1@helpdesk.example';
const SUBJECT = 'The invoice page shows last month';
const ASK = 'Ask the customer';

/** Whether `path` is the canned replies route. */
const isReplies = (path) => /^\/api\/v1\/tickets\/\d+\/replies$/.test(path);

describe('canned replies', { timeout: TEST_TIMEOUT_MS }, () => {
  const env = useServerAndBrowser({ demo: true });
  let customer;
  let customerApi;
  let agent;
  let ticket;
  /** The paths of /replies the agent's page asked for. */
  const asked = [];

  const replyBox = (page) => page.getByRole('textbox', { name: 'Reply', exact: true });
  const picker = (page) => page.getByRole('button', { name: 'Canned reply', exact: true });
  const list = (page) => page.getByRole('group', { name: 'Canned replies' });

  it('a customer registered in an English browser opens a ticket', () =>
    keepingEvidence('canned-customer', env.pages, async () => {
      customer = await env.openPage();
      const email = uniqueEmail('customer');
      await customer.goto('/#/register');
      await customer.getByLabel('Your name').fill('Oleg Petrov');
      await customer.getByLabel('E-mail').fill(email);
      await customer.getByLabel('Password').fill('correct horse battery');
      await customer.getByRole('button', { name: 'Create account' }).click();
      await visible(customer.getByRole('heading', { name: 'My tickets', level: 1 }));
      customerApi = await env.server.apiAs(email);
      // Registration keeps the browser's language: the customer reads replies in English.
      assert.equal((await customerApi.get('/me')).user.language, 'en');
      ticket = await customerApi.post('/tickets', {
        subject: SUBJECT,
        body: 'The invoices page still lists November.',
        category: 'product',
      });
      await assert.rejects(customerApi.get(`/tickets/${ticket.id}/replies`), / 403 /);
      assertNoPageErrors(customer);
    }));

  it('offers the agent the templates by title, read only when asked for', () =>
    keepingEvidence('canned-list', env.pages, async () => {
      agent = await env.openPage();
      agent.on('request', (request) => {
        const path = new URL(request.url()).pathname;
        if (isReplies(path)) asked.push(path);
      });
      await signIn(agent, L1, { path: `/tickets/${ticket.id}` });
      await visible(agent.getByRole('heading', { name: SUBJECT, level: 1 }));
      await visible(replyBox(agent));
      assert.deepEqual(asked, [], 'the ticket page does not read the canned replies');

      await picker(agent).click();
      assert.equal(await picker(agent).getAttribute('aria-expanded'), 'true');
      const offered = list(agent).getByRole('button');
      await visible(offered.filter({ hasText: ASK }));
      const titles = (await offered.allInnerTexts()).map((text) => text.trim());
      assert.deepEqual(titles, [...titles].sort(), 'sorted by title');
      assert.ok(titles.length > 1, titles.join(', '));
      assert.deepEqual(asked, [`/api/v1/tickets/${ticket.id}/replies`]);
      await screenshot(agent, 'canned-replies-open');
      await assertAccessible(agent, 'the ticket with the canned replies open');
      assertNoPageErrors(agent);
    }));

  it('puts the chosen reply into the reply box, focused, with the ticket number', () =>
    keepingEvidence('canned-insert', env.pages, async () => {
      await list(agent).getByRole('button', { name: ASK }).click();
      await gone(list(agent));
      assert.equal(await picker(agent).getAttribute('aria-expanded'), 'false');
      const box = replyBox(agent);
      const text = await box.inputValue();
      assert.match(text, new RegExp(`#${ticket.number}\\b`));
      assert.match(text, /we need more information/);
      assert.equal(await box.evaluate((el) => el === document.activeElement), true);
      await screenshot(agent, 'canned-reply-inserted');
    }));

  it('is not offered for an internal note', () =>
    keepingEvidence('canned-note', env.pages, async () => {
      const note = agent.getByLabel('Internal note — only staff can see it');
      await note.check();
      await gone(picker(agent));
      await note.uncheck();
      await visible(picker(agent));
    }));

  it('works from the keyboard and appends after what is written', () =>
    keepingEvidence('canned-keyboard', env.pages, async () => {
      const box = replyBox(agent);
      const before = await box.inputValue();
      await picker(agent).focus();
      await agent.keyboard.press('Enter');
      await visible(list(agent).getByRole('button', { name: ASK }));
      await agent.keyboard.press('Escape');
      await gone(list(agent));
      assert.equal(await picker(agent).evaluate((el) => el === document.activeElement), true);

      await agent.keyboard.press('Enter');
      await visible(list(agent).getByRole('button', { name: ASK }));
      // Down from the button to the first title, and on to "Ask the customer".
      await agent.keyboard.press('ArrowDown');
      for (let i = 0; i < 20; i += 1) {
        const focused = await agent.evaluate(() => document.activeElement?.textContent ?? '');
        if (focused === ASK) break;
        await agent.keyboard.press('ArrowDown');
      }
      await agent.keyboard.press('Enter');
      await gone(list(agent));
      const text = await box.inputValue();
      assert.equal(text, `${before}\n\n${before}`, 'the same reply again, after a blank line');
      assert.equal(await box.evaluate((el) => el === document.activeElement), true);
      // Read once: the ticket has not changed since.
      assert.equal(asked.length, 1, asked.join(', '));
      await box.fill(before);
    }));

  it('sends the reply and the customer reads it', () =>
    keepingEvidence('canned-sent', env.pages, async () => {
      const text = await replyBox(agent).inputValue();
      await agent.getByRole('button', { name: 'Send reply' }).click();
      const sent = agent.getByRole('article', { name: /^Message from / });
      await visible(sent.filter({ hasText: `#${ticket.number}` }));
      assert.equal(await replyBox(agent).inputValue(), '');

      await customer.goto(`/#/tickets/${ticket.id}`);
      await visible(customer.getByRole('heading', { name: SUBJECT, level: 1 }));
      const reply = customer.getByRole('article', { name: /^Message from / }).filter({
        hasText: `#${ticket.number}`,
      });
      await visible(reply.getByText('Support', { exact: true }));
      assert.equal((await reply.locator('.message-body').textContent()).trim(), text.trim());
      await screenshot(customer, 'canned-reply-customer');
      assertNoPageErrors(agent);
      assertNoPageErrors(customer);
    }));

  it('shows a failed read in the banner and reads again on the next opening', () =>
    keepingEvidence('canned-failed', env.pages, async () => {
      const page = await env.openPage();
      let refuse = true;
      await page.route(/\/api\/v1\/tickets\/\d+\/replies$/, (route) =>
        refuse
          ? route.fulfill({
              status: 503,
              contentType: 'application/problem+json',
              body: JSON.stringify({ title: 'Unavailable', detail: 'The templates are away.' }),
            })
          : route.continue(),
      );
      await signIn(page, L1, { path: `/tickets/${ticket.id}` });
      await visible(page.getByRole('heading', { name: SUBJECT, level: 1 }));
      await picker(page).click();
      await visible(page.locator('#banner').getByText('The templates are away.'));
      await gone(list(page));
      assert.equal(await picker(page).getAttribute('aria-expanded'), 'false');
      refuse = false;
      await picker(page).click();
      await visible(list(page).getByRole('button', { name: ASK }));
      assertNoPageErrors(page);
      await page.context().close();
    }));

  it('offers a customer no canned replies and never asks for them', () =>
    keepingEvidence('canned-customer-none', env.pages, async () => {
      const requests = [];
      customer.on('request', (request) => {
        if (isReplies(new URL(request.url()).pathname)) requests.push(request.url());
      });
      await customer.reload();
      await visible(customer.getByRole('heading', { name: SUBJECT, level: 1 }));
      const box = customer.getByRole('textbox', { name: 'Your reply' });
      await visible(box);
      await box.focus();
      assert.equal(await picker(customer).count(), 0);
      assert.equal(await customer.locator('.canned-replies').count(), 0);
      assert.deepEqual(requests, []);
      assertNoPageErrors(customer);
    }));
});
