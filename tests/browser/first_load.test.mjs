// The first load of the app in a browser with an empty cache moves less than
// 200 KB of compressed JavaScript: every script arrives Brotli- or
// gzip-compressed, and their transferred sizes add up under the budget.
// With HD_WEB_ROOT the server serves a folder as it is (a development
// override that sends no compressed variants), so each script counts as its
// .br (else .gz) file in that folder: what the built-in app would send.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_TIMEOUT_MS, assertNoPageErrors, useServerAndBrowser, visible } from './browser.mjs';

const BUDGET_BYTES = 200 * 1024;
const WEB_ROOT = process.env.HD_WEB_ROOT;

/** The size and encoding of the compressed variant of `path` in WEB_ROOT. */
function variantOnDisk(path) {
  for (const [suffix, encoding] of [
    ['.br', 'br'],
    ['.gz', 'gzip'],
  ]) {
    const file = join(WEB_ROOT, `${path}${suffix}`);
    if (existsSync(file)) return { size: statSync(file).size, encoding: `${encoding} (on disk)` };
  }
  return { size: statSync(join(WEB_ROOT, path)).size, encoding: 'none (on disk)' };
}

describe('first page load', { timeout: TEST_TIMEOUT_MS }, () => {
  const env = useServerAndBrowser();

  it('transfers under 200 KB of compressed JavaScript', async () => {
    const page = await env.openPage();
    const scripts = [];
    page.on('response', (response) => {
      const type = response.headers()['content-type'] ?? '';
      if (response.request().resourceType() === 'script' || /javascript/.test(type)) {
        scripts.push(response);
      }
    });
    await page.goto('/', { waitUntil: 'networkidle' });
    await visible(page.getByRole('heading', { name: 'Sign in', level: 1 }));

    assert.ok(scripts.length > 0, 'the page loads its JavaScript');
    let total = 0;
    const lines = [];
    for (const response of scripts) {
      const headers = await response.allHeaders();
      const path = new URL(response.url()).pathname;
      assert.equal(response.status(), 200, path);
      if (WEB_ROOT) {
        const variant = variantOnDisk(path);
        total += variant.size;
        lines.push(`${path}: ${variant.size} B ${variant.encoding}`);
        continue;
      }
      const encoding = headers['content-encoding'] ?? '';
      assert.match(encoding, /^(br|gzip)$/, `${path} is sent compressed (got "${encoding}")`);
      const declared = Number(headers['content-length']);
      const size =
        Number.isFinite(declared) && declared > 0
          ? declared
          : (await response.request().sizes()).responseBodySize;
      assert.ok(size > 0, `${path}: a size`);
      total += size;
      lines.push(`${path}: ${size} B ${encoding}`);
    }
    console.log(
      `first load JavaScript: ${total} B compressed (budget ${BUDGET_BYTES} B)\n  ${lines.join('\n  ')}`,
    );
    assert.ok(total < BUDGET_BYTES, `${total} B of compressed JavaScript:\n${lines.join('\n')}`);
    assertNoPageErrors(page);
  });
});
