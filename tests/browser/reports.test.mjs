// Reports and the staff dashboard. Six tickets of a company of their own
// arrive through the API (three on the web, two by e-mail, one through the
// API), so the intake report filtered by that company knows its numbers:
// an administrator chooses the days, the split by channel and the company,
// and reads 3, 2 and 1 in the chart's caption, in its bars and in the table
// beneath, and again in the CSV the page downloads. Four tickets of another
// company are left new, open (one of them escalated to L2) and waiting for
// the customer: the backlog page shows today's counts as the API gives
// them, in the chart's caption and bars, in the table and in the CSV, with
// the days before counting began shaded rather than drawn as zeros; intake
// by category names their categories by their labels. An L1 operator finds the
// reports in the main navigation (without the company filter, which only
// administrators may list), reads the SLA page with its days, time zone and
// calendar named, and the compliance page with the missed targets linked to
// their tickets; the dashboard shows the counts of the queues and reports
// behind it. Customers never see any of it; the pages read in Russian on a
// dark phone.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  PHONE,
  TEST_TIMEOUT_MS,
  assertAccessible,
  assertNoPageErrors,
  assertNoSidewaysScroll,
  keepingEvidence,
  screenshot,
  signIn,
  texts,
  useServerAndBrowser,
  visible,
} from './browser.mjs';

const ADMIN = 'admin@helpdesk.example';
const L1 = 'l1@helpdesk.example';
const ANNA = 'anna@acme.example';
const COMPANY = 'Northwind Reports Ltd';
const ZONE = 'Europe/Moscow';
const BACKLOG_COMPANY = 'Backlog Check Ltd';
/**
 * The backlog test's tickets: their category and the transitions that
 * leave them new, open, waiting for the customer, and open at L2.
 */
const BACKLOG = [
  { subject: 'Backlog check new', category: 'licence', steps: [] },
  { subject: 'Backlog check open', category: 'product', steps: ['take_technical'] },
  { subject: 'Backlog check waiting', category: 'licence', steps: ['ask_customer'] },
  {
    subject: 'Backlog check escalated',
    category: 'product',
    steps: ['take_technical', 'escalate'],
  },
];
/** The tickets the test opens, by channel. */
const OPENED = { web: 3, email: 2, api: 1 };
const TOTAL = Object.values(OPENED).reduce((a, b) => a + b, 0);

/** A day (YYYY-MM-DD) in the zone the pages and the server count in, `plus` days from today. */
function dayIn(zone, plus = 0) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date());
  const get = (type) => Number(parts.find((p) => p.type === type).value);
  const date = new Date(Date.UTC(get('year'), get('month') - 1, get('day') + plus));
  return date.toISOString().slice(0, 10);
}

/** YYYY-MM-DD as typed into the English app's date fields (en-GB: DD/MM/YYYY). */
const typed = (day) => day.split('-').reverse().join('/');

/** A share as the English app writes it. */
const percent = (value) =>
  new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(value);

/** The days from `first` to `last`, both included. */
function daysBetween(first, last) {
  const days = [];
  for (let day = first; day <= last;) {
    days.push(day);
    const next = new Date(`${day}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    day = next.toISOString().slice(0, 10);
  }
  return days;
}

/** A CSV without quoted fields: the header's names and each row's values. */
function csvTable(text) {
  const [header, ...lines] = text.trim().split(/\r?\n/);
  return { names: header.split(','), rows: lines.map((line) => line.split(',')) };
}

describe('reports and the dashboard', { timeout: TEST_TIMEOUT_MS }, () => {
  const env = useServerAndBrowser({ demo: true });
  const today = () => dayIn(ZONE);
  let companyId;
  let backlogCompanyId;
  let opened = [];
  let intakeBefore = 0;
  let l1Api;

  before(async () => {
    const customer = await env.server.addUser('customer', {
      name: 'Rita Norris',
      company: COMPANY,
    });
    const adminApi = await env.server.apiAs(ADMIN);
    companyId = (await adminApi.get('/admin/companies')).items.find((c) => c.name === COMPANY).id;
    l1Api = await env.server.apiAs(L1);
    // The backlog's tickets first, so that they are among today's intake before it is read.
    const other = await env.server.addUser('customer', {
      name: 'Bo Lund',
      company: BACKLOG_COMPANY,
    });
    backlogCompanyId = (await adminApi.get('/admin/companies')).items.find(
      (c) => c.name === BACKLOG_COMPANY,
    ).id;
    for (const { subject, category, steps } of BACKLOG) {
      const ticket = await l1Api.post('/tickets', {
        subject,
        category,
        body: 'Counted by the backlog report.',
        on_behalf_of: other,
        channel: 'web',
      });
      for (const step of steps) {
        await l1Api.fire(ticket.id, step, step === 'escalate' ? { escalation_reason: 'L2.' } : {});
      }
    }
    const intake = await l1Api.get(`/reports/intake?from=${today()}&to=${dayIn(ZONE, 1)}`);
    intakeBefore = intake.items.reduce((sum, item) => sum + item.tickets, 0);
    for (const [channel, count] of Object.entries(OPENED)) {
      for (let i = 1; i <= count; i += 1) {
        opened.push(
          await l1Api.post('/tickets', {
            subject: `Report check ${channel} ${i}`,
            body: 'Counted by the reports test.',
            on_behalf_of: customer,
            channel,
          }),
        );
      }
    }
  });

  it('shows intake by channel in a chart, a table and a CSV with the same numbers', () =>
    keepingEvidence('reports-intake', env.pages, async () => {
      const admin = await env.signedInPage(ADMIN, { path: '/reports/intake' });
      await visible(admin.getByRole('heading', { name: 'Intake', level: 1 }));
      // The last 30 days up to today by default, kept in the address.
      await admin.waitForURL(new RegExp(`from=${dayIn(ZONE, -29)}&to=${today()}`));
      assert.equal(await admin.getByLabel('To', { exact: true }).inputValue(), typed(today()));

      await admin.getByLabel('From', { exact: true }).fill(typed(today()));
      await admin.getByLabel('Split by').selectOption({ label: 'Channel' });
      await admin.getByLabel('Company').selectOption({ label: COMPANY });
      await admin.getByRole('button', { name: 'Show the report' }).click();
      await admin.waitForURL(/by=channel/);
      assert.match(admin.url(), new RegExp(`from=${today()}&to=${today()}.*company=${companyId}`));

      const table = admin.getByRole('table', { name: 'Tickets opened per day' });
      await visible(table.locator('tfoot'));
      const headers = await texts(table.locator('thead th'));
      assert.deepEqual(headers, ['Period', 'Web', 'E-mail', 'API', 'Total']);
      const totals = await texts(table.locator('tfoot').getByRole('cell'));
      assert.deepEqual(totals, ['3', '2', '1', '6']);

      const figure = admin.locator('figure.chart');
      const caption = await figure.locator('figcaption').innerText();
      assert.match(caption, new RegExp(`^${TOTAL} tickets opened from`));
      assert.match(caption, /Web: 3, E-mail: 2, API: 1\./);
      const image = figure.getByRole('img', { name: 'Tickets opened per day' });
      await visible(image);
      assert.equal(
        await image.getAttribute('aria-describedby'),
        await figure.locator('figcaption').getAttribute('id'),
      );
      const bars = await image
        .locator('rect.chart-bar')
        .evaluateAll((rects) => rects.map((r) => `${r.dataset.series}=${r.dataset.value}`));
      assert.deepEqual(bars.sort(), ['API=1', 'E-mail=2', 'Web=3']);
      await screenshot(admin, 'reports-intake');
      await assertAccessible(admin, 'the intake report');

      const csv = admin.getByRole('link', { name: 'Download CSV' });
      const address = await csv.getAttribute('href');
      assert.match(address, /^\/api\/v1\/reports\/intake\?/);
      assert.match(address, new RegExp(`to=${dayIn(ZONE, 1)}.*company=${companyId}.*by=channel`));
      assert.match(address, /format=csv$/);
      const [download] = await Promise.all([admin.waitForEvent('download'), csv.click()]);
      const { names, rows } = csvTable(readFileSync(await download.path(), 'utf8'));
      const at = (name) => names.indexOf(name);
      assert.deepEqual(
        rows.map((values) => ['day', 'channel', 'tickets'].map((name) => values[at(name)])).sort(),
        [
          [today(), 'api', '1'],
          [today(), 'email', '2'],
          [today(), 'web', '3'],
        ],
      );
      assertNoPageErrors(admin);
    }));

  it('shows the backlog of today in a chart, a table and a CSV with the same numbers', () =>
    keepingEvidence('reports-backlog', env.pages, async () => {
      const from = dayIn(ZONE, -29);
      const range = `from=${from}&to=${dayIn(ZONE, 1)}&company=${backlogCompanyId}`;
      const report = await l1Api.get(`/reports/backlog?${range}&by=status`);
      assert.equal(report.time_zone, ZONE);
      // The company's tickets were all opened today: no earlier day has any.
      assert.ok(report.items.every((item) => item.day === today()));
      const now = Object.fromEntries(report.items.map((item) => [item.key, item.tickets]));
      assert.deepEqual(now, { new: 1, open: 2, pending: 1 });
      const total = now.new + now.open + now.pending;
      const first = report.history_from && report.history_from > from ? report.history_from : from;
      const counted = report.history_from ? daysBetween(first, today()) : [today()];
      const uncounted = daysBetween(from, today()).length - counted.length;

      const admin = await env.signedInPage(ADMIN, { path: '/reports' });
      await admin.locator('.section-cards').getByRole('link', { name: 'Backlog' }).click();
      await visible(admin.getByRole('heading', { name: 'Backlog', level: 1 }));
      await admin.getByLabel('Company').selectOption({ label: BACKLOG_COMPANY });
      await admin.getByRole('button', { name: 'Show the report' }).click();
      await admin.waitForURL(new RegExp(`from=${from}&to=${today()}.*company=${backlogCompanyId}`));

      const scope = await admin.locator('.report-scope').innerText();
      assert.match(scope, new RegExp(`Each day is counted as it ends in the ${ZONE} time zone`));
      if (!report.history_from) {
        assert.match(scope, /Counting starts once the first day ends/);
      } else if (uncounted) {
        assert.match(scope, /Counting began with .+: earlier days have no count\./);
      }

      const title = 'Unresolved tickets at the end of each day';
      const table = admin.getByRole('table', { name: title });
      await visible(table);
      const headers = await texts(table.locator('thead th'));
      assert.deepEqual(headers, ['Period', 'New', 'Open', 'Waiting for customer', 'Total']);
      const rows = table.locator('tbody tr');
      // One row per counted day, today last; the days before counting began have none.
      assert.equal(await rows.count(), counted.length);
      const last = await texts(rows.last().getByRole('cell'));
      assert.deepEqual(last, [now.new, now.open, now.pending, total].map(String));
      const earlier = await rows.evaluateAll((trs) =>
        trs
          .slice(0, -1)
          .flatMap((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)),
      );
      assert.ok(
        earlier.every((text) => text === '0'),
        `earlier days: ${earlier}`,
      );

      const figure = admin.locator('figure.chart');
      const caption = await figure.locator('figcaption').innerText();
      assert.match(
        caption,
        new RegExp(
          `^Now, on .+: ${total} tickets new, open or waiting for the customer\\. ` +
            `New: ${now.new}, Open: ${now.open}, Waiting for customer: ${now.pending}\\.`,
        ),
      );
      const image = figure.getByRole('img', { name: title });
      await visible(image);
      assert.equal(
        await image.getAttribute('aria-describedby'),
        await figure.locator('figcaption').getAttribute('id'),
      );
      const bars = await image
        .locator('rect.chart-bar')
        .evaluateAll((rects) => rects.map((r) => `${r.dataset.series}=${r.dataset.value}`));
      assert.deepEqual(bars.sort(), [
        `New=${now.new}`,
        `Open=${now.open}`,
        `Waiting for customer=${now.pending}`,
      ]);
      // Days without a count are shaded and said to be so, never drawn as zeros.
      assert.equal(await image.locator('rect.chart-gap').count(), uncounted);
      if (uncounted && report.history_from) {
        assert.match(caption, /Days before .+ have no count\./);
        await visible(figure.locator('.chart-legend').getByText('Not counted'));
      }
      await screenshot(admin, 'reports-backlog');
      await assertAccessible(admin, 'the backlog report');

      const csv = admin.getByRole('link', { name: 'Download CSV' });
      const address = await csv.getAttribute('href');
      assert.match(address, /^\/api\/v1\/reports\/backlog\?/);
      assert.match(address, new RegExp(`company=${backlogCompanyId}.*by=status.*format=csv$`));
      const [download] = await Promise.all([admin.waitForEvent('download'), csv.click()]);
      const { names, rows: lines } = csvTable(readFileSync(await download.path(), 'utf8'));
      const at = (name) => names.indexOf(name);
      assert.ok(lines.every((values) => values[at('day')] === today()));
      assert.deepEqual(
        Object.fromEntries(
          lines.map((values) => [values[at('status')], Number(values[at('tickets')])]),
        ),
        now,
      );

      const tiers = await l1Api.get(`/reports/backlog?${range}&by=tier`);
      await admin.getByLabel('Split by').selectOption({ label: 'Tier' });
      await admin.getByRole('button', { name: 'Show the report' }).click();
      await admin.waitForURL(/by=tier/);
      await visible(table.locator('thead th', { hasText: 'L2' }));
      assert.deepEqual(await texts(table.locator('thead th')), [
        'Period',
        ...tiers.items.map((item) => item.label),
        'Total',
      ]);
      assert.deepEqual(await texts(rows.last().getByRole('cell')), [
        ...tiers.items.map((item) => String(item.tickets)),
        String(total),
      ]);
      assertNoPageErrors(admin);
    }));

  it('names the categories of intake by their labels', () =>
    keepingEvidence('reports-intake-labels', env.pages, async () => {
      const labels = new Map((await l1Api.get('/categories')).items.map((c) => [c.slug, c.label]));
      const range = `from=${today()}&to=${dayIn(ZONE, 1)}&company=${backlogCompanyId}`;
      const intake = await l1Api.get(`/reports/intake?${range}&by=category`);
      assert.deepEqual(
        intake.items.map((item) => [item.key, item.label]).sort(),
        ['licence', 'product'].map((slug) => [slug, labels.get(slug)]),
      );
      const page = await env.openPage();
      const path = `/reports/intake?from=${today()}&to=${today()}&by=category&company=${backlogCompanyId}`;
      await signIn(page, ADMIN, { path });
      const table = page.getByRole('table', { name: 'Tickets opened per day' });
      await visible(table.locator('tfoot'));
      const expected = [labels.get('licence'), labels.get('product')].sort();
      const headers = await texts(table.locator('thead th'));
      assert.deepEqual(headers.slice(1, -1).sort(), expected);
      assert.deepEqual(await texts(table.locator('tfoot').getByRole('cell')), ['2', '2', '4']);
      assert.deepEqual((await texts(page.locator('.chart-legend li'))).sort(), expected);
      assertNoPageErrors(page);
    }));

  it('lets staff find the reports, with days, zone and calendar named', () =>
    keepingEvidence('reports-sla', env.pages, async () => {
      const page = await env.signedInPage(L1);
      const main = page.getByRole('navigation', { name: 'Main' });
      const links = await texts(main.getByRole('link'));
      assert.equal(links[0], 'Dashboard');
      await main.getByRole('link', { name: 'Reports' }).click();
      await visible(page.getByRole('heading', { name: 'Reports', level: 1 }));
      await page.getByRole('link', { name: 'SLA', exact: true }).first().click();
      await visible(page.getByRole('heading', { name: 'SLA', level: 1 }));
      assert.equal(
        await main.getByRole('link', { name: 'Reports' }).getAttribute('aria-current'),
        'true',
      );
      // Only administrators may list companies, so nobody else is offered the filter.
      await visible(page.getByLabel('Support level'));
      assert.equal(await page.getByLabel('Company').count(), 0);
      const scope = page.locator('.report-scope');
      await visible(scope);
      assert.match(await scope.innerText(), new RegExp(`days in the ${ZONE} time zone`));
      assert.match(await scope.innerText(), /Hours are working time of/);
      const image = page.getByRole('img', { name: 'Within target per support level' });
      await visible(image);
      await visible(page.getByRole('table', { name: 'First response' }));
      await page.getByLabel('Rows').selectOption({ label: 'Tier' });
      await page.getByRole('button', { name: 'Show the report' }).click();
      await visible(page.getByRole('img', { name: 'Within target per tier' }));
      const tiers = await texts(
        page.getByRole('table', { name: 'First response' }).locator('tbody th'),
      );
      const expected = (
        await l1Api.get(`/reports/sla?from=${dayIn(ZONE, -29)}&to=${dayIn(ZONE, 1)}&by=tier`)
      ).items;
      assert.deepEqual(
        tiers,
        expected.map((row) => row.label),
      );
      await assertAccessible(page, 'the SLA report');
      assertNoPageErrors(page);
    }));

  it('lists the compliance per day and the missed targets linked to their tickets', () =>
    keepingEvidence('reports-compliance', env.pages, async () => {
      const page = await env.signedInPage(L1, { path: '/reports/compliance' });
      await visible(page.getByRole('heading', { name: 'Compliance', level: 1 }));
      const range = `from=${dayIn(ZONE, -29)}&to=${dayIn(ZONE, 1)}`;
      const report = await l1Api.get(`/reports/compliance?${range}&period=day`);
      const image = page.getByRole('img', { name: 'Share on time per day' });
      await visible(image);
      const points = await image.locator('circle.chart-point').count();
      const judged = report.items
        .flatMap((row) => [row.first_response, row.resolution])
        .filter((kept) => kept.met + kept.missed > 0).length;
      assert.equal(points, judged);
      const table = page.getByRole('table', { name: 'Share on time per day' });
      await visible(table);
      assert.equal(await table.locator('tbody tr').count(), report.items.length);

      const breaches = await l1Api.get(`/reports/breaches?${range}`);
      const list = page.getByRole('table', { name: 'Missed targets, newest first' });
      if (breaches.items.length) {
        await visible(list);
        const first = breaches.items[0];
        const link = list.getByRole('link', {
          name: `#${first.ticket.number} ${first.ticket.subject}`,
        });
        assert.equal(await link.first().getAttribute('href'), `#/tickets/${first.ticket.id}`);
      } else {
        await visible(page.getByText('No target was missed.'));
      }
      await screenshot(page, 'reports-compliance');
      await assertAccessible(page, 'the compliance report');
      assertNoPageErrors(page);
    }));

  it('shows the dashboard cards with the counts of the queues and reports behind them', () =>
    keepingEvidence('reports-dashboard', env.pages, async () => {
      const me = (await l1Api.get('/me')).user;
      const mine = opened[0];
      await l1Api.patch(
        `/tickets/${mine.id}`,
        { assignee_id: me.id },
        { 'If-Match': `"${mine.version}"` },
      );
      const queues = new Map((await l1Api.get('/queues')).items.map((q) => [q.id, q.count]));
      const week = await l1Api.get(
        `/reports/compliance?from=${dayIn(ZONE, -6)}&to=${dayIn(ZONE, 1)}&period=day`,
      );
      let met = 0;
      let due = 0;
      for (const row of week.items) {
        for (const kept of [row.first_response, row.resolution]) {
          met += kept.met;
          due += kept.met + kept.missed;
        }
      }

      const page = await env.signedInPage(L1);
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Dashboard' })
        .click();
      await visible(page.getByRole('heading', { name: 'Dashboard', level: 1 }));
      const shows = async (name, expected) => {
        await page.waitForFunction(
          ([title, text]) =>
            [...document.querySelectorAll('.dash-card')].some(
              (card) =>
                card.querySelector('h2')?.textContent === title &&
                card.querySelector('.dash-value')?.textContent === text,
            ),
          [name, expected],
        );
      };
      assert.ok(queues.get('mine') >= 1);
      await shows('My open tickets', String(queues.get('mine')));
      await shows('Breaching soon', String(queues.get('breaching_soon')));
      if (queues.has('my_group_unassigned')) {
        await shows('Unassigned in my groups', String(queues.get('my_group_unassigned')));
      } else {
        assert.equal(
          await page.getByRole('region', { name: 'Unassigned in my groups' }).count(),
          0,
        );
      }
      await shows('Opened today', String(intakeBefore + TOTAL));
      await shows('SLA compliance, last 7 days', due ? percent(met / due) : '—');
      const chart = page
        .getByRole('region', { name: 'SLA compliance, last 7 days' })
        .getByRole('img');
      await visible(chart);
      // A bar for each day whose share on time is above nothing.
      const bars = week.items.filter(
        (row) => row.first_response.met + row.resolution.met > 0,
      ).length;
      assert.equal(await chart.locator('rect.chart-bar').count(), bars);
      await screenshot(page, 'reports-dashboard');
      await assertAccessible(page, 'the dashboard');

      await page.getByRole('link', { name: 'Open my tickets' }).click();
      await visible(page.getByRole('heading', { name: 'Assigned to me', level: 1 }));
      await visible(page.getByRole('link', { name: mine.subject, exact: true }));
      assert.match(page.url(), /queue=mine/);
      assertNoPageErrors(page);
    }));

  it('keeps customers out, and reads in Russian on a dark phone', () =>
    keepingEvidence('reports-phone', env.pages, async () => {
      const customer = await env.signedInPage(ANNA);
      const main = customer.getByRole('navigation', { name: 'Main' });
      assert.equal(await main.getByRole('link', { name: 'Reports' }).count(), 0);
      assert.equal(await main.getByRole('link', { name: 'Dashboard' }).count(), 0);
      await customer.goto('/#/reports/intake');
      await visible(customer.getByRole('heading', { name: 'My tickets', level: 1 }));
      await customer.goto('/#/dashboard');
      await visible(customer.getByRole('heading', { name: 'My tickets', level: 1 }));
      assertNoPageErrors(customer);

      const phone = await env.signedInPage(L1, {
        viewport: PHONE,
        locale: 'ru-RU',
        dark: true,
        path: '/reports/intake?by=channel',
        language: 'ru',
      });
      await visible(phone.getByRole('heading', { name: 'Поступление', level: 1 }));
      await visible(phone.getByRole('img', { name: 'Поступление обращений по дням' }));
      assert.match(
        await phone.locator('figure.chart figcaption').innerText(),
        /поступило \d+ обращени/,
      );
      for (const path of [
        '/reports/intake?by=channel',
        '/reports/backlog?by=group',
        '/reports/sla',
        '/dashboard',
      ]) {
        await phone.goto(`/#${path}`);
        await visible(phone.locator('#page-title'));
        await visible(phone.locator('svg.chart-svg').first());
        await assertNoSidewaysScroll(phone, path);
        await assertAccessible(phone, `${path} on a dark phone, in Russian`);
      }
      await screenshot(phone, 'reports-dashboard-phone-dark');
      assertNoPageErrors(phone);
      await phone.context().close();
    }));
});
