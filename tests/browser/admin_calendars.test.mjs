// Administration, calendars: an administrator finds the calendars under
// "Administration", opens ru-business, goes to a year it does not cover
// (2031, checked through the API first), is told so, has a bad file refused
// under the file input in the server's words, previews an iCalendar file
// (sent as text/calendar) and a production calendar written here (the days
// it changes: 1 January a holiday, a worked Saturday, shortened pre-holiday
// days) and applies the latter; the year view then shows those days. The
// landing page and the list warn about a calendar in use that lacks the
// coming year (its coverage shortened on the way to the page), the year view
// fits a phone, reads in the dark scheme and speaks Russian in a Russian
// browser, and people who are not administrators see neither the entry nor
// the page.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  PHONE,
  TEST_TIMEOUT_MS,
  assertAccessible,
  assertNoPageErrors,
  keepingEvidence,
  screenshot,
  signIn,
  useServerAndBrowser,
  visible,
} from './browser.mjs';

const ADMIN = 'admin@helpdesk.example';
const CALENDAR = 'ru-business';
const YEAR = 2031;

/**
 * A plausible Russian production calendar for 2031 (1 January is a
 * Wednesday): 1-8 January off, 23 February (a Sunday) and 8 March (a
 * Saturday) moved to the Mondays after, 4 and 5 January moved to 2 May and
 * 31 December, Saturday 1 November worked so that 3 November is off, and
 * four shortened pre-holiday days. 261 weekdays - 15 holidays + 1 = 247.
 */
const CALENDAR_2031 = {
  format: 'ru-production-calendar/1',
  title: 'Production calendar 2031 (test)',
  country: 'RU',
  timezone: 'Europe/Moscow',
  years: {
    2031: {
      holidays: [
        '2031-01-01',
        '2031-01-02',
        '2031-01-03',
        '2031-01-06',
        '2031-01-07',
        '2031-01-08',
        '2031-02-24',
        '2031-03-10',
        '2031-05-01',
        '2031-05-02',
        '2031-05-09',
        '2031-06-12',
        '2031-11-03',
        '2031-11-04',
        '2031-12-31',
      ],
      working_weekends: ['2031-11-01'],
      weekend_holidays: ['2031-01-04', '2031-01-05', '2031-02-23', '2031-03-08'],
      short_days: ['2031-04-30', '2031-05-08', '2031-06-11', '2031-11-01'],
      working_days_total: 247,
      working_hours_40h: 1972,
    },
  },
};

/** New Year holidays of 2029 as iCalendar: sent as text/calendar. */
const ICS_2029 = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//helpdesk browser tests//EN',
  'BEGIN:VEVENT',
  'UID:new-year-2029@example.test',
  'DTSTART;VALUE=DATE:20290101',
  'DTEND;VALUE=DATE:20290109',
  'SUMMARY:New Year holidays',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

/** The same year, its total wrong: the server refuses it and names the mismatch. */
const BAD_2031 = structuredClone(CALENDAR_2031);
BAD_2031.years[2031].working_days_total = 250;

describe('administration: calendars', { timeout: TEST_TIMEOUT_MS }, () => {
  const env = useServerAndBrowser({ demo: true });
  let admin;
  let adminApi;
  let files;

  before(async () => {
    adminApi = await env.server.apiAs(ADMIN);
    const { items } = await adminApi.get('/admin/calendars');
    const calendar = items.find((c) => c.id === CALENDAR);
    assert.ok(calendar, `${CALENDAR} is among ${items.map((c) => c.id).join(', ')}`);
    assert.ok(
      calendar.years[1] < YEAR,
      `${CALENDAR} covers ${calendar.years}; the test needs ${YEAR} uncovered`,
    );
    const year = await adminApi.get(`/admin/calendars/${CALENDAR}/years/${YEAR}`);
    assert.equal(year.covered, false);
    assert.deepEqual(year.days, []);
    const folder = mkdtempSync(join(tmpdir(), 'hd-calendar-'));
    files = {
      good: join(folder, 'ru-2031.json'),
      bad: join(folder, 'ru-2031-bad.json'),
      ics: join(folder, 'new-year-2029.ics'),
    };
    writeFileSync(files.ics, ICS_2029);
    writeFileSync(files.good, JSON.stringify(CALENDAR_2031, null, 2));
    writeFileSync(files.bad, JSON.stringify(BAD_2031, null, 2));
  });

  const yearView = (page) => page.getByRole('region', { name: `Year ${YEAR}` });
  const day = (page, name) => page.getByRole('cell', { name, exact: true });

  it('shows the administrator the calendars under "Administration"', () =>
    keepingEvidence('admin-calendars-list', env.pages, async () => {
      admin = await env.openPage();
      await signIn(admin, ADMIN);
      const main = admin.getByRole('navigation', { name: 'Main' });
      await main.getByRole('link', { name: 'Administration' }).click();
      await visible(admin.getByRole('heading', { name: 'Administration', level: 1 }));
      assert.equal(
        await main.getByRole('link', { name: 'Administration' }).getAttribute('aria-current'),
        'page',
      );
      const sections = admin.getByRole('navigation', { name: 'Administration sections' });
      await sections.getByRole('link', { name: 'Calendars' }).click();
      await visible(admin.getByRole('heading', { name: 'Calendars', level: 1 }));
      assert.equal(
        await main.getByRole('link', { name: 'Administration' }).getAttribute('aria-current'),
        'true',
      );
      const table = admin.getByRole('table', { name: 'Calendars in force' });
      const row = table.getByRole('row').filter({ hasText: CALENDAR });
      await visible(row);
      assert.match(await row.innerText(), /Europe\/Moscow/);
      assert.match(await row.innerText(), /2023–2027/);
      assert.match(await row.innerText(), /Yes/, 'a support level uses it');
      // The coming year is covered: no warning.
      assert.equal(await admin.getByRole('region', { name: /runs out of data/ }).count(), 0);
      await assertAccessible(admin, 'the calendars');
      await row.getByRole('link').click();
      await visible(admin.getByRole('heading', { name: /^Year \d{4}$/, level: 2 }));
      await visible(admin.getByRole('list', { name: 'Legend' }));
      assertNoPageErrors(admin);
    }));

  it('says a year is not covered and refuses a bad file in the server’s words', () =>
    keepingEvidence('admin-calendars-uncovered', env.pages, async () => {
      await admin.goto(`/#/admin/calendars/${CALENDAR}?year=${YEAR - 1}`);
      await visible(admin.getByRole('heading', { name: `Year ${YEAR - 1}` }));
      await admin.getByRole('link', { name: `Next year, ${YEAR}` }).click();
      const view = yearView(admin);
      await visible(view.getByText(`The calendar has no data for ${YEAR}.`, { exact: false }));
      assert.equal(await view.getByRole('table').count(), 0, 'no month grids without data');

      const file = admin.getByLabel('Holiday file');
      await file.setInputFiles(files.bad);
      await visible(admin.getByText('Chosen: ru-2031-bad.json'));
      await admin.getByRole('button', { name: 'Preview changes' }).click();
      const error = admin.locator('.field[data-field="file"] .field-error');
      await visible(error);
      assert.match(await error.innerText(), /working_days_total/);
      assert.equal(await file.getAttribute('aria-invalid'), 'true');
      await screenshot(admin, 'admin-calendar-import-refused');

      // An iCalendar file goes as text/calendar; a preview stores nothing.
      const sent = admin.waitForRequest((request) => request.method() === 'PUT');
      await file.setInputFiles(files.ics);
      await admin.getByRole('button', { name: 'Preview changes' }).click();
      assert.equal((await sent).headers()['content-type'], 'text/calendar');
      const summary = admin.getByRole('list', { name: 'What the import changes' });
      await visible(summary.getByText(/^Adds 2029: /));
      assert.match(await summary.innerText(), /8 holidays/);
      assert.equal(await file.getAttribute('aria-invalid'), null);
      assertNoPageErrors(admin);
    }));

  it('previews the days a production calendar changes, then applies it', () =>
    keepingEvidence('admin-calendars-import', env.pages, async () => {
      await admin.getByLabel('Holiday file').setInputFiles(files.good);
      await admin.getByRole('button', { name: 'Preview changes' }).click();
      await visible(admin.getByRole('heading', { name: 'What the import changes' }));
      const summary = admin.getByRole('list', { name: 'What the import changes' });
      assert.match(await summary.innerText(), new RegExp(`Adds ${YEAR}: 247 working days`));
      assert.match(await summary.innerText(), /15 holidays/);
      const changes = admin.getByRole('table', { name: 'Days that change' });
      // A row is named by its cells: the date, the day before, the day after.
      const row = (name) => changes.getByRole('row', { name, exact: true });
      await visible(row('Wednesday, 1 January 2031 no data holiday'));
      assert.equal(
        await row('Thursday, 9 January 2031 no data working day, 9 hours').count(),
        0,
        'ordinary days of the new year are counted, not listed',
      );
      await visible(
        row(
          'Saturday, 1 November 2031 no data working day transferred from a weekend, shortened pre-holiday day, 9 hours',
        ),
      );
      await visible(
        row('Wednesday, 30 April 2031 no data working day, shortened pre-holiday day, 9 hours'),
      );
      await visible(admin.getByText(/^The other \d+ new days follow the ordinary week\.$/));
      assert.equal(
        (await adminApi.get(`/admin/calendars/${CALENDAR}/years/${YEAR}`)).covered,
        false,
        'a preview stores nothing',
      );
      await screenshot(admin, 'admin-calendar-import-preview');
      await assertAccessible(admin, 'the import preview');

      await admin.getByRole('button', { name: 'Apply', exact: true }).click();
      const view = yearView(admin);
      await visible(view.getByRole('status').filter({ hasText: /^Imported as / }));
      assert.match(await view.getByRole('status').innerText(), /covers 2023–2031/);
      await visible(day(admin, '1 January 2031, holiday'));
      await visible(day(admin, '4 January 2031, weekend'));
      await visible(day(admin, '9 January 2031, working day, 9 hours'));
      await visible(
        day(
          admin,
          '1 November 2031, working day transferred from a weekend, shortened pre-holiday day, 9 hours',
        ),
      );
      await visible(day(admin, '30 April 2031, working day, shortened pre-holiday day, 9 hours'));
      await visible(view.getByText('247 working days, 2,223 working hours.'));
      const stored = await adminApi.get(`/admin/calendars/${CALENDAR}/years/${YEAR}`);
      assert.equal(stored.covered, true);
      assert.equal(stored.working_days, 247);
      await screenshot(admin, 'admin-calendar-year');
      await assertAccessible(admin, 'the year view');
      assertNoPageErrors(admin);
    }));

  it('fits a phone and keeps the days apart in the dark scheme', () =>
    keepingEvidence('admin-calendars-phone', env.pages, async () => {
      const phone = await env.openPage({ viewport: PHONE });
      await phone.emulateMedia({ colorScheme: 'dark' });
      await signIn(phone, ADMIN, { path: `/admin/calendars/${CALENDAR}?year=${YEAR}` });
      await visible(day(phone, '1 January 2031, holiday'));
      const width = await phone.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        window: window.innerWidth,
      }));
      assert.ok(width.page <= width.window, `the page scrolls sideways: ${JSON.stringify(width)}`);
      const colours = await phone.evaluate(() => {
        const cell = (date) => getComputedStyle(document.querySelector(`td[data-date="${date}"]`));
        const of = (date) => ({ bg: cell(date).backgroundColor, fg: cell(date).color });
        return {
          page: getComputedStyle(document.body).backgroundColor,
          holiday: of('2031-01-01'),
          weekend: of('2031-01-04'),
          working: of('2031-01-09'),
        };
      });
      assert.notEqual(colours.holiday.bg, colours.working.bg);
      assert.notEqual(colours.weekend.bg, colours.working.bg);
      assert.notEqual(colours.page, 'rgb(245, 246, 248)', 'the dark scheme is on');
      await screenshot(phone, 'admin-calendar-year-phone-dark');
      await assertAccessible(phone, 'the year view on a dark phone');
      assertNoPageErrors(phone);
      await phone.context().close();
    }));

  it('speaks Russian in a Russian browser', () =>
    keepingEvidence('admin-calendars-russian', env.pages, async () => {
      const page = await env.openPage({ locale: 'ru-RU' });
      await signIn(page, ADMIN, {
        path: `/admin/calendars/${CALENDAR}?year=${YEAR}`,
        language: 'ru',
      });
      await visible(page.getByRole('heading', { name: `${YEAR} год`, level: 2 }));
      const main = page.getByRole('navigation', { name: 'Основное меню' });
      assert.equal(
        await main.getByRole('link', { name: 'Администрирование' }).getAttribute('aria-current'),
        'true',
      );
      await visible(day(page, '1 января 2031 г., праздничный нерабочий день'));
      await visible(
        day(page, '30 апреля 2031 г., рабочий день, сокращённый предпраздничный день, 9 часов'),
      );
      await visible(page.getByText('247 рабочих дней, 2 223 рабочих часа.'));
      await visible(page.getByRole('list', { name: 'Условные обозначения' }));
      await visible(page.getByRole('button', { name: 'Показать изменения' }));
      assertNoPageErrors(page);
      await page.context().close();
    }));

  it('warns when a calendar in use lacks the coming year', () =>
    keepingEvidence('admin-calendars-warning', env.pages, async () => {
      const page = await env.openPage();
      const coming = new Date().getFullYear() + 1;
      // The calendars as they would be a year on: ru-business ends this year.
      await page.route('**/api/v1/admin/calendars', async (route) => {
        const response = await route.fetch();
        const body = await response.json();
        for (const calendar of body.items) {
          if (calendar.id === CALENDAR) {
            calendar.years = [2023, coming - 1];
            calendar.covered = [[2023, coming - 1]];
          }
        }
        await route.fulfill({ response, json: body });
      });
      await signIn(page, ADMIN, { path: '/admin' });
      const warning = page.getByRole('region', { name: 'A calendar runs out of data' });
      await visible(warning);
      assert.match(await warning.innerText(), new RegExp(`no data for ${coming}`));
      await warning.getByRole('link', { name: `Import ${coming}` }).click();
      await visible(page.getByRole('heading', { name: `Year ${coming}` }));
      await page.goto('/#/admin/calendars');
      await visible(page.getByRole('region', { name: 'A calendar runs out of data' }));
      await screenshot(page, 'admin-calendars-warning');
      assertNoPageErrors(page);
      await page.context().close();
    }));

  for (const [who, email] of [
    ['an L1 operator', 'l1@helpdesk.example'],
    ['a customer', 'anna@acme.example'],
  ]) {
    it(`shows ${who} neither the entry nor the page`, () =>
      keepingEvidence('admin-calendars-forbidden', env.pages, async () => {
        const page = await env.openPage();
        const asked = [];
        page.on('request', (request) => {
          if (new URL(request.url()).pathname.startsWith('/api/v1/admin/')) {
            asked.push(request.url());
          }
        });
        await signIn(page, email);
        const main = page.getByRole('navigation', { name: 'Main' });
        await visible(main.getByRole('link', { name: 'Settings' }));
        assert.equal(await main.getByRole('link', { name: 'Administration' }).count(), 0);
        await page.goto('/#/admin/calendars');
        await visible(page.getByRole('heading', { name: 'Administrators only', level: 1 }));
        await visible(page.getByText('so you may not see it', { exact: false }));
        assert.deepEqual(asked, [], 'the page asks the API nothing');
        await assertAccessible(page, `the administration page for ${who}`);
        assertNoPageErrors(page);
        await page.context().close();
      }));
  }
});
