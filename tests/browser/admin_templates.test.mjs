// Administration, texts: an administrator opens "Texts" from the
// administration's navigation and edits the Russian text of the reply the
// step "Off-topic question" posts. A text naming a placeholder the reply
// cannot fill is refused under the text box, in the server's words; a good
// one is sent, marked "Changed here" and sent from then on (checked through
// the API). "Restore the original" asks first (Cancel focused, and Cancel
// sends nothing), then brings the file's text back. A mail's subject is
// edited too: dropping the ticket's tag is refused, keeping it is stored.
// The page reads in Russian on a dark phone without scrolling sideways, and
// an L1 operator gets the forbidden page without the API being asked.
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
/** The reply `off_topic`, titled by the step that posts it. */
const REPLY = { id: 'off_topic', title: 'Off-topic question', titleRu: 'Вопрос не по теме' };
const BAD_TEXT = 'Здравствуйте, {{customer_name}}! Ваш вопрос не относится к нашей поддержке.';
const GOOD_TEXT =
  'Обращение № {{ticket.number}} не относится к работе службы поддержки, поэтому мы его закрыли.\n' +
  'С вопросами о продуктах пишите нам в любое время.';
/** The subject of a reply's mail, in English. */
const SUBJECT = { id: 'mail.reply.subject', title: 'Reply from support: Subject' };
const GOOD_SUBJECT = 'Re: [#{{number}}] {{subject}} (Help desk)';

describe('administration: texts', { timeout: TEST_TIMEOUT_MS }, () => {
  const env = useServerAndBrowser({ demo: true });
  let admin;
  let adminApi;
  let original;

  /** Template `id` as the API has it now. */
  const stored = async (id) =>
    (await adminApi.get('/admin/templates')).items.find((template) => template.id === id);
  /** One language of `id` as the API has it now. */
  const storedText = async (id, language) =>
    (await stored(id))?.texts.find((text) => text.language === language);
  /** The group of `title` in `language` (English, Russian) on the page. */
  const languageGroup = (page, title, language) =>
    page.getByRole('article', { name: title }).getByRole('group', {
      name: `“${title}” in ${language}`,
    });
  /** The text shown in `group`: the first one, as the file's original comes below it. */
  const shownText = async (group) =>
    (await group.locator('pre.template-text').first().innerText()).trim();
  const isFocused = (locator) => locator.evaluate((el) => el === document.activeElement);

  it('edits the Russian text of a reply: a refusal under the text, then a good text', () =>
    keepingEvidence('admin-templates-edit', env.pages, async () => {
      adminApi = await env.server.apiAs(ADMIN);
      original = await storedText(REPLY.id, 'ru');
      assert.equal(original?.edited, false);
      assert.match(original?.text ?? '', /\{\{ticket\.number\}\}/);

      admin = await env.signedInPage(ADMIN, { path: '/admin' });
      await visible(admin.getByRole('heading', { name: 'Texts', level: 2 }));
      await admin
        .getByRole('navigation', { name: 'Administration sections' })
        .getByRole('link', { name: 'Texts' })
        .click();
      await visible(admin.getByRole('heading', { name: 'Texts', level: 1 }));
      assert.match(admin.url(), /#\/admin\/templates$/);
      await visible(admin.getByRole('heading', { name: 'Replies to customers', level: 2 }));
      await visible(admin.getByRole('heading', { name: 'Mails', level: 2 }));
      await visible(admin.getByRole('heading', { name: 'Reply from support', level: 3 }));

      const article = admin.getByRole('article', { name: REPLY.title });
      await visible(article);
      const words = await article.innerText();
      assert.match(words, /off_topic/);
      assert.match(words, /Posted by the step: “Off-topic question” of the process “Three-tier support”/);
      const russian = languageGroup(admin, REPLY.title, 'Russian');
      assert.equal(await shownText(russian), original.text.trim());
      await visible(russian.getByText('From the configuration file'));
      await assertAccessible(admin, 'the texts');

      await russian.getByRole('button', { name: `Edit “${REPLY.title}” in Russian` }).click();
      const dialog = admin.getByRole('dialog', { name: `Edit “${REPLY.title}” in Russian` });
      await visible(dialog);
      const box = dialog.getByLabel('Text in Russian');
      assert.equal(await box.evaluate((el) => el.tagName), 'TEXTAREA');
      assert.equal(await isFocused(box), true);
      assert.equal((await box.inputValue()).trim(), original.text.trim());
      await visible(dialog.getByText('{{ticket.number}}', { exact: true }));
      await visible(dialog.getByText('{{actor.name}}', { exact: true }));

      // A placeholder the reply cannot fill: the server's words under the box.
      await box.fill(BAD_TEXT);
      const [bad] = await Promise.all([
        admin.waitForRequest((r) => r.method() === 'PUT'),
        dialog.getByRole('button', { name: 'Save the text' }).click(),
      ]);
      assert.match(bad.url(), /\/api\/v1\/admin\/templates\/off_topic\/ru$/);
      assert.deepEqual(bad.postDataJSON(), { text: BAD_TEXT });
      const refusal = dialog.locator('.field[data-field="text"] .field-error');
      await visible(refusal);
      assert.match(await refusal.innerText(), /customer_name/);
      assert.equal(await box.getAttribute('aria-invalid'), 'true');
      assert.equal(await isFocused(box), true);
      await assertAccessible(admin, 'the refused text');
      await screenshot(admin, 'admin-templates-refused', { fullPage: false });

      await box.fill(GOOD_TEXT);
      const [good] = await Promise.all([
        admin.waitForRequest((r) => r.method() === 'PUT'),
        dialog.getByRole('button', { name: 'Save the text' }).click(),
      ]);
      assert.deepEqual(good.postDataJSON(), { text: GOOD_TEXT });
      await gone(dialog);
      await visible(russian.getByText('Changed here', { exact: true }));
      assert.equal(await shownText(russian), GOOD_TEXT);
      const edit = russian.getByRole('button', { name: `Edit “${REPLY.title}” in Russian` });
      assert.equal(await isFocused(edit), true, 'focus returns to "Edit"');
      const english = languageGroup(admin, REPLY.title, 'English');
      await visible(english.getByText('From the configuration file'));

      const ru = await storedText(REPLY.id, 'ru');
      assert.equal(ru?.edited, true);
      assert.equal(ru?.text, GOOD_TEXT);
      assert.equal(ru?.file_text, original.file_text);
      assert.ok(ru?.updated_at, 'the edit has a time');
      assert.equal((await storedText(REPLY.id, 'en'))?.edited, false);
      await screenshot(admin, 'admin-templates-edited');
      assertNoPageErrors(admin);
    }));

  it('restores the original after confirming', () =>
    keepingEvidence('admin-templates-restore', env.pages, async () => {
      const russian = languageGroup(admin, REPLY.title, 'Russian');
      const name = `Restore the original of “${REPLY.title}” in Russian`;
      const title = `${name}?`;

      // Cancel is focused first and sends nothing.
      const asked = requestsTo(admin, `/api/v1/admin/templates/${REPLY.id}/`);
      await russian.getByRole('button', { name }).click();
      let dialog = admin.getByRole('dialog', { name: title });
      await visible(dialog);
      const cancel = dialog.getByRole('button', { name: 'Cancel' });
      assert.equal(await isFocused(cancel), true);
      assert.equal((await dialog.locator('pre').innerText()).trim(), original.file_text.trim());
      await assertAccessible(admin, 'the confirmation of restoring');
      await cancel.click();
      await gone(dialog);
      assert.deepEqual(asked, [], 'Cancel sends nothing');
      await visible(russian.getByText('Changed here', { exact: true }));

      await russian.getByRole('button', { name }).click();
      dialog = admin.getByRole('dialog', { name: title });
      await visible(dialog);
      const [removal] = await Promise.all([
        admin.waitForRequest((r) => r.method() === 'DELETE'),
        dialog.getByRole('button', { name: 'Restore the original', exact: true }).click(),
      ]);
      assert.match(removal.url(), /\/api\/v1\/admin\/templates\/off_topic\/ru$/);
      await gone(dialog);
      await visible(russian.getByText('From the configuration file'));
      assert.equal(await russian.getByText('Changed here', { exact: true }).count(), 0);
      assert.equal(await shownText(russian), original.text.trim());
      assert.equal(await russian.getByRole('button', { name }).count(), 0);
      const edit = russian.getByRole('button', { name: `Edit “${REPLY.title}” in Russian` });
      assert.equal(await isFocused(edit), true, 'focus moves to "Edit"');

      const ru = await storedText(REPLY.id, 'ru');
      assert.equal(ru?.edited, false);
      assert.equal(ru?.text, original.text);
      await screenshot(admin, 'admin-templates-restored');
      assertNoPageErrors(admin);
    }));

  it('edits the subject of a reply mail, which must keep the ticket tag', () =>
    keepingEvidence('admin-templates-subject', env.pages, async () => {
      const before = await storedText(SUBJECT.id, 'en');
      assert.match(before?.text ?? '', /\[#\{\{number\}\}\]/);
      const article = admin.getByRole('article', { name: SUBJECT.title });
      assert.match(await article.innerText(), /mail\.reply\.subject/);
      const english = languageGroup(admin, SUBJECT.title, 'English');
      await english.getByRole('button', { name: `Edit “${SUBJECT.title}” in English` }).click();
      const dialog = admin.getByRole('dialog', { name: `Edit “${SUBJECT.title}” in English` });
      await visible(dialog);
      const box = dialog.getByLabel('Subject in English');
      assert.equal(await box.evaluate((el) => `${el.tagName} ${el.type}`), 'INPUT text');
      assert.equal(await box.inputValue(), before.text.trim());
      await visible(dialog.getByText('Keep [#{{number}}] in the subject', { exact: false }));
      await visible(dialog.getByText('{{subject}}', { exact: true }));

      // Without the tag the customer's answer would not thread: refused under the box.
      await box.fill('Re: {{subject}}');
      await dialog.getByRole('button', { name: 'Save the text' }).click();
      const refusal = dialog.locator('.field[data-field="text"] .field-error');
      await visible(refusal);
      assert.match(await refusal.innerText(), /\[#\{\{number\}\}\]/);

      await box.fill(GOOD_SUBJECT);
      await dialog.getByRole('button', { name: 'Save the text' }).click();
      await gone(dialog);
      await visible(english.getByText('Changed here', { exact: true }));
      assert.equal(await shownText(english), GOOD_SUBJECT);
      const en = await storedText(SUBJECT.id, 'en');
      assert.equal(en?.edited, true);
      assert.equal(en?.text, GOOD_SUBJECT);
      assert.equal((await storedText(SUBJECT.id, 'ru'))?.edited, false);
      await screenshot(admin, 'admin-templates-subject');
      await assertAccessible(admin, 'the texts after an edit');
      assertNoPageErrors(admin);
    }));

  it('reads in Russian on a dark phone without scrolling sideways', () =>
    keepingEvidence('admin-templates-phone', env.pages, async () => {
      const phone = await env.signedInPage(ADMIN, {
        viewport: PHONE,
        locale: 'ru-RU',
        dark: true,
        path: '/admin/templates',
        language: 'ru',
      });
      await visible(phone.getByRole('heading', { name: 'Тексты', level: 1 }));
      await visible(phone.getByRole('heading', { name: 'Ответы клиентам', level: 2 }));
      await visible(phone.getByRole('heading', { name: 'Ответ поддержки', level: 3 }));
      await visible(phone.getByRole('article', { name: REPLY.titleRu }));
      const colour = await phone.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.notEqual(colour, 'rgb(245, 246, 248)', 'the dark scheme is on');
      // The English subject edited above reads as changed here.
      const subject = phone
        .getByRole('article', { name: 'Ответ поддержки: Тема' })
        .getByRole('group', { name: '«Ответ поддержки: Тема» на английском' });
      await visible(subject.getByText('Изменён здесь', { exact: true }));
      await assertNoSidewaysScroll(phone, 'the texts');
      await assertAccessible(phone, 'the texts on a dark phone, in Russian');

      // A long text unfolds, still without scrolling sideways.
      const html = phone
        .getByRole('article', { name: 'Ответ поддержки: HTML' })
        .getByRole('group', { name: '«Ответ поддержки: HTML» на русском' });
      await html.getByText(/^Показать весь текст/).click();
      await visible(html.locator('pre.template-text'));
      await assertNoSidewaysScroll(phone, 'an unfolded HTML text');
      await screenshot(phone, 'admin-templates-phone-dark');

      await html.getByRole('button', { name: /^Изменить/ }).click();
      const dialog = phone.getByRole('dialog', {
        name: 'Изменить «Ответ поддержки: HTML» на русском',
      });
      await visible(dialog.getByLabel('Текст на русском'));
      await assertNoSidewaysScroll(phone, 'the editor');
      await assertAccessible(phone, 'the editor on a dark phone, in Russian');
      await screenshot(phone, 'admin-templates-editor-phone-dark', { fullPage: false });
      await dialog.getByRole('button', { name: 'Закрыть окно' }).click();
      await gone(dialog);
      assertNoPageErrors(phone);
      await phone.context().close();
    }));

  it('shows an L1 operator the forbidden page and asks the API nothing', () =>
    keepingEvidence('admin-templates-forbidden', env.pages, async () => {
      const page = await env.openPage();
      const asked = requestsTo(page, '/api/v1/admin/');
      await signIn(page, 'l1@helpdesk.example');
      await page.goto('/#/admin/templates');
      await visible(page.getByRole('heading', { name: 'Administrators only', level: 1 }));
      assert.deepEqual(asked, [], 'the page asks the API nothing');
      const nav = await texts(page.getByRole('navigation', { name: 'Main' }).getByRole('link'));
      assert.ok(!nav.includes('Administration'), `${nav}`);
      assertNoPageErrors(page);
      await page.context().close();
    }));
});
