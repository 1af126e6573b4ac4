// Support levels and special-request coupons as a customer sees them: the
// settings page shows their level in the server's words, whom it serves,
// each of its targets with how the time is counted, its entitlement table
// (what support does at that level: yes, no, or limited and how), and their
// coupons; the new-ticket form ends with the coupon, says
// what it gives in the words of the special level's targets, offers the
// customer's own coupon, shows the server's refusal of a wrong one under the
// field, and opens a special request whose deadline is counted around the
// clock, its deadline worded in the zone the server words it in. Dina
// (`helpdesk demo`) has a client licence and its coupon; a new customer,
// without tickets, reads the non-commercial level from GET /me.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  TEST_TIMEOUT_MS,
  assertNoPageErrors,
  keepingEvidence,
  screenshot,
  signIn,
  useServerAndBrowser,
  visible,
} from './browser.mjs';

const DINA = 'dina@mail.example';
const SUBJECT = 'The shop is down on a Sunday night';
const PROMISE =
  'A ticket opened with a coupon is a special request, served at the “Special request” level ' +
  'around the clock, every day of the week: first response within 1 h.';

/** "14:05": the time of `iso` in `timeZone`, as the app shows it in British English. */
function clockTime(iso, timeZone = 'Europe/Moscow') {
  return new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(new Date(iso));
}

/**
 * Checks the row of the entitlement `name` in the table `grants`: its grant in
 * words (`Yes`, `No`, `Limited`) and the limit, empty unless limited.
 */
async function assertEntitlement(grants, name, grant, note = '') {
  const header = grants.page().getByRole('rowheader', { name, exact: true });
  const row = grants.getByRole('row').filter({ has: header });
  await visible(row);
  const cells = (await row.getByRole('cell').allInnerTexts()).map((text) => text.trim());
  assert.equal(cells.length, 2, cells.join(' | '));
  await visible(row.getByRole('cell').first().getByText(grant, { exact: true }));
  assert.equal(cells[1], note, `the limit of ${name}`);
}

describe('support level and special-request coupons', { timeout: TEST_TIMEOUT_MS }, () => {
  const env = useServerAndBrowser({ demo: true });
  let page;
  let dinaApi;
  let code;

  before(async () => {
    dinaApi = await env.server.apiAs(DINA);
    const { items } = await dinaApi.get('/me/coupons');
    code = items.find((coupon) => !coupon.used_at).code;
    page = await env.openPage();
    await signIn(page, DINA);
  });

  it('shows the customer their level, its targets, how they are counted and their coupon', () =>
    keepingEvidence('settings-level', [page], async () => {
      await page.goto('/#/settings');
      const level = page.getByRole('region', { name: 'Your support level' });
      const name = level.locator('.level-name');
      await visible(name.getByText('Client, standard support', { exact: true }));
      await visible(name.getByText(/^active licence /));
      await visible(
        level.getByText('Who is served at this level: holders of an active licence.', {
          exact: true,
        }),
      );
      const targets = level.getByRole('table', {
        name: 'What the “Client, standard support” level promises',
      });
      const first = targets.getByRole('row', { name: /First response/ });
      await visible(first.getByRole('cell', { name: '6 h', exact: true }));
      await visible(
        first.getByText(
          'in working hours: 10:00–19:00 Moscow time, Monday to Friday, by the Russian production calendar',
        ),
      );
      const grants = level.getByRole('table', {
        name: 'What support does at the “Client, standard support” level',
      });
      await assertEntitlement(grants, 'help with product problems', 'Yes');
      await assertEntitlement(grants, 'phone / messenger support', 'No');
      await assertEntitlement(
        grants,
        'developers involved in the problem',
        'Limited',
        'with no guaranteed time frame',
      );
      assert.equal(await grants.locator('tbody tr').count(), 7, 'all seven entitlements');
      const coupons = page.getByRole('region', { name: 'Special-request coupons' });
      await visible(coupons.getByText(PROMISE));
      const row = coupons.getByRole('row', { name: new RegExp(code) });
      await visible(row.getByText('Not used yet'));
      await screenshot(page, 'settings-support-level');
      assertNoPageErrors(page);
    }));

  it('shows the server’s refusal of a wrong coupon under the coupon field', () =>
    keepingEvidence('coupon-wrong', [page], async () => {
      await page.goto('/#/tickets/new');
      await visible(page.getByRole('heading', { name: 'New ticket', level: 1 }));
      const special = page.getByRole('group', { name: 'Special request' });
      await visible(special.getByText(PROMISE, { exact: false }));
      await page.getByLabel('Subject').fill(SUBJECT);
      await page.getByLabel('Describe the problem').fill('Every page answers 502 since 23:00.');
      const field = special.getByLabel('Special-request coupon');
      await field.fill('SR-0000-0000-0000');
      await page.getByRole('button', { name: 'Send to support' }).click();
      await visible(special.getByText('no special-request coupon has the code SR-0000-0000-0000'));
      assert.equal(await field.getAttribute('aria-invalid'), 'true');
      assert.equal(await field.evaluate((el) => el === document.activeElement), true);
      await screenshot(page, 'new-ticket-coupon-refused');
      assertNoPageErrors(page);
    }));

  it('opens a special request with the customer’s coupon, due an hour later around the clock', () =>
    keepingEvidence('coupon-used', [page], async () => {
      const special = page.getByRole('group', { name: 'Special request' });
      await visible(special.getByText('Your coupon:'));
      await special.getByRole('button', { name: `Use ${code}` }).click();
      assert.equal(await special.getByLabel('Special-request coupon').inputValue(), code);
      await screenshot(page, 'new-ticket-coupon');
      await page.getByRole('button', { name: 'Send to support' }).click();
      const title = page.getByRole('heading', { name: SUBJECT, level: 1 });
      await visible(title);

      const details = page.getByRole('region', { name: 'Details' });
      await visible(details.getByText('Special request', { exact: true }));
      await visible(details.getByText('around the clock', { exact: true }));
      // Due one hour after it was opened, whatever the day and hour: 24/7.
      const { items } = await dinaApi.get('/tickets?limit=1');
      const ticket = items[0];
      assert.equal(ticket.subject, SUBJECT);
      assert.equal(ticket.level, 'special');
      const hour = (Date.parse(ticket.sla.due) - Date.parse(ticket.created_at)) / 1000;
      assert.ok(Math.abs(hour - 3600) <= 1, `due ${hour} s after opening`);
      const deadline = page.locator('[data-deadline]');
      await visible(deadline.getByText(`We will answer by`, { exact: false }));
      assert.match(await deadline.innerText(), new RegExp(`${clockTime(ticket.sla.due)}$`));
      // The server words the same instant in the reader's zone (Moscow by default).
      assert.match(ticket.sla.deadline_text, new RegExp(`, ${clockTime(ticket.sla.due)} MSK$`));
      await screenshot(page, 'customer-special-request');

      await page.goto('/#/settings');
      const coupons = page.getByRole('region', { name: 'Special-request coupons' });
      const row = coupons.getByRole('row', { name: new RegExp(code) });
      await visible(row.getByText('Used on', { exact: false }));
      await visible(row.getByRole('link', { name: `ticket #${ticket.number}` }));
      assertNoPageErrors(page);
    }));

  it('words the deadline in the zone of the customer’s profile, as the server does', () =>
    keepingEvidence('deadline-zone', [page], async () => {
      const zone = 'Asia/Novosibirsk';
      await dinaApi.patch('/me', { time_zone: zone });
      try {
        const { items } = await dinaApi.get('/tickets?limit=1');
        const { sla, id } = items[0];
        const time = clockTime(sla.due, zone);
        assert.notEqual(time, clockTime(sla.due), 'another clock than Moscow');
        assert.match(sla.deadline_text, new RegExp(`, ${time} \\S+$`));
        // The browser is in Moscow; the profile's zone wins, as on the server.
        await page.goto(`/#/tickets/${id}`);
        await page.reload();
        const deadline = page.locator('[data-deadline]');
        await visible(deadline.getByText('We will answer by', { exact: false }));
        assert.match(await deadline.innerText(), new RegExp(`${time}$`));
        assertNoPageErrors(page);
      } finally {
        await dinaApi.patch('/me', { time_zone: '' });
      }
    }));

  it('shows a customer without tickets or coupons the level their first ticket gets', () =>
    keepingEvidence('settings-level-new', [], async () => {
      const email = await env.server.addUser('customer', { name: 'Ivan Newcomer' });
      const freshApi = await env.server.apiAs(email);
      assert.deepEqual((await freshApi.get('/me')).level, {
        id: 'non_commercial',
        title: 'Non-commercial',
        reason: 'no active licence and no partner status',
      });
      assert.equal((await freshApi.get('/tickets?scope=mine')).items.length, 0);
      const fresh = await env.openPage();
      await signIn(fresh, email, { path: '/settings' });
      const level = fresh.getByRole('region', { name: 'Your support level' });
      const name = level.locator('.level-name');
      await visible(name.getByText('Non-commercial', { exact: true }));
      await visible(name.getByText('no active licence and no partner status', { exact: true }));
      await visible(level.getByText('Your next ticket gets this level', { exact: false }));
      assert.equal(await level.getByText('after your first ticket', { exact: false }).count(), 0);
      const targets = level.getByRole('table', {
        name: 'What the “Non-commercial” level promises',
      });
      const first = targets.getByRole('row', { name: /First response/ });
      await visible(first.getByRole('cell', { name: '24 h', exact: true }));
      const grants = level.getByRole('table', {
        name: 'What support does at the “Non-commercial” level',
      });
      await assertEntitlement(grants, 'phone / messenger support', 'No');
      await assertEntitlement(
        grants,
        'help with product problems',
        'Limited',
        'only if reproduced on a commercial version',
      );
      await screenshot(fresh, 'settings-support-level-non-commercial');
      const coupons = fresh.getByRole('region', { name: 'Special-request coupons' });
      await visible(coupons.getByText('You have no special-request coupons.', { exact: false }));
      await visible(coupons.getByText(PROMISE));
      assertNoPageErrors(fresh);
      await fresh.context().close();
    }));
});
