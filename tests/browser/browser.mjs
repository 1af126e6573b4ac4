// Chromium through playwright-core, and the steps the tests share: a server
// and a browser for a test file, signing in, waiting for what a person would
// see, a ticket's process card, screenshots, axe-core, and a small PNG for
// the attachment tests. Every wait is for something visible (or a
// response); none sleeps.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { after, before } from 'node:test';
import { deflateSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { DEMO_PASSWORD, startServer } from './server.mjs';

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

/**
 * A server and Chromium for the `describe` this is called in. Registers a
 * `before` hook that starts the server (`startServer(serverOptions)`; `{ demo:
 * true }` fills it with the demo data) and then launches the browser, and an
 * `after` hook that closes the browser and then stops the server. Returns
 * `{ server, browser, pages, openPage }`: `server` and `browser` are filled
 * in when the `before` hook runs, so read them inside hooks and tests, not
 * while the describe is being defined (`before` hooks registered after this
 * call run later and find both ready). `openPage(options)` is
 * `openPage(browser, server, options)` that also keeps the page in `pages`,
 * for `keepingEvidence` and the page-error checks; `signedInPage(email,
 * options)` likewise for `signedInPage`.
 */
export function useServerAndBrowser(serverOptions) {
  const env = {
    server: undefined,
    browser: undefined,
    pages: [],
    async openPage(options) {
      const page = await openPage(env.browser, env.server, options);
      env.pages.push(page);
      return page;
    },
    async signedInPage(email, options) {
      const page = await signedInPage(env.browser, env.server, email, options);
      env.pages.push(page);
      return page;
    },
  };
  before(async () => {
    env.server = await startServer(serverOptions);
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
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

/**
 * A new page (`openPage`: `viewport`, `locale`) in the dark scheme when
 * `dark`, on which `email` has signed in (`signIn`: `path`, `language`,
 * `password`).
 */
export async function signedInPage(
  browser,
  server,
  email,
  { viewport, locale, dark = false, ...signInOptions } = {},
) {
  const page = await openPage(browser, server, { viewport, locale });
  if (dark) await page.emulateMedia({ colorScheme: 'dark' });
  await signIn(page, email, signInOptions);
  return page;
}

/** The addresses the page asks for whose path starts with `prefix`, from now on. */
export function requestsTo(page, prefix) {
  const asked = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith(prefix)) asked.push(request.url());
  });
  return asked;
}

/** Fails when the page is wider than its window (it scrolls sideways). */
export async function assertNoSidewaysScroll(page, what) {
  const width = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    window.innerWidth,
  ]);
  assert.ok(width[0] <= width[1], `${what} scrolls sideways: ${width}`);
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

/** How the app writes a date in each language: its locale, and the separator of a typed date. */
const DATES = { en: { locale: 'en-GB', separator: '/' }, ru: { locale: 'ru-RU', separator: '.' } };

/**
 * A date `days` from now (in UTC) as typed into the app's date fields in
 * `language` (DD/MM/YYYY, ДД.ММ.ГГГГ) and in words.
 */
export function dateAhead(days, { language = 'en' } = {}) {
  const { locale, separator } = DATES[language];
  const date = new Date(Date.now() + days * 86_400_000);
  const dd = String(date.getUTCDate()).padStart(2, '0');
  const mm = String(date.getUTCMonth() + 1).padStart(2, '0');
  const words = date.toLocaleDateString(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return { typed: [dd, mm, date.getUTCFullYear()].join(separator), words };
}

/** The name of a ticket's process card in each language of the app. */
const PROCESS_CARD = { en: 'Process', ru: 'Процесс' };

/** The process card of the ticket on `page`, the app speaking `language`. */
export function processCard(page, { language = 'en' } = {}) {
  return page.getByRole('region', { name: PROCESS_CARD[language], exact: true });
}

/** Waits until the process card shows the state `label`; returns the card. */
export async function inState(page, label, { language = 'en' } = {}) {
  const card = processCard(page, { language });
  await visible(card.getByText(label, { exact: true }));
  return card;
}

/**
 * Fires the transition `label`: its button on the process card opens the
 * dialog, `fill` fills it in, its submit button (named like the transition)
 * sends it, and the dialog closes.
 */
export async function fire(page, label, { fill = async () => {}, language = 'en' } = {}) {
  await processCard(page, { language }).getByRole('button', { name: label, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: label });
  await visible(dialog);
  await fill(dialog);
  await submitButton(dialog, label).click();
  await gone(dialog);
}

/** The dialog's submit button (inside the form, apart from the dialog's "Close dialog"). */
export function submitButton(dialog, label) {
  return dialog.locator('form').getByRole('button', { name: label, exact: true });
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
