#!/usr/bin/env node
/**
 * `npm run bench`: build the site alone and with the legacy corpus
 * (KB_LEGACY_DIR=../shared/corpus/rackspace-how-to), then measure what
 * issue 4 asks for: build time (astro build + pagefind) and peak memory,
 * pages, dist/ size, Pagefind index size, bytes a first search downloads,
 * search latency in Chromium (cold first query, warm median of 50), the gzip
 * weight of one imported article, and the search-quality score on
 * ../shared/search/queries.json. Writes bench/results/<time>.json and prints a table.
 *
 *   node bench/run.mjs [--skip-build] [--only site|corpus]
 *
 * Builds go to /tmp/kb-bench-site and /tmp/kb-bench-corpus (never dist/).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/serve.mjs';

const { values: args } = parseArgs({ options: { 'skip-build': { type: 'boolean', default: false }, only: { type: 'string' } } });
const CORPUS = '../shared/corpus/rackspace-how-to';
const QUERIES = JSON.parse(readFileSync('../shared/search/queries.json', 'utf8')).queries;
const ARTICLE = '/docs/3-2-1-backup-rule-for-the-cloud/';
const VARIANTS = [
  { name: 'site', outDir: '/tmp/kb-bench-site', env: { KB_LEGACY_DIR: '' }, article: '/docs/secure-a-compromised-rackspace-email-mailbox/' },
  { name: 'corpus', outDir: '/tmp/kb-bench-corpus', env: { KB_LEGACY_DIR: CORPUS }, article: ARTICLE },
].filter((v) => !args.only || v.name === args.only);

/** Run a command under GNU time: wall seconds and peak RSS (largest process of its tree) in bytes. */
function timed(command, commandArgs, env) {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn('/usr/bin/time', ['-v', command, ...commandArgs], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) return reject(new Error(`${command} ${commandArgs.join(' ')} exited ${code}\n${out.slice(-3000)}`));
      const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(out)?.[1] ?? 0) * 1024;
      resolvePromise({ seconds, peakBytes: rss, log: out });
    });
  });
}

function walk(dir) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...walk(full));
    else files.push(full);
  }
  return files;
}
const sizeOf = (dir) => walk(dir).reduce((sum, file) => sum + statSync(file).size, 0);

async function build(variant) {
  const bin = resolve('node_modules/.bin');
  const astro = await timed(join(bin, 'astro'), ['build', '--outDir', variant.outDir], variant.env);
  const pagefind = await timed(join(bin, 'pagefind'), ['--site', variant.outDir], variant.env);
  const cached = /\((\d+) rendered, (\d+) from cache/.exec(astro.log);
  return {
    astroSeconds: astro.seconds,
    pagefindSeconds: pagefind.seconds,
    buildSeconds: astro.seconds + pagefind.seconds,
    peakMemoryBytes: Math.max(astro.peakBytes, pagefind.peakBytes),
    legacyRendered: cached ? Number(cached[1]) : 0,
    legacyFromCache: cached ? Number(cached[2]) : 0,
  };
}

function distFigures(dir) {
  const files = walk(dir);
  const pages = files.filter((file) => file.endsWith('.html')).length;
  return { pages, distBytes: sizeOf(dir), pagefindBytes: sizeOf(join(dir, 'pagefind')) };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function browserFigures(variant, port) {
  const server = await startServer({ port, host: '127.0.0.1', dir: variant.outDir });
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    // Search: a bare same-origin document, then Pagefind's JS API, as the search page uses it.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/robots.txt`);
    const bytes = { total: 0 };
    page.on('requestfinished', async (request) => {
      const sizes = await request.sizes().catch(() => undefined);
      if (sizes) bytes.total += sizes.responseBodySize + sizes.responseHeadersSize;
    });
    const run = (q) =>
      page.evaluate(async (query) => {
        const started = performance.now();
        const pagefind = (globalThis.__pf ??= await import('/pagefind/pagefind.js'));
        const search = await pagefind.search(query);
        const top = await Promise.all(search.results.slice(0, 5).map((result) => result.data()));
        return {
          ms: performance.now() - started,
          top: top.map((data) => ({ url: data.url, subs: (data.sub_results ?? []).map((sub) => sub.url) })),
        };
      }, q);
    const cold = await run(QUERIES[0].q);
    await page.waitForTimeout(300);
    const firstSearchBytes = bytes.total;
    const warm = [];
    for (let i = 0; i < 50; i += 1) warm.push((await run(QUERIES[(i + 1) % QUERIES.length].q)).ms);

    // Search quality through the search page itself (stop words, fallback and
    // section hits included), as tests/e2e/search-quality.spec.ts scores it.
    const quality = [];
    for (const query of QUERIES) {
      await page.goto(`${base}/search/?q=${encodeURIComponent(query.q)}`);
      await page.waitForFunction(() => {
        const status = document.querySelector('[data-search-status]')?.textContent ?? '';
        return status !== '' && !status.startsWith('Searching');
      });
      const top = await page.locator('.search-result').evaluateAll((items) =>
        items.slice(0, 3).map((item) => ({
          url: new URL(item.querySelector('h2 a').href).pathname,
          sections: [...item.querySelectorAll('[data-section]')].map((link) => link.dataset.section),
        })),
      );
      const rank = top.findIndex((result) => result.url === query.page);
      const pageOk = rank !== -1;
      const sectionOk = !query.section || (pageOk && top[rank].sections.includes(query.section));
      quality.push({ q: query.q, page: query.page, section: query.section ?? null, pageOk, sectionOk, got: top.map((r) => r.url) });
    }
    await context.close();

    // Page weight: every response of one article, gzip-compressed as served.
    const weightContext = await browser.newContext();
    const weightPage = await weightContext.newPage();
    const responses = [];
    weightPage.on('response', (response) => responses.push(response));
    await weightPage.goto(`${base}${variant.article}`, { waitUntil: 'networkidle' });
    let articleGzipBytes = 0;
    for (const response of responses) {
      const body = await response.body().catch(() => undefined);
      if (body) articleGzipBytes += /\.(png|wasm|pf_\w+)$/.test(response.url()) ? body.length : gzipSync(body).length;
    }
    const html = readFileSync(join(variant.outDir, variant.article, 'index.html'));
    await weightContext.close();
    return {
      firstSearchBytes,
      coldSearchMs: cold.ms,
      warmSearchMedianMs: median(warm),
      articleGzipBytes,
      articleHtmlBytes: html.length,
      articleHtmlGzipBytes: gzipSync(html).length,
      quality: {
        pageTop3: quality.filter((q) => q.pageOk).length,
        sectionHit: quality.filter((q) => q.pageOk && q.sectionOk).length,
        total: quality.length,
        misses: quality.filter((q) => !q.pageOk || !q.sectionOk),
      },
    };
  } finally {
    await browser.close();
    server.close();
  }
}

const results = { date: new Date().toISOString(), machine: { cpus: (await import('node:os')).cpus().length }, variants: {} };
let port = 4690;
for (const variant of VARIANTS) {
  console.error(`[bench] ${variant.name}: ${args['skip-build'] ? 'using the existing build' : 'building'} in ${variant.outDir}…`);
  const buildFigures = args['skip-build'] && existsSync(variant.outDir) ? {} : await build(variant);
  const dist = distFigures(variant.outDir);
  console.error(`[bench] ${variant.name}: searching in Chromium…`);
  const browserResult = await browserFigures(variant, (port += 1));
  results.variants[variant.name] = { ...buildFigures, ...dist, ...browserResult };
}

mkdirSync('bench/results', { recursive: true });
const file = `bench/results/${results.date.replace(/[:.]/g, '-')}.json`;
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);

const mb = (n) => (n === undefined ? '–' : `${(n / 1024 / 1024).toFixed(1)} MB`);
const kb = (n) => (n === undefined ? '–' : `${(n / 1024).toFixed(1)} KB`);
const s = (n) => (n === undefined ? '–' : `${n.toFixed(1)} s`);
const ms = (n) => (n === undefined ? '–' : `${n.toFixed(1)} ms`);
const rows = [
  ['build (astro + pagefind)', (v) => s(v.buildSeconds)],
  ['  astro build', (v) => s(v.astroSeconds)],
  ['  pagefind', (v) => s(v.pagefindSeconds)],
  ['  legacy entries rendered / cached', (v) => (v.legacyRendered === undefined ? '–' : `${v.legacyRendered} / ${v.legacyFromCache}`)],
  ['peak memory', (v) => mb(v.peakMemoryBytes)],
  ['pages (.html)', (v) => String(v.pages)],
  ['dist/ size', (v) => mb(v.distBytes)],
  ['Pagefind index', (v) => mb(v.pagefindBytes)],
  ['first search downloads', (v) => kb(v.firstSearchBytes)],
  ['cold first query', (v) => ms(v.coldSearchMs)],
  ['warm query (median of 50)', (v) => ms(v.warmSearchMedianMs)],
  ['article page weight (gzip, all requests)', (v) => kb(v.articleGzipBytes)],
  ['article HTML (raw / gzip)', (v) => `${kb(v.articleHtmlBytes)} / ${kb(v.articleHtmlGzipBytes)}`],
  ['search quality: page in top 3', (v) => `${v.quality.pageTop3}/${v.quality.total}`],
  ['search quality: page + section', (v) => `${v.quality.sectionHit}/${v.quality.total}`],
];
const names = Object.keys(results.variants);
const width = Math.max(...rows.map(([label]) => label.length));
console.log(`${''.padEnd(width)}  ${names.map((n) => n.padStart(16)).join('  ')}`);
for (const [label, format] of rows) console.log(`${label.padEnd(width)}  ${names.map((n) => format(results.variants[n]).padStart(16)).join('  ')}`);
for (const name of names) for (const miss of results.variants[name].quality.misses) console.log(`[${name}] miss: "${miss.q}" → want ${miss.page}${miss.section ? `#${miss.section}` : ''}, got ${miss.got.join(', ') || 'nothing'}`);
console.log(`\nwritten to ${file}`);
