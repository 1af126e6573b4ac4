// Administration, processes: an administrator pastes the shipped support
// process broken in two places (a transition to an unknown state, an
// unknown field), checks it and sees both problems with their line
// numbers, each selecting its line in the text box; breaks the YAML's
// indentation and sees that problem's line; then opens a fixed definition
// with a higher version from a file, sees its diagram (an SVG in the page),
// activates it and finds it marked current in the list. Moving open tickets
// from the old version to the new one refuses an unknown state under the
// state mapping, then reports how many moved.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './server.mjs';
import {
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
const SHIPPED = readFileSync(
  join(repoRoot, 'config', 'defaults', 'processes', 'support.yaml'),
  'utf8',
);

/** The 1-based number of the first line at or after `from` that `test` accepts. */
function lineOf(lines, test, from = 1) {
  const index = lines.findIndex((line, i) => i >= from - 1 && test(line));
  assert.ok(index >= 0, 'the shipped definition has the line the test breaks');
  return index + 1;
}

/** `text` with line `number` (1-based) passed through `change`. */
function changeLine(text, number, change) {
  const lines = text.split('\n');
  lines[number - 1] = change(lines[number - 1]);
  return lines.join('\n');
}

describe('administration: processes', { timeout: TEST_TIMEOUT_MS }, () => {
  const env = useServerAndBrowser({ demo: true });
  let admin;
  let adminApi;
  let stored;
  let version;
  /** The definition with the next version number, valid. */
  let fixed;
  /** Where the test breaks it. */
  const at = {};

  before(async () => {
    adminApi = await env.server.apiAs(ADMIN);
    const { items } = await adminApi.get('/processes');
    const support = items.filter((v) => v.id === 'support');
    stored = Math.max(...support.map((v) => v.version));
    version = stored + 1;
    const lines = SHIPPED.split('\n');
    const versionLine = lineOf(lines, (line) => /^version: \d+$/.test(line));
    fixed = changeLine(SHIPPED, versionLine, () => `version: ${version}`);
    const take = lineOf(lines, (line) => line === '  - id: take_technical');
    at.state = lineOf(lines, (line) => line === '    to: l1_technical', take);
    const back = lineOf(lines, (line) => line === '  - id: return_to_l1');
    at.field = lineOf(lines, (line) => line === '    fields: [return_reason]', back);
    at.indent = lineOf(lines, (line) => line === '    roles: [administrator]', back);
  });

  const editor = (page) => page.getByRole('textbox', { name: 'Definition (YAML)' });
  const check = (page) => page.getByRole('button', { name: 'Check', exact: true });
  const problems = (page) => page.getByRole('list', { name: /problems? found$/ });

  /** The line (1-based) the selection of the text box starts on, and the selected text. */
  const selection = (page) =>
    editor(page).evaluate((box) => ({
      line: box.value.slice(0, box.selectionStart).split('\n').length,
      text: box.value.slice(box.selectionStart, box.selectionEnd),
      focused: box === document.activeElement,
    }));

  it('lists the problems of a broken definition by line, each selecting its line', () =>
    keepingEvidence('admin-processes-problems', env.pages, async () => {
      admin = await env.openPage();
      await signIn(admin, ADMIN, { path: '/admin/processes' });
      await visible(admin.getByRole('heading', { name: 'Processes', level: 1 }));
      const current = admin.getByRole('table', { name: 'Versions of the process “support”' });
      await visible(current.getByRole('row', { name: new RegExp(`^${stored} Current`) }));

      let broken = changeLine(fixed, at.state, (line) =>
        line.replace('l1_technical', 'l1_nowhere'),
      );
      broken = changeLine(broken, at.field, (line) =>
        line.replace('return_reason', 'return_reasons'),
      );
      await editor(admin).fill(broken);
      await check(admin).click();
      await visible(admin.getByRole('heading', { name: '2 problems found' }));
      const items = problems(admin).getByRole('listitem');
      assert.equal(await items.count(), 2);
      const first = await items.nth(0).innerText();
      assert.match(first, new RegExp(`^Line ${at.state}, column \\d+`));
      assert.match(first, /unknown state 'l1_nowhere'/);
      const second = await items.nth(1).innerText();
      assert.match(second, new RegExp(`^Line ${at.field}, column \\d+`));
      assert.match(second, /unknown field 'return_reasons'/);
      // The gutter marks both lines.
      assert.deepEqual(await admin.locator('.code-gutter .has-problem').allInnerTexts(), [
        String(at.state),
        String(at.field),
      ]);

      await problems(admin)
        .getByRole('button', { name: new RegExp(`^Line ${at.field},`) })
        .click();
      let chosen = await selection(admin);
      assert.deepEqual(chosen, {
        line: at.field,
        text: '    fields: [return_reasons]',
        focused: true,
      });
      await problems(admin)
        .getByRole('button', { name: new RegExp(`^Line ${at.state},`) })
        .click();
      chosen = await selection(admin);
      assert.deepEqual(chosen, { line: at.state, text: '    to: l1_nowhere', focused: true });
      await screenshot(admin, 'admin-processes-problems');
      await assertAccessible(admin, 'the process check with problems');
      assertNoPageErrors(admin);
    }));

  it('names the line of a broken indentation', () =>
    keepingEvidence('admin-processes-indent', env.pages, async () => {
      const broken = changeLine(fixed, at.indent, (line) => `  ${line}`);
      await editor(admin).fill(broken);
      await check(admin).click();
      await visible(admin.getByRole('heading', { name: /^1 problem found$/ }));
      const item = problems(admin).getByRole('listitem');
      assert.match(await item.innerText(), new RegExp(`^Line ${at.indent}, column \\d+`));
      await item.getByRole('button').click();
      assert.equal((await selection(admin)).line, at.indent);
      assertNoPageErrors(admin);
    }));

  it('draws a valid definition opened from a file and activates it', () =>
    keepingEvidence('admin-processes-activate', env.pages, async () => {
      await admin.getByLabel('Definition file').setInputFiles({
        name: 'support-next.yaml',
        mimeType: 'application/yaml',
        buffer: Buffer.from(fixed),
      });
      await admin.waitForFunction(
        (length) => document.querySelector('textarea[name="source"]')?.value.length === length,
        fixed.length,
      );
      await check(admin).click();
      await visible(admin.getByRole('heading', { name: 'The definition is valid' }));
      await visible(admin.getByText(`Process “support”, version ${version}:`, { exact: false }));
      const diagram = admin.getByRole('img', {
        name: `Diagram of the process “support”, version ${version}`,
      });
      await visible(diagram);
      assert.equal(await diagram.evaluate((el) => el.localName), 'svg');
      assert.ok((await diagram.locator('g.node').count()) > 5, 'the states are drawn');
      assert.equal(await admin.locator('.process-preview script').count(), 0);
      await screenshot(admin, 'admin-processes-valid');
      await assertAccessible(admin, 'the valid definition with its diagram');

      await admin.getByRole('button', { name: `Activate as version ${version}` }).click();
      await visible(
        admin.getByRole('status').filter({
          hasText: `Version ${version} of “support” is stored; new tickets start on it.`,
        }),
      );
      const table = admin.getByRole('table', { name: 'Versions of the process “support”' });
      await visible(table.getByRole('row', { name: new RegExp(`^${version} Current`) }));
      const old = table.getByRole('row', { name: new RegExp(`^${stored} `) });
      assert.doesNotMatch(await old.innerText(), /Current/);
      const { items } = await adminApi.get('/processes');
      assert.ok(items.find((v) => v.id === 'support' && v.version === version)?.current);
      assertNoPageErrors(admin);
    }));

  it('moves open tickets to the new version, refusing an unknown state first', () =>
    keepingEvidence('admin-processes-migrate', env.pages, async () => {
      const form = admin.getByRole('region', { name: 'Migrate open tickets' });
      assert.equal(await form.getByLabel('Process').inputValue(), 'support');
      assert.equal(await form.getByLabel('From version').inputValue(), String(stored));
      assert.equal(await form.getByLabel('To version').inputValue(), String(version));
      await form.getByLabel('Old state 1').fill('nowhere');
      await form.getByLabel('New state 1').fill('l1_new');
      await form.getByRole('button', { name: 'Migrate', exact: true }).click();
      const mapping = form.getByRole('group', { name: 'State mapping' });
      const error = mapping.locator('.field-error');
      await visible(error);
      assert.match(await error.innerText(), /nowhere/);
      await form.getByRole('button', { name: 'Remove state mapping 1' }).click();
      await form.getByRole('button', { name: 'Migrate', exact: true }).click();
      await visible(form.getByRole('status').filter({ hasText: /^\d+ open tickets? moved$/ }));
      await screenshot(admin, 'admin-processes-migrated');
      await assertAccessible(admin, 'the migration form');
      assertNoPageErrors(admin);
    }));
});
