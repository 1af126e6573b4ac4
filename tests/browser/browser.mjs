// Chromium through playwright-core, and the steps the tests share: signing
// in, waiting for what a person would see, screenshots, axe-core, and a
// small PNG for the attachment tests. Every wait is for something visible
// (or a response); none sleeps.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { DEMO_PASSWORD } from './server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const CHROMIUM = process.env.HD_CHROMIUM || '/usr/bin/chromium';
export const SCREENSHOTS = join(here, 'screenshots');

/** How long one step may take: an ASan server answers slowly. */
export const STEP_TIMEOUT_MS = 20_000;
/** How long a whole test may take. */
export const TEST_TIMEOUT_MS = 300_000;

export async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox'],
  });
}

/** A phone's window (CSS pixels), for the narrow layout. */
export const PHONE = { width: 360, height: 740 };

/**
 * A fresh browser context (its own cookies: one person) and its page, in a
 * desktop's window unless `viewport` says otherwise. Uncaught page errors
 * are collected in `page.errors`.
 */
export async function openPage(
  browser,
  server,
  { locale = 'en-GB', timezoneId = 'Europe/Moscow', viewport = { width: 1280, height: 900 } } = {},
) {
  const context = await browser.newContext({
    baseURL: server.url,
    locale,
    timezoneId,
    viewport,
  });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(STEP_TIMEOUT_MS * 2);
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(error));
  return page;
}

/** Fails when the page threw an uncaught error. */
export function assertNoPageErrors(page) {
  assert.deepEqual(
    page.errors.map((error) => String(error)),
    [],
    'the page threw uncaught errors',
  );
}

/** Waits until `locator` is visible. */
export async function visible(locator, timeout = STEP_TIMEOUT_MS) {
  await locator.first().waitFor({ state: 'visible', timeout });
  return locator;
}

/** Waits until `locator` is gone. */
export async function gone(locator, timeout = STEP_TIMEOUT_MS) {
  await locator.waitFor({ state: 'hidden', timeout });
}

/** The texts of the visible elements `locator` matches. */
export async function texts(locator) {
  return (await locator.allInnerTexts()).map((text) => text.trim());
}

/** Opens the sign-in page and signs in; waits for the first signed-in page. */
export async function signIn(
  page,
  email,
  { password = DEMO_PASSWORD, path = '/', language = 'en' } = {},
) {
  const words =
    language === 'ru'
      ? { email: 'Электронная почта', password: 'Пароль', submit: 'Войти', signOut: 'Выйти' }
      : { email: 'E-mail', password: 'Password', submit: 'Sign in', signOut: 'Sign out' };
  const target = path === '/' ? '/#/login' : `/#/login?next=${encodeURIComponent(path)}`;
  await page.goto(target);
  await page.getByLabel(words.email).fill(email);
  await page.getByLabel(words.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: words.submit, exact: true }).click();
  await visible(page.getByRole('button', { name: words.signOut }));
}

/** Signs in and waits until the live stream (Server-Sent Events) is open. */
export async function signInLive(page, email, options) {
  const stream = page.waitForResponse(
    (response) =>
      new URL(response.url()).pathname === '/api/v1/events' && response.status() === 200,
    { timeout: STEP_TIMEOUT_MS * 2 },
  );
  await signIn(page, email, options);
  await stream;
}

/**
 * Runs `body`; when it fails, saves a screenshot of each open page as
 * screenshots/failed-NAME-N.png (what each person saw) and rethrows.
 */
export async function keepingEvidence(name, pages, body) {
  try {
    await body();
  } catch (error) {
    let n = 0;
    for (const page of pages) {
      n += 1;
      if (page.isClosed()) continue;
      await screenshot(page, `failed-${name}-${n}`).catch(() => {});
    }
    throw error;
  }
}

/**
 * Writes a screenshot to screenshots/NAME.png: the whole page, or only the
 * window (`fullPage: false`, for a modal dialog over the page).
 */
export async function screenshot(page, name, { fullPage = true } = {}) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // From the top, so the sticky header is drawn where it belongs.
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
}

const require = createRequire(import.meta.url);
let axeSource = null;

/**
 * Runs axe-core on the page (injected with the DevTools protocol, so the
 * app's Content-Security-Policy stays on) and returns its violations.
 */
export async function axeViolations(page) {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const loaded = await page.evaluate(() => typeof window.axe === 'object');
  if (!loaded) await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const run = await window.axe.run(document, { resultTypes: ['violations'] });
    return run.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
    }));
  });
  return result;
}

const isSerious = (v) => v.impact === 'serious' || v.impact === 'critical';

/** Fails, printing each violation, when axe finds serious or critical ones. */
export async function assertAccessible(page, name) {
  const all = await axeViolations(page);
  const minor = all.filter((v) => !isSerious(v));
  if (minor.length) {
    console.log(
      `axe on ${name}, below serious: ${minor.map((v) => `${v.impact} ${v.id}`).join(', ')}`,
    );
  }
  const violations = all.filter(isSerious);
  const report = violations
    .map(
      (v) =>
        `${v.impact}: ${v.id} — ${v.help}\n` +
        v.nodes
          .map((n) => `    ${n.target}\n      ${(n.summary ?? '').replace(/\n/g, '\n      ')}`)
          .join('\n'),
    )
    .join('\n');
  assert.equal(violations.length, 0, `axe on ${name}:\n${report}`);
}

// ---- a small PNG, made here ------------------------------------------------

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A WIDTH×HEIGHT RGB PNG: a red bar on white, like a cropped error screenshot. */
export function makePng(width = 64, height = 32) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const rows = [];
  for (let y = 0; y < height; y += 1) {
    const row = Buffer.alloc(1 + width * 3, 0xff);
    row[0] = 0; // no filter
    if (y >= 8 && y < 16) {
      for (let x = 4; x < width - 4; x += 1) {
        row[1 + x * 3] = 0xd0;
        row[2 + x * 3] = 0x20;
        row[3 + x * 3] = 0x20;
      }
    }
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
