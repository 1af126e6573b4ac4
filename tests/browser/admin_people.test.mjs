// Administration, people and the audit log: an administrator invites a
// developer through the form and reads the link the page shows; the
// developer opens it in a browser of their own, chooses a password and is
// signed in to their queue. The administrator puts them in a group (the
// users page then shows it in their row), disables them (their next page
// load asks them to sign in) and is told that the last administrator cannot
// be disabled. The audit log lists the invitation, its action filter works,
// and its CSV link downloads the filtered log. Companies are added, renamed
// and shared in place, and link their members; the pages fit a phone in
// the dark scheme and read in Russian; long lists load 50 at a time; other
// roles see none of it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
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
import { uniqueEmail } from './server.mjs';

const ADMIN = 'admin@helpdesk.example';
const AGENT = { email: uniqueEmail('agent'), name: 'Nina Kovaleva' };
const GROUP = 'Development and integrators (L3)';
const CSV_HEADER = 'id,at,actor,action,subject,detail,changes';

describe('administration: people and the audit log', { timeout: TEST_TIMEOUT_MS }, () => {
  const env = useServerAndBrowser({ demo: true });
  let admin;
  let agent;

  /** The users table's row of `text` (a name or an e-mail). */
  const userRow = (page, text) =>
    page.getByRole('table', { name: 'Users' }).getByRole('row').filter({ hasText: text });

  it('invites a developer, whose link signs them in to their queue', () =>
    keepingEvidence('admin-people-invite', env.pages, async () => {
      admin = await env.signedInPage(ADMIN, { path: '/admin' });
      await admin
        .getByRole('navigation', { name: 'Administration sections' })
        .getByRole('link', { name: 'Users' })
        .click();
      await visible(admin.getByRole('heading', { name: 'Users', level: 1 }));
      await visible(userRow(admin, 'dev@helpdesk.example'));

      await admin.getByRole('button', { name: 'Invite a user' }).click();
      const dialog = admin.getByRole('dialog', { name: 'Invite a user' });
      await visible(dialog);
      // The server's refusal shows under the field it names, in its words.
      await dialog.getByLabel('E-mail').fill('dev@helpdesk.example');
      await dialog.getByRole('button', { name: 'Send the invitation' }).click();
      const taken = dialog.locator('.field[data-field="email"] .field-error');
      await visible(taken);
      assert.match(await taken.innerText(), /belongs to a user already/);
      assert.equal(await dialog.getByLabel('E-mail').getAttribute('aria-invalid'), 'true');

      await dialog.getByLabel('E-mail').fill(AGENT.email);
      await dialog.getByLabel('Name').fill(AGENT.name);
      await dialog.getByLabel('Role').selectOption({ label: 'Developer' });
      await dialog.getByLabel('Language').selectOption({ label: 'English' });
      await dialog.getByLabel('Time zone').fill('Europe/Moscow');
      await dialog.getByRole('button', { name: 'Send the invitation' }).click();
      const sent = dialog.getByRole('heading', {
        name: `Invitation sent to ${AGENT.email}`,
      });
      await visible(sent);
      assert.equal(await sent.evaluate((el) => el === document.activeElement), true);
      const link = await dialog.getByLabel('Invitation link').inputValue();
      assert.ok(
        link.startsWith(`${env.server.url}/#/set-password?token=`),
        `the invitation link: ${link}`,
      );
      await dialog.getByRole('button', { name: 'Copy' }).focus();
      await screenshot(admin, 'admin-people-invited', { fullPage: false });
      await assertAccessible(admin, 'the invitation sent');
      await dialog.getByRole('button', { name: 'Close dialog' }).click();
      await gone(dialog);
      const row = userRow(admin, AGENT.email);
      await visible(row);
      assert.match(await row.innerText(), /Developer/);
      assert.match(await row.innerText(), /Invited/);

      agent = await env.openPage();
      await agent.goto(link);
      await visible(agent.getByRole('heading', { name: 'Set your password', level: 1 }));
      await agent.getByLabel('New password', { exact: true }).fill('agent-password-1');
      await agent.getByLabel('New password again').fill('agent-password-1');
      await agent.getByRole('button', { name: 'Set password' }).click();
      await visible(agent.getByRole('heading', { name: 'Queue', level: 1 }));
      assert.match(await agent.locator('.user-name').innerText(), new RegExp(AGENT.name));
      assert.match(await agent.locator('.user-name').innerText(), /Developer/);
      assertNoPageErrors(admin);
      assertNoPageErrors(agent);
    }));

  it('adds the developer to a group, which the users page then shows', () =>
    keepingEvidence('admin-people-group', env.pages, async () => {
      await admin.goto('/#/admin/groups');
      await visible(admin.getByRole('heading', { name: 'Groups', level: 1 }));
      await visible(
        admin.getByText('“My groups” queue lists its tickets', {
          exact: false,
        }),
      );
      const table = admin.getByRole('table', { name: 'Staff groups' });
      const row = table.getByRole('row').filter({ hasText: GROUP });
      await row.getByRole('button', { name: 'Edit' }).click();
      const dialog = admin.getByRole('dialog', { name: `Group “${GROUP}”` });
      await visible(dialog);
      await dialog.getByLabel('Find a person in the list').fill('kovaleva');
      const box = dialog.getByRole('checkbox', {
        name: `${AGENT.name} (Developer)`,
      });
      await box.check();
      await assertAccessible(admin, 'the group editor');
      await dialog.getByRole('button', { name: 'Save the group' }).click();
      await gone(dialog);
      await visible(row.getByText(`${AGENT.name} (Developer)`));
      const edit = row.getByRole('button', { name: 'Edit' });
      assert.equal(await edit.evaluate((el) => el === document.activeElement), true);
      await screenshot(admin, 'admin-people-groups');

      await admin
        .getByRole('navigation', { name: 'Administration sections' })
        .getByRole('link', { name: 'Users' })
        .click();
      await admin.getByLabel('Name or e-mail').fill(AGENT.name);
      await admin.getByRole('button', { name: 'Search' }).click();
      await visible(admin.getByText('1 user shown'));
      assert.match(admin.url(), /q=Nina\+Kovaleva/);
      const agentRow = userRow(admin, AGENT.email);
      assert.match(await agentRow.innerText(), new RegExp(GROUP.replace(/[()]/g, '\\$&')));
      assertNoPageErrors(admin);
    }));

  it('disables the developer, whose next page load asks them to sign in', () =>
    keepingEvidence('admin-people-disable', env.pages, async () => {
      await userRow(admin, AGENT.email).getByRole('link', { name: AGENT.name }).click();
      await visible(admin.getByRole('heading', { name: AGENT.name, level: 1 }));
      await visible(admin.getByText('Active: can sign in.'));

      // Only the members changed are sent.
      await admin.getByLabel('Time zone').fill('Asia/Yekaterinburg');
      const [patch] = await Promise.all([
        admin.waitForRequest((r) => r.method() === 'PATCH'),
        admin.getByRole('button', { name: 'Save changes' }).click(),
      ]);
      assert.deepEqual(patch.postDataJSON(), { time_zone: 'Asia/Yekaterinburg' });
      await visible(admin.getByRole('status').filter({ hasText: 'Saved.' }));

      // A token is shown once, with a warning that says so.
      await admin.getByLabel('What it is for').fill('CI import');
      await admin.getByRole('button', { name: 'Issue an API token' }).click();
      const issued = admin.getByRole('heading', { name: 'Token “CI import” issued' });
      await visible(issued);
      assert.equal(await issued.evaluate((el) => el === document.activeElement), true);
      await visible(admin.getByText('it is shown only this once', { exact: false }));
      assert.match(await admin.getByRole('textbox', { name: 'API token' }).inputValue(), /^hd_/);

      await admin.getByRole('button', { name: 'Disable' }).click();
      await visible(admin.getByRole('button', { name: 'Enable' }));
      await visible(admin.getByText('Disabled: cannot sign in', { exact: false }));
      assert.match(await admin.locator('.page-header .lead').innerText(), /Disabled/);

      await agent.reload();
      await visible(agent.getByRole('heading', { name: 'Sign in', level: 1 }));

      // A disabled user gets no password link: the server's refusal shows by the button.
      await admin.getByRole('button', { name: 'Send a password reset link' }).click();
      await visible(admin.getByRole('alert').filter({ hasText: 'enable them first' }));

      // Only one administrator: the server refuses, and the page says so by the button.
      await admin.goto('/#/admin/users?role=administrator');
      await userRow(admin, ADMIN).getByRole('link').click();
      await visible(admin.getByRole('heading', { name: 'Alexandra Admin', level: 1 }));
      await admin.getByRole('button', { name: 'Disable' }).click();
      const refusal = admin.getByRole('alert').filter({ hasText: 'last active administrator' });
      await visible(refusal);
      await visible(admin.getByRole('button', { name: 'Disable' }));
      await screenshot(admin, 'admin-people-last-admin');
      await assertAccessible(admin, 'a user’s page');
      assertNoPageErrors(admin);
    }));

  it('lists the invitation in the audit log, filters it and downloads it as CSV', () =>
    keepingEvidence('admin-people-audit', env.pages, async () => {
      await admin.goto('/#/admin/audit');
      await visible(admin.getByRole('heading', { name: 'Audit log', level: 1 }));
      const table = admin.getByRole('table', {
        name: 'Audit log entries, newest first',
      });
      const invite = table.getByRole('row').filter({ hasText: 'user.invite' });
      await visible(invite.filter({ hasText: AGENT.email }));
      assert.match(
        await invite.first().innerText(),
        new RegExp(`email: \\(empty\\) → ${AGENT.email}`),
      );
      assert.match(await invite.first().innerText(), /role: \(empty\) → developer/);
      await visible(table.getByRole('row').filter({ hasText: 'group.update' }));

      await admin.getByLabel('Action').fill('user.');
      await admin.getByRole('button', { name: 'Apply the filter' }).click();
      await gone(table.getByRole('row').filter({ hasText: 'group.update' }));
      const actions = await texts(table.locator('tbody td[data-label="Action"]'));
      assert.ok(actions.length >= 2, `user actions: ${actions}`);
      assert.ok(
        actions.every((action) => action.startsWith('user.')),
        `${actions}`,
      );
      assert.ok(actions.includes('user.invite') && actions.includes('user.disable'), `${actions}`);
      assert.match(admin.url(), /action=user\./);

      const csv = admin.getByRole('link', { name: 'Download CSV' });
      assert.match(await csv.getAttribute('href'), /format=csv&action=user\./);
      const [download] = await Promise.all([admin.waitForEvent('download'), csv.click()]);
      const body = readFileSync(await download.path(), 'utf8');
      const lines = body.trim().split(/\r?\n/);
      assert.equal(lines[0], CSV_HEADER);
      assert.ok(lines.some((line) => line.includes('"user.invite"') && line.includes(AGENT.email)));
      assert.ok(!body.includes('group.update'), 'the CSV is filtered like the page');
      await screenshot(admin, 'admin-people-audit');
      await assertAccessible(admin, 'the audit log');

      // A day that does not exist is explained under its field, before anything is asked.
      await admin.getByLabel('From').fill('31/02/2026');
      await admin.getByRole('button', { name: 'Apply the filter' }).click();
      await visible(admin.locator('.field[data-field="from"] .field-error'));
      assertNoPageErrors(admin);
    }));

  it('adds, renames and shares a company, whose members link filters the users', () =>
    keepingEvidence('admin-people-companies', env.pages, async () => {
      const adminApi = await env.server.apiAs(ADMIN);
      await admin.goto('/#/admin/companies');
      await visible(admin.getByRole('heading', { name: 'Companies', level: 1 }));
      const add = admin.getByRole('region', { name: 'Add a company' });
      await add.getByLabel('Name').fill('Acme Shop');
      await add.getByRole('button', { name: 'Add the company' }).click();
      await visible(add.getByText('there is a company Acme Shop'));
      await add.getByLabel('Name').fill('Initech');
      await add.getByRole('button', { name: 'Add the company' }).click();
      const table = admin.getByRole('table', { name: 'Companies' });
      const row = table.getByRole('row').filter({ hasText: 'Initech' });
      await visible(row);

      await row.getByRole('button', { name: 'Rename' }).click();
      await row.getByLabel('New name of Initech').fill('Initech Ltd');
      await row.getByRole('button', { name: 'Save' }).click();
      await visible(row.getByRole('link', { name: 'Members of Initech Ltd' }));
      await row.getByRole('checkbox', { name: 'Shared among members' }).check();
      await visible(
        admin.locator('#announcer').getByText('Initech Ltd: members see each other’s tickets'),
      );
      const stored = (await adminApi.get('/admin/companies')).items.find(
        (c) => c.name === 'Initech Ltd',
      );
      assert.equal(stored?.share_tickets, true);
      await assertAccessible(admin, 'the companies');

      await row.getByRole('link', { name: 'Members of Initech Ltd' }).click();
      await visible(admin.getByRole('heading', { name: 'Users', level: 1 }));
      assert.equal(await admin.getByLabel('Company').inputValue(), String(stored.id));
      await visible(admin.getByText('Nobody matches the search.'));
      await admin.goto('/#/admin/users?company=1');
      await visible(userRow(admin, 'anna@acme.example'));
      const emails = await texts(
        admin.getByRole('table', { name: 'Users' }).locator('tbody td[data-label="E-mail"]'),
      );
      assert.deepEqual(emails.sort(), ['anna@acme.example', 'pavel@acme.example']);
      assertNoPageErrors(admin);
    }));

  it('fits a phone in the dark scheme and reads in Russian', () =>
    keepingEvidence('admin-people-phone', env.pages, async () => {
      const phone = await env.signedInPage(ADMIN, {
        viewport: PHONE,
        locale: 'ru-RU',
        dark: true,
        path: '/admin/users',
        language: 'ru',
      });
      await visible(phone.getByRole('heading', { name: 'Пользователи', level: 1 }));
      await visible(phone.getByText('Разработка и интеграторы (L3)'));
      for (const [path, heading] of [
        ['/admin/users', 'Пользователи'],
        ['/admin/companies', 'Компании'],
        ['/admin/groups', 'Группы'],
        ['/admin/audit', 'Журнал аудита'],
      ]) {
        await phone.goto(`/#${path}`);
        await visible(phone.getByRole('heading', { name: heading, level: 1 }));
        await visible(phone.locator('table tbody tr').first());
        await assertNoSidewaysScroll(phone, path);
        await assertAccessible(phone, `${path} on a dark phone, in Russian`);
      }
      await screenshot(phone, 'admin-people-audit-phone-dark');
      await phone.getByRole('link', { name: 'user:1' }).first().click();
      await visible(phone.getByRole('heading', { name: 'Alexandra Admin', level: 1 }));
      await visible(
        phone.getByRole('button', {
          name: 'Отправить ссылку для сброса пароля',
        }),
      );
      await assertNoSidewaysScroll(phone, "the user's page");
      await screenshot(phone, 'admin-people-user-phone-dark');
      assertNoPageErrors(phone);
      await phone.context().close();
    }));

  it('reads long lists 50 at a time with "Load more"', () =>
    keepingEvidence('admin-people-more', env.pages, async () => {
      const adminApi = await env.server.apiAs(ADMIN);
      for (let i = 1; i <= 40; i += 1) {
        const n = String(i).padStart(2, '0');
        await adminApi.post('/admin/users', { email: uniqueEmail(`bulk${n}`), role: 'customer' });
      }
      const total = (await adminApi.get('/admin/users?limit=500')).items.length;
      await admin.goto('/#/admin/users');
      await visible(admin.getByText('50 users shown; more can be loaded'));
      const more = admin.getByRole('button', { name: 'Load more' });
      await more.click();
      await visible(admin.getByText(`${total} users shown`, { exact: true }));
      await gone(more);
      const focused = await admin.evaluate(() => document.activeElement?.closest('tr')?.rowIndex);
      assert.equal(focused, 51, 'focus is on the first new row');

      const logged = (await adminApi.get('/admin/audit?limit=1000')).items.length;
      await admin.goto('/#/admin/audit');
      await visible(admin.getByText('50 entries shown; more can be loaded'));
      await admin.getByRole('button', { name: 'Load more' }).click();
      const shown = Math.min(logged, 100);
      await visible(admin.getByText(new RegExp(`^${shown} entries shown`)));
      const times = await texts(admin.locator('tbody th[data-label="Time"]'));
      assert.equal(times.length, shown);
      assertNoPageErrors(admin);
    }));

  it('shows an L1 operator neither the people pages nor their data', () =>
    keepingEvidence('admin-people-forbidden', env.pages, async () => {
      const page = await env.openPage();
      const asked = requestsTo(page, '/api/v1/admin/');
      await signIn(page, 'l1@helpdesk.example');
      for (const path of ['/admin/users', '/admin/users/1', '/admin/groups', '/admin/audit']) {
        await page.goto(`/#${path}`);
        await visible(
          page.getByRole('heading', {
            name: 'Administrators only',
            level: 1,
          }),
        );
      }
      assert.deepEqual(asked, [], 'the pages ask the API nothing');
      assertNoPageErrors(page);
      await page.context().close();
    }));
});
