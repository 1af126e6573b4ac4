// A customer with thousands of tickets: the list draws only the rows near
// the viewport (a bounded number, whatever has been loaded), reads the next
// page as the person scrolls near the end, and reaches the oldest ticket.
// The table says how many rows it has once all are loaded, and "Load more"
// does from the keyboard what scrolling does. On a phone, where the rows are
// cards, the same holds and the page never scrolls sideways.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  PHONE,
  TEST_TIMEOUT_MS,
  assertNoPageErrors,
  keepingEvidence,
  screenshot,
  signIn,
  useServerAndBrowser,
  visible,
} from './browser.mjs';

const TICKETS = 2500;
/** Parallel requests while filling the database. */
const CONCURRENCY = 8;
/** The most rows the table may hold at once (the header included). */
const MAX_DRAWN = 120;

describe('a list of thousands of tickets', { timeout: TEST_TIMEOUT_MS }, () => {
  const env = useServerAndBrowser();
  let customer;
  /** The subject of the ticket with the lowest id: the last row of "My tickets". */
  let oldest;

  before(async () => {
    customer = await env.server.addUser('customer', { name: 'Olga Many' });
    const api = await env.server.apiAs(customer);
    const started = Date.now();
    const made = [];
    let next = 0;
    const worker = async () => {
      while (next < TICKETS) {
        next += 1;
        const n = next;
        const ticket = await api.post('/tickets', {
          subject: `Bulk ticket ${String(n).padStart(4, '0')}`,
          body: 'One of many.',
        });
        made.push(ticket);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    made.sort((a, b) => a.id - b.id);
    oldest = made[0].subject;
    console.log(`created ${made.length} tickets in ${Date.now() - started} ms`);
  });

  /** Scrolls to the end of the list, checking that the rows drawn stay few. */
  async function scrollToOldest(page, table, { fitsWindow = false } = {}) {
    const count = page.locator('.list-count');
    const oldestLink = table.getByRole('link', { name: oldest, exact: true });
    let most = 0;
    let rounds = 0;
    while (!(await oldestLink.isVisible())) {
      rounds += 1;
      assert.ok(rounds < 200, 'scrolling reaches the end');
      const before = await count.innerText();
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      // The next page arrives, or the oldest row is drawn.
      await page.waitForFunction(
        ([text, subject]) =>
          document.querySelector('.list-count')?.textContent !== text ||
          [...document.querySelectorAll('tbody a')].some((a) => a.textContent === subject),
        [before, oldest],
      );
      const drawn = await table.getByRole('row').count();
      most = Math.max(most, drawn);
      assert.ok(drawn <= MAX_DRAWN, `${drawn} rows drawn`);
      if (fitsWindow) {
        const [width, inner] = await page.evaluate(() => [
          document.documentElement.scrollWidth,
          window.innerWidth,
        ]);
        assert.ok(width <= inner, `the page is ${width} px wide in a ${inner} px window`);
      }
    }
    console.log(`${rounds} scrolls; at most ${most} rows drawn`);
    await visible(page.getByText(`${TICKETS.toLocaleString('en-GB')} tickets`, { exact: true }));
    assert.equal(await table.getAttribute('aria-rowcount'), String(TICKETS + 1));
    const last = table
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: oldest, exact: true }) });
    assert.equal(await last.getAttribute('aria-rowindex'), String(TICKETS + 1));
  }

  it('keeps the rows on the page bounded while scrolling reaches the oldest ticket', () => {
    let page;
    return keepingEvidence('long-list', [], async () => {
      page = await env.openPage();
      await signIn(page, customer);
      const table = page.getByRole('table', { name: 'My tickets' });
      await visible(table.getByRole('row').nth(5));
      assert.equal(await table.getAttribute('aria-rowcount'), '-1', 'more rows to come');
      await scrollToOldest(page, table);
      // The scrollbar is that of the whole list, not of the rows drawn.
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      assert.ok(height > TICKETS * 30, `the page is ${height} px high`);
      await screenshot(page, 'long-list-end', { fullPage: false });
      assertNoPageErrors(page);
      await page.context().close();
    });
  });

  it('loads the next page with "Load more" from the keyboard and focuses its first row', () =>
    keepingEvidence('long-list-more', [], async () => {
      const page = await env.openPage();
      await signIn(page, customer);
      const table = page.getByRole('table', { name: 'My tickets' });
      await visible(table.getByRole('row').nth(5));
      const loaded = Number((await page.locator('.list-count').innerText()).match(/\d+/)[0]);
      const more = page.getByRole('button', { name: 'Load more' });
      await more.focus();
      await page.keyboard.press('Enter');
      // Focus moves to the first row of the page just read (the header is row 1).
      await page.waitForFunction(
        (n) => Number(document.activeElement?.closest('tr')?.getAttribute('aria-rowindex')) > n + 1,
        loaded,
      );
      const focused = await page.evaluate(() => document.activeElement.textContent);
      assert.match(focused, /^Bulk ticket \d{4}$/);
      assert.ok((await table.getByRole('row').count()) <= MAX_DRAWN);
      assertNoPageErrors(page);
      await page.context().close();
    }));

  it('does the same on a phone, where the rows are cards as wide as the window', () =>
    keepingEvidence('long-list-phone', [], async () => {
      const page = await env.openPage({ viewport: PHONE });
      await signIn(page, customer);
      const table = page.getByRole('table', { name: 'My tickets' });
      await visible(table.getByRole('row').nth(5));
      const [card, inner] = await table
        .getByRole('row')
        .nth(1)
        .evaluate((row) => [row.getBoundingClientRect().width, window.innerWidth]);
      assert.ok(card <= inner, `a card is ${card} px wide in a ${inner} px window`);
      await scrollToOldest(page, table, { fitsWindow: true });
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      assert.ok(height > TICKETS * 60, `the page is ${height} px high`);
      await screenshot(page, 'long-list-phone-end', { fullPage: false });
      assertNoPageErrors(page);
      await page.context().close();
    }));
});
