// Keyboard shortcuts: `?` lists them in a dialog; in the queue j and k move
// a visible selection and Enter opens the selected ticket; on a ticket j
// and k open the next and previous ticket of that list, r and n start a
// reply and an internal note, t goes to the process's steps; g then m or q
// go to a list; / goes to the filter. Nothing fires while typing in a field
// or with Alt held.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  TEST_TIMEOUT_MS,
  assertNoPageErrors,
  gone,
  inState,
  keepingEvidence,
  processCard,
  screenshot,
  signIn,
  texts,
  useServerAndBrowser,
  visible,
} from './browser.mjs';

describe('keyboard shortcuts', { timeout: TEST_TIMEOUT_MS }, () => {
  const env = useServerAndBrowser({ demo: true });
  let page;

  /** A fresh ticket of Anna's, new on the support process. */
  let fresh;

  before(async () => {
    const anna = await env.server.apiAs('anna@acme.example');
    fresh = await anna.post('/tickets', {
      subject: 'The invoice page shows no VAT',
      body: 'The VAT line is missing from every invoice.',
      category: 'product',
    });
    page = await env.openPage();
    await signIn(page, 'l1@helpdesk.example');
  });

  /** The text of the focused element. */
  const focusedText = () => page.evaluate(() => document.activeElement?.textContent?.trim());
  const heading = () => page.getByRole('heading', { level: 1 });

  /** The subjects of the first rows of the queue, top down. */
  async function queueSubjects() {
    const table = page.getByRole('table', { name: 'Queue' });
    await visible(table.getByRole('row').nth(3));
    return texts(table.locator('tbody td[data-col="subject"] a'));
  }

  it('lists the shortcuts in a dialog opened with ? and closed with Escape', () =>
    keepingEvidence('keys-dialog', [page], async () => {
      await visible(page.getByRole('heading', { name: 'Queue', level: 1 }));
      await page.keyboard.press('?');
      const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await visible(dialog);
      for (const words of [
        'Select the next ticket',
        'Open the selected ticket',
        'Open the next ticket of the list you came from',
        'Write a reply',
        'Write an internal note',
        'Go to the queue',
        'Go to the tickets assigned to me',
        'Show this list',
      ]) {
        await visible(dialog.getByText(words, { exact: true }));
      }
      const goQueue = dialog.getByRole('row').filter({ hasText: 'Go to the queue' });
      assert.match((await goQueue.innerText()).replace(/\s+/g, ' '), /g then q Go to the queue/);
      await screenshot(page, 'keyboard-shortcuts-dialog', { fullPage: false });
      await page.keyboard.press('Escape');
      await gone(dialog);
      assertNoPageErrors(page);
    }));

  it('moves a selection through the queue with j and k and opens it with Enter', () =>
    keepingEvidence('keys-list', [page], async () => {
      const subjects = await queueSubjects();
      assert.ok(subjects.length >= 3, subjects.join(', '));
      await page.keyboard.press('j');
      assert.equal(await focusedText(), subjects[0]);
      await page.keyboard.press('j');
      await page.keyboard.press('j');
      assert.equal(await focusedText(), subjects[2]);
      await page.keyboard.press('k');
      assert.equal(await focusedText(), subjects[1]);
      const selected = page.locator('tr.row-selected');
      assert.equal(await selected.count(), 1);
      assert.equal(
        (await selected.locator('td[data-col="subject"]').innerText()).trim(),
        subjects[1],
      );
      // With Alt held, j is the browser's, not the list's.
      await page.keyboard.press('Alt+j');
      assert.equal(await focusedText(), subjects[1]);
      await screenshot(page, 'keyboard-queue-selection', { fullPage: false });
      await page.keyboard.press('Enter');
      await visible(page.getByRole('heading', { name: subjects[1], level: 1 }));
      assertNoPageErrors(page);
    }));

  it('opens the next and previous ticket of the queue with j and k on a ticket', () =>
    keepingEvidence('keys-ticket-next', [page], async () => {
      const subjects = await (async () => {
        await page.goto('/#/queue');
        const list = await queueSubjects();
        await page.getByRole('link', { name: list[0], exact: true }).click();
        return list;
      })();
      await visible(page.getByRole('heading', { name: subjects[0], level: 1 }));
      await page.keyboard.press('j');
      await visible(page.getByRole('heading', { name: subjects[1], level: 1 }));
      await page.keyboard.press('j');
      await visible(page.getByRole('heading', { name: subjects[2], level: 1 }));
      await page.keyboard.press('k');
      await visible(page.getByRole('heading', { name: subjects[1], level: 1 }));
      assertNoPageErrors(page);
    }));

  it('starts a reply with r and an internal note with n, and leaves typed keys alone', () =>
    keepingEvidence('keys-reply', [page], async () => {
      const title = (await heading().innerText()).trim();
      await page.keyboard.press('r');
      const body = page.getByRole('textbox', { name: 'Reply', exact: true });
      await visible(body);
      assert.equal(await body.evaluate((el) => el === document.activeElement), true);
      // Typed into the field, j and k are letters.
      await page.keyboard.type('jk g m');
      assert.equal(await body.inputValue(), 'jk g m');
      await visible(page.getByRole('heading', { name: title, level: 1 }));
      await body.fill('');
      await heading().focus();
      await page.keyboard.press('n');
      const internal = page.getByLabel('Internal note — only staff can see it');
      assert.equal(await internal.isChecked(), true);
      assert.equal(await body.evaluate((el) => el === document.activeElement), true);
      await visible(page.getByRole('button', { name: 'Add internal note' }));
      await heading().focus();
      await page.keyboard.press('r');
      assert.equal(await internal.isChecked(), false);
      await visible(page.getByRole('button', { name: 'Send reply' }));
      assertNoPageErrors(page);
    }));

  it('goes to the process steps on offer with t, or opens the only one', () =>
    keepingEvidence('keys-transition', [page], async () => {
      await page.goto(`/#/tickets/${fresh.id}`);
      const card = await inState(page, 'New, to classify');
      await page.keyboard.press('t');
      const steps = await texts(
        card.getByRole('group', { name: 'Steps you may take' }).getByRole('button'),
      );
      assert.ok(steps.length > 1, steps.join(', '));
      assert.equal(await focusedText(), steps[0]);

      // The customer has one step to take: t opens its form.
      const customer = await env.openPage();
      await signIn(customer, 'anna@acme.example', { path: `/tickets/${fresh.id}` });
      const theirs = processCard(customer);
      await visible(theirs.getByRole('button', { name: 'Withdraw the request' }));
      await customer.keyboard.press('t');
      const dialog = customer.getByRole('dialog', { name: 'Withdraw the request' });
      await visible(dialog);
      await customer.keyboard.press('Escape');
      await gone(dialog);
      assertNoPageErrors(customer);
      await customer.context().close();
      assertNoPageErrors(page);
    }));

  it('takes the letters by their key, so the Russian layout works too', () =>
    keepingEvidence('keys-layout', [page], async () => {
      await page.goto('/#/queue');
      const subjects = await queueSubjects();
      // "о" is what the J key types in the Russian layout.
      await page.evaluate(() =>
        document.body.dispatchEvent(
          new KeyboardEvent('keydown', { key: 'о', code: 'KeyJ', bubbles: true }),
        ),
      );
      assert.equal(await focusedText(), subjects[0]);
      assertNoPageErrors(page);
    }));

  it('goes to my tickets with g then m, to the queue with g then q, and to the filter with /', () =>
    keepingEvidence('keys-go', [page], async () => {
      await heading().focus();
      await page.keyboard.press('g');
      await page.keyboard.press('m');
      await visible(page.getByRole('heading', { name: 'Assigned to me', level: 1 }));
      await page.keyboard.press('g');
      await page.keyboard.press('q');
      await visible(page.getByRole('heading', { name: 'Queue', level: 1 }));
      await page.keyboard.press('/');
      const first = page.getByRole('checkbox', { name: 'New' });
      assert.equal(await first.evaluate((el) => el === document.activeElement), true);
      assertNoPageErrors(page);
    }));
});
