/**
 * Header analyzer figures (issue 14): gzip size of the island, its parser
 * worker and its stylesheet; parse time of the built parser in Node for a
 * typical header block and for a paste just under the 1 MB limit; and, in
 * Chromium, the time from "Analyse" to the results on screen for both.
 *
 * Part of `npm run bench` (bench/run.mjs), or on its own against a build:
 *
 *   node bench/lib/headers.mjs [DIST_DIR]      (default: dist)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const ARTICLE = '/docs/view-and-read-rackspace-email-headers/';
const LIMIT = 1024 * 1024;

/** The header block of a fixture: a realistic Gmail-to-Rackspace message (27 fields, 4 Received lines). */
function typicalBlock() {
  const text = readFileSync(new URL('../../tests/fixtures/headers/gmail-to-rackspace.txt', import.meta.url), 'utf8');
  return text.split(/\r?\n\r?\n/)[0];
}

/** Typical blocks, one after another, up to just under the limit: a worst case with thousands of Received lines. */
function nearLimitBlock(typical) {
  const copies = Math.floor((LIMIT - 1) / (Buffer.byteLength(typical) + 1));
  return Array.from({ length: copies }, () => typical).join('\n');
}

/** The pastes that froze the analyzer (issue #24, finding 2), each under the 1 MB limit. */
function hostileInputs() {
  return {
    'From: + 100,000 a': `From: ${'a'.repeat(100_000)} <a@sender.example>`,
    'Received-SPF: pass + 100,000 a': `Received-SPF: pass ${'a'.repeat(100_000)}`,
    '1 MB display name': `From: ${'a'.repeat(LIMIT - 40)} <a@sender.example>`,
    'helo [ x 16k': `Received: from x (${'helo ['.repeat(16_000)}) by y; Tue, 5 Nov 2024 10:00:00 +0000`,
  };
}

function chunk(dir, pattern) {
  const name = readdirSync(join(dir, '_astro')).find((file) => pattern.test(file));
  if (!name) throw new Error(`No ${pattern} in ${dir}/_astro: build the site first`);
  return join(dir, '_astro', name);
}

function gzipBytes(file) {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timeRuns(run, times) {
  const durations = [];
  for (let index = 0; index < times; index += 1) {
    const start = performance.now();
    run();
    durations.push(performance.now() - start);
  }
  return { median: median(durations), min: Math.min(...durations), max: Math.max(...durations) };
}

/**
 * "Analyse" → results rendered and painted, measured inside a freshly opened
 * page (the first analysis: after it, edits re-analyse live).
 */
async function uiMilliseconds(page, url, text) {
  await page.goto(url);
  await page.locator('.header-analyzer').scrollIntoViewIfNeeded();
  const input = page.locator('textarea[data-headers-input]');
  await input.waitFor();
  const parserLoaded = page.waitForResponse((response) =>
    /\/_astro\/analyzer\.worker[-.][\w-]+\.js$/.test(response.url()),
  );
  // As a paste arrives: the whole value, one input event (which starts loading the parser).
  await input.evaluate((element, value) => {
    element.value = value;
    element.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  await parserLoaded;
  return page.evaluate(async () => {
    await new Promise((done) => setTimeout(done, 200));
    const button = [...document.querySelectorAll('.header-analyzer button')].find(
      (element) => element.textContent === 'Analyse',
    );
    const status = document.querySelector('.header-analyzer__status');
    const start = performance.now();
    button.click();
    await new Promise((done) => {
      const check = () => (status.textContent.startsWith('Analysed') ? done() : requestAnimationFrame(check));
      check();
    });
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    return performance.now() - start;
  });
}

/**
 * The built parser worker, loaded in Node: it registers a message listener and posts its answer,
 * so both are stood in for, and each call hands it one request as the page would.
 */
async function builtParser(file) {
  let listener;
  let answer;
  globalThis.addEventListener = (type, handler) => {
    if (type === 'message') listener = handler;
  };
  globalThis.postMessage = (message) => (answer = message);
  await import(pathToFileURL(resolve(file)).href);
  return (text) => {
    listener({ data: { seq: 1, text } });
    if (!answer.outcome) throw new Error(`the parser failed: ${answer.error}`);
    return answer.outcome;
  };
}

export async function headerAnalyzerFigures(browser, base, dir) {
  const island = chunk(dir, /^HeaderAnalyzer\.[\w-]+\.js$/);
  const parser = chunk(dir, /^analyzer\.worker[-.][\w-]+\.js$/);
  const stylesheet = chunk(dir, /^header-analyzer\.[\w-]+\.css$/);
  const analyzeHeaders = await builtParser(parser);

  const typical = typicalBlock();
  const large = nearLimitBlock(typical);
  for (const text of [typical, large]) {
    if (!analyzeHeaders(text).ok) throw new Error('the bench input was refused');
  }
  const figures = {
    gzipBytes: { island: gzipBytes(island), parser: gzipBytes(parser), stylesheet: gzipBytes(stylesheet) },
    input: { typicalBytes: Buffer.byteLength(typical), largeBytes: Buffer.byteLength(large) },
    nodeMs: { typical: timeRuns(() => analyzeHeaders(typical), 200), large: timeRuns(() => analyzeHeaders(large), 7) },
    hostileNodeMs: Object.fromEntries(
      Object.entries(hostileInputs()).map(([name, text]) => [name, timeRuns(() => analyzeHeaders(text), 5).median]),
    ),
  };

  const page = await browser.newPage();
  try {
    const ui = { typical: [], large: [] };
    for (let run = 0; run < 3; run += 1) {
      ui.typical.push(await uiMilliseconds(page, `${base}${ARTICLE}`, typical));
      ui.large.push(await uiMilliseconds(page, `${base}${ARTICLE}`, large));
    }
    figures.chromiumMs = { typical: median(ui.typical), large: median(ui.large) };
  } finally {
    await page.close();
  }
  return figures;
}

export function printHeaderFigures(figures) {
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  const ms = (value) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
  console.log('\nheader analyzer');
  console.log(
    `  gzip: island ${figures.gzipBytes.island} B, parser worker ${figures.gzipBytes.parser} B, stylesheet ${figures.gzipBytes.stylesheet} B`,
  );
  console.log(
    `  parse in Node, typical block (${kb(figures.input.typicalBytes)}): median ${ms(figures.nodeMs.typical.median)} of 200`,
  );
  console.log(
    `  parse in Node, near the 1 MB limit (${kb(figures.input.largeBytes)}): median ${ms(figures.nodeMs.large.median)} of 7 (${ms(figures.nodeMs.large.min)}–${ms(figures.nodeMs.large.max)})`,
  );
  for (const [name, value] of Object.entries(figures.hostileNodeMs ?? {})) {
    console.log(`  parse in Node, hostile paste "${name}": median ${ms(value)} of 5`);
  }
  if (figures.chromiumMs) {
    console.log(
      `  Chromium, Analyse to results painted: typical ${ms(figures.chromiumMs.typical)}, near 1 MB ${ms(figures.chromiumMs.large)} (median of 3)`,
    );
  }
}

// Run on its own: serve the build, open Chromium, print the figures.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { chromium } = await import('playwright-core');
  const { startServer } = await import('../../scripts/serve.mjs');
  const dir = process.argv[2] ?? 'dist';
  const port = Number(process.env.BENCH_PORT ?? 4461);
  const server = await startServer({ port, host: '127.0.0.1', dir });
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    printHeaderFigures(await headerAnalyzerFigures(browser, `http://127.0.0.1:${port}`, dir));
  } finally {
    await browser.close();
    server.close();
  }
}
