// Administration, support: an administrator changes the first-response
// target of a support level (a malformed time is refused under the field
// in the server's words), sees the new version in force and moves the
// level's open tickets to it after confirming; adds a licence for a new
// customer and reads the coupon issued with it, finds the licence by the
// customer's e-mail, revokes it with a reason (none is refused first) and
// sees it revoked; revokes the coupon; adds a category routed to a group
// and edits its Russian label, which marks it changed here. Each outcome is
// checked through the API too. The pages read in Russian on a dark phone
// without scrolling sideways, and an L1 operator gets the forbidden page
// without the API being asked.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  PHONE,
  TEST_TIMEOUT_MS,
  assertAccessible,
  assertNoPageErrors,
  assertNoSidewaysScroll,
  gone,
  keepingEvidence,
  requestsTo,
  screenshot,
  signIn,
  texts,
  useServerAndBrowser,
  visible,
} from './browser.mjs';

const ADMIN = 'admin@helpdesk.example';
const LEVEL = { id: 'client_standard', title: 'Client, standard support' };
const CUSTOMER = { name: 'Olga Lebedeva' };
const CATEGORY = { slug: 'billing-questions', en: 'Billing questions', ru: 'Вопросы оплаты' };
const GROUP = 'Partner department';

describe('administration: levels, licences, coupons, categories', { timeout: TEST_TIMEOUT_MS }, () => {
  const env = useServerAndBrowser({ demo: true });
  let admin;
  let adminApi;
  let coupon;

  /** The row of the table `name` that holds `text`. */
  const row = (page, name, text) =>
    page.getByRole('table', { name }).getByRole('row').filter({ hasText: text });

  it('records a new version of a level and moves its open tickets to it', () =>
    keepingEvidence('admin-support-level', env.pages, async () => {
      adminApi = await env.server.apiAs(ADMIN);
      admin = await env.signedInPage(ADMIN, { path: '/admin' });
      await admin
        .getByRole('navigation', { name: 'Administration sections' })
        .getByRole('link', { name: 'Support levels' })
        .click();
      await visible(admin.getByRole('heading', { name: 'Support levels', level: 1 }));
      const line = row(admin, 'Support levels in force', LEVEL.title);
      assert.match(await line.innerText(), /First response within 6 h/);
      assert.match(await line.innerText(), /Version 1, from levels\.yaml/);
      await assertAccessible(admin, 'the support levels');
      await line.getByRole('link', { name: LEVEL.title }).click();
      await visible(admin.getByRole('heading', { name: LEVEL.title, level: 1 }));
      assert.match(await admin.locator('.page-header .lead').innerText(), /^Version 1/);

      // A time the server cannot read is refused under the field, in its words.
      const first = admin.getByLabel('First response', { exact: true });
      await first.fill('4x');
      await visible(admin.getByText('Not a time the help desk reads.'));
      await admin.getByRole('button', { name: 'Save as a new version' }).click();
      const refusal = admin.locator('.field[data-field="first_response"] .field-error');
      await visible(refusal);
      assert.match(await refusal.innerText(), /not a duration/);
      assert.equal(await first.getAttribute('aria-invalid'), 'true');

      // Only the target changed is sent, and the new version is in force.
      await first.fill('4h');
      await visible(admin.getByText('Reads: 4 h of working time.'));
      const [put] = await Promise.all([
        admin.waitForRequest((r) => r.method() === 'PUT'),
        admin.getByRole('button', { name: 'Save as a new version' }).click(),
      ]);
      assert.deepEqual(put.postDataJSON(), { first_response: '4h' });
      const saved = admin.getByRole('heading', { name: 'Version 2 recorded' });
      await visible(saved);
      assert.equal(await saved.evaluate((el) => el === document.activeElement), true);
      const inForce = admin.getByRole('region', { name: 'In force now' });
      await visible(inForce.getByText('First response within 4 h'));
      assert.match(await admin.locator('.page-header .lead').innerText(), /^Version 2, set here/);
      const stored = (await adminApi.get('/admin/levels')).items.find((l) => l.id === LEVEL.id);
      assert.equal(stored.version, 2);
      assert.equal(stored.first_response, '4h');
      assert.equal(stored.source, 'admin');

      // Open tickets move only when asked, after a confirmation that starts on Cancel.
      await admin.getByRole('button', { name: 'Move open tickets to version 2' }).click();
      const dialog = admin.getByRole('dialog', { name: 'Move open tickets to version 2?' });
      await visible(dialog);
      const cancel = dialog.getByRole('button', { name: 'Cancel' });
      assert.equal(await cancel.evaluate((el) => el === document.activeElement), true);
      await assertAccessible(admin, 'the confirmation of moving open tickets');
      const [reapply] = await Promise.all([
        admin.waitForResponse((r) => r.url().endsWith(`/admin/levels/${LEVEL.id}/reapply`)),
        dialog.getByRole('button', { name: 'Move them to version 2' }).click(),
      ]);
      const { tickets } = await reapply.json();
      await gone(dialog);
      const ticketsWord = tickets === 1 ? 'ticket' : 'tickets';
      await visible(admin.getByText(`${tickets} open ${ticketsWord} moved to version 2.`));
      const audit = await adminApi.get(`/admin/audit?subject=level:${LEVEL.id}`);
      const actions = audit.items.map((entry) => entry.action);
      assert.ok(actions.includes('level.update') && actions.includes('level.reapply'), `${actions}`);
      await screenshot(admin, 'admin-support-level');
      await assertAccessible(admin, 'a support level');
      assertNoPageErrors(admin);
    }));

  it('adds a licence, finds it by e-mail and revokes it with a reason', () =>
    keepingEvidence('admin-support-licence', env.pages, async () => {
      CUSTOMER.email = await env.server.addUser('customer', { name: CUSTOMER.name });
      await admin.goto('/#/admin/licences');
      await visible(admin.getByRole('heading', { name: 'Licences', level: 1 }));
      const add = admin.getByRole('region', { name: 'Add a licence' });
      // The server's refusal of an unknown customer shows under the e-mail.
      await add.getByLabel('Customer’s e-mail').fill('nobody@example.test');
      await add.getByLabel('Edition').fill('Business');
      await add.getByRole('button', { name: 'Add the licence' }).click();
      await visible(add.locator('.field[data-field="user"] .field-error'));

      await add.getByLabel('Customer’s e-mail').fill(CUSTOMER.email);
      await add.getByLabel('Edition').fill('Business');
      await add.getByLabel('Support').selectOption({ label: 'VIP support' });
      await add.getByRole('button', { name: 'Add the licence' }).click();
      const added = add.getByRole('heading', {
        name: `Licence added: Business, VIP support for ${CUSTOMER.email}`,
      });
      await visible(added);
      assert.equal(await added.evaluate((el) => el === document.activeElement), true);
      coupon = await add.getByRole('textbox', { name: 'Coupon issued' }).inputValue();
      assert.match(coupon, /^SR-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      const issued = await adminApi.get(`/admin/coupons?q=${encodeURIComponent(CUSTOMER.email)}`);
      assert.deepEqual(
        issued.items.map((c) => [c.code, c.origin, c.state]),
        [[coupon, 'activation', 'unused']],
      );
      await screenshot(admin, 'admin-support-licence-added');

      // The search is kept in the address and finds the customer's licence alone.
      await admin.getByLabel('Customer, company or edition').fill(CUSTOMER.email);
      await admin.getByRole('button', { name: 'Search' }).click();
      await visible(admin.getByText('1 licence shown', { exact: true }));
      assert.match(admin.url(), new RegExp(`q=${encodeURIComponent(CUSTOMER.email)}`));
      const licence = row(admin, 'Licences, newest first', CUSTOMER.name);
      assert.match(await licence.innerText(), /Business/);
      assert.match(await licence.innerText(), /Active/);
      await assertAccessible(admin, 'the licences');

      await licence.getByRole('button', { name: /^Revoke Business, VIP support/ }).click();
      const dialog = admin.getByRole('dialog', {
        name: `Revoke Business, VIP support of ${CUSTOMER.name}?`,
      });
      await visible(dialog);
      await dialog.getByRole('button', { name: 'Revoke', exact: true }).click();
      await visible(dialog.getByText('Say why it is revoked.'));
      await dialog.getByLabel('Reason').fill('Refunded at the customer’s request');
      await dialog.getByRole('button', { name: 'Revoke', exact: true }).click();
      await gone(dialog);
      await visible(licence.getByText('Revoked', { exact: true }));
      assert.match(await licence.innerText(), /Refunded at the customer’s request/);
      assert.equal(await licence.getByRole('button', { name: /^Renew/ }).count(), 0);
      const focused = await admin.evaluate(() => document.activeElement?.closest('tr')?.innerText);
      assert.match(focused ?? '', new RegExp(CUSTOMER.name), 'focus returns to the row');

      const q = encodeURIComponent(CUSTOMER.email);
      const [revoked] = (await adminApi.get(`/admin/licences?q=${q}&state=revoked`)).items;
      assert.equal(revoked?.state, 'revoked');
      assert.equal(revoked?.revoke_reason, 'Refunded at the customer’s request');
      assert.equal((await adminApi.get(`/admin/licences?q=${q}&state=active`)).items.length, 0);

      await admin.getByLabel('State').selectOption({ label: 'Revoked' });
      await visible(admin.getByText('1 licence shown', { exact: true }));
      assert.match(admin.url(), /state=revoked/);
      await screenshot(admin, 'admin-support-licence-revoked');
      assertNoPageErrors(admin);
    }));

  it('revokes the unused coupon, which the server then refuses to revoke again', () =>
    keepingEvidence('admin-support-coupon', env.pages, async () => {
      await admin.goto(`/#/admin/coupons?q=${encodeURIComponent(CUSTOMER.email)}`);
      await visible(admin.getByRole('heading', { name: 'Coupons', level: 1 }));
      assert.equal(await admin.getByLabel('Customer, company or code').inputValue(), CUSTOMER.email);
      const line = row(admin, 'Coupons, newest first', coupon);
      await visible(line);
      assert.match(await line.innerText(), /Unused/);
      assert.match(await line.innerText(), /with a licence/);
      await assertAccessible(admin, 'the coupons');

      await line.getByRole('button', { name: `Revoke ${coupon}` }).click();
      const dialog = admin.getByRole('dialog', { name: `Revoke coupon ${coupon}?` });
      await visible(dialog);
      await dialog.getByLabel('Reason').fill('Licence refunded');
      await dialog.getByRole('button', { name: 'Revoke', exact: true }).click();
      await gone(dialog);
      await visible(line.getByText('Revoked', { exact: true }));
      assert.match(await line.innerText(), /Licence refunded/);

      const [stored] = (await adminApi.get(`/admin/coupons?q=${coupon}`)).items;
      assert.equal(stored?.state, 'revoked');
      assert.equal(stored?.revoke_reason, 'Licence refunded');
      await assert.rejects(
        adminApi.post(`/admin/coupons/${coupon}/revoke`, { reason: 'again' }),
        / 409 /,
      );

      // A used coupon names the ticket it made a special request, linked.
      await admin.goto('/#/admin/coupons?state=used');
      const used = admin.getByRole('table', { name: 'Coupons, newest first' }).getByRole('link', {
        name: /^Ticket \d+$/,
      });
      await visible(used);
      assert.match(await used.first().getAttribute('href'), /^#\/tickets\/\d+$/);
      await screenshot(admin, 'admin-support-coupons');
      assertNoPageErrors(admin);
    }));

  it('adds a category routed to a group and edits its Russian label', () =>
    keepingEvidence('admin-support-category', env.pages, async () => {
      await admin.goto('/#/admin/categories');
      await visible(admin.getByRole('heading', { name: 'Categories', level: 1 }));
      await visible(admin.getByText('directory.yaml no longer overwrites it', { exact: false }));
      const add = admin.getByRole('region', { name: 'Add a category' });
      await add.getByLabel('Identifier').fill(CATEGORY.slug);
      await add.getByLabel('Label in English').fill(CATEGORY.en);
      await add.getByLabel('Label in Russian').fill('Оплата');
      await add.getByLabel('Hint in English').fill('Invoices, payments and refunds.');
      await add.getByLabel('Tickets go to the group').selectOption({ label: GROUP });
      await add.getByRole('button', { name: 'Add the category' }).click();
      const line = row(admin, 'Ticket categories', CATEGORY.slug);
      await visible(line);
      assert.match(await line.innerText(), new RegExp(CATEGORY.en));
      assert.match(await line.innerText(), new RegExp(GROUP));

      await line.getByRole('button', { name: 'Edit' }).click();
      const dialog = admin.getByRole('dialog', { name: `Category “${CATEGORY.en}”` });
      await visible(dialog);
      await assertAccessible(admin, 'the category editor');
      await dialog.getByLabel('Label in Russian').fill(CATEGORY.ru);
      const [patch] = await Promise.all([
        admin.waitForRequest((r) => r.method() === 'PATCH'),
        dialog.getByRole('button', { name: 'Save the category' }).click(),
      ]);
      assert.deepEqual(patch.postDataJSON(), { label: { en: CATEGORY.en, ru: CATEGORY.ru } });
      await gone(dialog);
      await visible(line.getByText('Changed here'));
      const edit = line.getByRole('button', { name: 'Edit' });
      assert.equal(await edit.evaluate((el) => el === document.activeElement), true);

      const groups = (await adminApi.get('/admin/groups')).items;
      const stored = (await adminApi.get('/admin/categories')).items.find(
        (c) => c.slug === CATEGORY.slug,
      );
      assert.equal(stored?.labels.ru, CATEGORY.ru);
      assert.equal(stored?.labels.en, CATEGORY.en);
      assert.equal(stored?.group_id, groups.find((g) => g.slug === 'partners')?.id);
      assert.equal(stored?.edited, true);
      await screenshot(admin, 'admin-support-categories');
      await assertAccessible(admin, 'the categories');
      assertNoPageErrors(admin);
    }));

  it('reads in Russian on a dark phone without scrolling sideways', () =>
    keepingEvidence('admin-support-phone', env.pages, async () => {
      const phone = await env.signedInPage(ADMIN, {
        viewport: PHONE,
        locale: 'ru-RU',
        dark: true,
        path: '/admin/levels',
        language: 'ru',
      });
      for (const [path, heading] of [
        ['/admin/levels', 'Уровни поддержки'],
        [`/admin/levels/${LEVEL.id}`, 'Клиент, стандартная поддержка'],
        ['/admin/licences', 'Лицензии'],
        ['/admin/coupons', 'Купоны'],
        ['/admin/categories', 'Категории'],
      ]) {
        await phone.goto(`/#${path}`);
        await visible(phone.getByRole('heading', { name: heading, level: 1 }));
        await assertNoSidewaysScroll(phone, path);
        await assertAccessible(phone, `${path} on a dark phone, in Russian`);
      }
      await visible(phone.getByText(CATEGORY.ru));
      await screenshot(phone, 'admin-support-categories-phone-dark');
      assertNoPageErrors(phone);
      await phone.context().close();
    }));

  it('shows an L1 operator the forbidden page and asks the API nothing', () =>
    keepingEvidence('admin-support-forbidden', env.pages, async () => {
      const page = await env.openPage();
      const asked = requestsTo(page, '/api/v1/admin/');
      await signIn(page, 'l1@helpdesk.example');
      for (const path of [
        '/admin/licences',
        '/admin/coupons',
        '/admin/levels',
        `/admin/levels/${LEVEL.id}`,
        '/admin/categories',
      ]) {
        await page.goto(`/#${path}`);
        await visible(page.getByRole('heading', { name: 'Administrators only', level: 1 }));
      }
      assert.deepEqual(asked, [], 'the pages ask the API nothing');
      const nav = await texts(page.getByRole('navigation', { name: 'Main' }).getByRole('link'));
      assert.ok(!nav.includes('Administration'), `${nav}`);
      assertNoPageErrors(page);
      await page.context().close();
    }));
});
