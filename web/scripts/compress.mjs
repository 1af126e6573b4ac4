// @ts-check
// Writes a .gz (gzip, level 9) and a .br (brotli, quality 11) next to every
// text file of a build, so the server can send the variant the browser
// accepts without compressing on each request. A variant that would not be
// smaller is not written. Prints the compressed size of the JavaScript and
// fails the build when it outgrows the budget.
//
// Usage: node scripts/compress.mjs dist
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const kExtensions = new Set(['.js', '.css', '.html', '.svg', '.json', '.txt', '.map']);
/** The most JavaScript the app may ship, compressed either way (200 kB). */
const kJsBudgetBytes = 200_000;

/** @param {string} dir @returns {AsyncGenerator<string>} every file below `dir` */
async function* filesIn(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesIn(path);
    else if (entry.isFile()) yield path;
  }
}

/** @param {Buffer} data */
function gzip(data) {
  return gzipSync(data, { level: 9 });
}

/** @param {Buffer} data */
function brotli(data) {
  return brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
}

/**
 * Writes `path`+`suffix` when `packed` is smaller than the original, and
 * removes a stale one from an earlier run otherwise. Returns the bytes the
 * variant sends: the packed size, or the original's when none is written.
 * @param {string} path @param {string} suffix @param {Buffer} original @param {Buffer} packed
 */
async function writeVariant(path, suffix, original, packed) {
  if (packed.length < original.length) {
    await writeFile(path + suffix, packed);
    return packed.length;
  }
  await rm(path + suffix, { force: true });
  return original.length;
}

/** @param {number} bytes as Vite prints sizes */
function kB(bytes) {
  return `${(bytes / 1000).toFixed(2)} kB`;
}

async function main() {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: node scripts/compress.mjs <dist directory>');
  const js = { raw: 0, gzip: 0, brotli: 0 };
  let files = 0;
  for await (const path of filesIn(dir)) {
    if (!kExtensions.has(extname(path))) continue;
    const data = await readFile(path);
    const gzipped = await writeVariant(path, '.gz', data, gzip(data));
    const brotlied = await writeVariant(path, '.br', data, brotli(data));
    files += 1;
    if (extname(path) === '.js') {
      js.raw += data.length;
      js.gzip += gzipped;
      js.brotli += brotlied;
    }
  }
  console.log(`compress: ${files} files in ${dir}`);
  console.log(
    `compress: JavaScript ${kB(js.raw)} raw, ${kB(js.gzip)} gzip, ${kB(js.brotli)} brotli` +
      ` (budget ${kB(kJsBudgetBytes)})`,
  );
  if (js.brotli > kJsBudgetBytes || js.gzip > kJsBudgetBytes) {
    throw new Error(`compress: the JavaScript is over its budget of ${kB(kJsBudgetBytes)}`);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
