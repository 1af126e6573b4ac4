// The app on a phone (360 × 740 CSS pixels): the customer's list, the staff
// queue and ticket pages fit the window, so the page never scrolls sideways;
// a list's rows are cards with the subject, the status and the deadline (due
// time for staff) in view, and the lists stay tables for screen readers,
// with the staff's sort buttons on screen.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  TEST_TIMEOUT_MS,
  assertNoPageErrors,
  inState,
  keepingEvidence,
  PHONE,
  screenshot,
  signIn,
  useServerAndBrowser,
  visible,
} from './browser.mjs';

const SUBJECT = 'The mobile checkout page cuts off the order total on small screens';

/** Fails when the page is wider than the window; names what sticks out. */
async function assertFitsWindow(page, what) {
  const found = await page.evaluate(() => {
    const limit = window.innerWidth;
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        // A frame that scrolls its own content (the diagram) may hold wider things.
        return box.width > 0 && box.right > limit + 0.5 && !el.closest('.diagram-viewport');
      })
      .slice(0, 5)
      .map(
        (el) =>
          `${el.localName}.${[...el.classList].join('.')} to ${el.getBoundingClientRect().right}`,
      );
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: limit, wide };
  });
  assert.ok(
    found.scrollWidth <= found.innerWidth,
    `${what}: the page is ${found.scrollWidth} px wide in a ${found.innerWidth} px window; ${found.wide.join(', ')}`,
  );
  assert.deepEqual(found.wide, [], `${what}: elements past the window's right edge`);
}

/** Waits until `locator` is visible and lies across the window's width. */
async function inWindow(page, locator, what) {
  await visible(locator);
  const box = await locator.first().boundingBox();
  const width = page.viewportSize().width;
  assert.ok(box && box.x >= 0 && box.x + box.width <= width, `${what} at ${JSON.stringify(box)}`);
  const text = (await locator.first().innerText()).trim();
  assert.ok(text.length > 0, `${what} has text`);
  return text;
}

/**
 * The list is a table of cards: its first row's subject and `columns` are in
 * the window, and neither the page nor the list scrolls sideways.
 */
async function assertListReadable(page, name, columns) {
  const table = page.getByRole('table', { name });
  const row = table.getByRole('row').nth(1);
  await visible(row.getByRole('cell').first());
  await inWindow(page, row.locator('td[data-col="subject"] a'), `${name}: the subject`);
  for (const column of columns) {
    await inWindow(page, row.locator(`td[data-col="${column}"] .cell-body`), `${name}: ${column}`);
  }
  const list = await page
    .locator('.list-body')
    .evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  assert.ok(list.scroll <= list.client, `the list scrolls sideways: ${JSON.stringify(list)}`);
  await assertFitsWindow(page, name);
  return table;
}

describe('the app on a phone', { timeout: TEST_TIMEOUT_MS }, () => {
  const env = useServerAndBrowser({ demo: true });
  let ticket;

  before(async () => {
    const anna = await env.server.apiAs('anna@acme.example');
    ticket = await anna.post('/tickets', {
      subject: SUBJECT,
      body: 'On a 360 px screen the total is hidden behind the pay button.',
      category: 'product',
    });
  });

  it('shows the customer their tickets as cards and a ticket within the window', () =>
    keepingEvidence('phone-customer', [], async () => {
      const page = await env.openPage({ viewport: PHONE });
      await signIn(page, 'anna@acme.example');
      await visible(page.getByRole('heading', { name: 'My tickets', level: 1 }));
      const table = await assertListReadable(page, 'My tickets', ['status', 'deadline']);
      const mine = table.getByRole('row').filter({ hasText: SUBJECT });
      await visible(mine.getByText('New', { exact: true }));
      await visible(mine.getByText('We will answer by', { exact: false }));
      await screenshot(page, 'phone-customer-list');

      await mine.getByRole('link', { name: SUBJECT }).click();
      await visible(page.getByRole('heading', { name: SUBJECT, level: 1 }));
      await visible(
        page.locator('[data-deadline]').getByText('We will answer by', { exact: false }),
      );
      await visible(page.getByRole('region', { name: 'Conversation' }));
      await assertFitsWindow(page, 'the customer’s ticket');
      await screenshot(page, 'phone-customer-ticket');
      assertNoPageErrors(page);
      await page.context().close();
    }));

  it('shows the staff queue as cards with sort buttons, and a ticket with its diagram', () =>
    keepingEvidence('phone-staff', [], async () => {
      const page = await env.openPage({ viewport: PHONE });
      await signIn(page, 'l1@helpdesk.example', { path: '/queue' });
      await visible(page.getByRole('heading', { name: 'Queue', level: 1 }));
      const table = await assertListReadable(page, 'Queue', ['status', 'due']);
      // The sortable headers stay on screen as buttons.
      const due = table.getByRole('columnheader', { name: /Due/ });
      assert.equal(await due.getAttribute('aria-sort'), 'ascending');
      await inWindow(page, due.getByRole('button'), 'the "Due" sort button');
      await screenshot(page, 'phone-staff-queue');

      // The queue lists by due time: the new ticket may be far down, not drawn yet.
      await page.goto(`/#/tickets/${ticket.id}`);
      await visible(page.getByRole('heading', { name: SUBJECT, level: 1 }));
      const process = await inState(page, 'New, to classify');
      await assertFitsWindow(page, 'the staff ticket');
      await process.getByRole('button', { name: 'Show the process diagram' }).click();
      const card = page.getByRole('region', { name: 'Process diagram' });
      await visible(card.getByRole('img', { name: /^Process diagram\. Current state/ }));
      await assertFitsWindow(page, 'the staff ticket with its diagram');
      await screenshot(page, 'phone-staff-ticket');
      assertNoPageErrors(page);
      await page.context().close();
    }));
});
