/**
 * Search figures in Chromium, each run in a fresh browser context (empty
 * cache, nothing loaded):
 * - `apiSearch`: Pagefind's own JavaScript API from a blank same-origin page,
 *   the way any Pagefind site can be measured (our site or a Starlight build):
 *   import pagefind.js, search, load the top 5 results. Cold first query and
 *   the bytes it downloads (each query of the test set, median), the warm
 *   median over 50 queries, and the first query once Pagefind is loaded and
 *   initialised (index chunks not yet).
 * - `searchPage`: our search page as people use it: a link from a ticket
 *   (`/search/?q=`, from navigation start) and a query typed into the open
 *   search page (from Enter): until the first results show, and until all
 *   are listed and announced.
 * - `searchPageOverQueries`: the search page opened from a link once per query
 *   of the test set: the median time to first results and the bytes, and how
 *   many index chunks a query fetches. Works on any build whose search page
 *   has the same hooks, so a build of an older commit can be compared.
 */
import { searchSettled } from './search-quality.mjs';

const RUNS = 5;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
/** Nearest rank: the value that 90 % of the runs reach or beat. */
const p90 = (values) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.9) - 1];
const summary = (values) => ({
  median: median(values),
  p90: p90(values),
  min: Math.min(...values),
  max: Math.max(...values),
  runs: values,
});

/**
 * Counts the bytes (body and headers) of every response the page and its workers receive. Chromium reports no
 * body size for a worker's own script (Pagefind's 12 KB pagefind-worker.js read as 0): its Content-Length stands in.
 */
function countBytes(page) {
  const counter = { total: 0 };
  page.on('requestfinished', async (request) => {
    const sizes = await request.sizes().catch(() => undefined);
    if (!sizes) return;
    const declared =
      sizes.responseBodySize > 0 ? 0 : Number((await request.response())?.headers()['content-length'] ?? 0);
    counter.total += Math.max(sizes.responseBodySize, declared) + sizes.responseHeadersSize;
  });
  return counter;
}

async function apiInit(page) {
  await page.evaluate(async () => {
    globalThis.benchPagefind = await import('/pagefind/pagefind.js');
    await globalThis.benchPagefind.init();
  });
}

async function apiQuery(page, query) {
  return page.evaluate(async (q) => {
    const started = performance.now();
    const pagefind = (globalThis.benchPagefind ??= await import('/pagefind/pagefind.js'));
    const search = await pagefind.search(q);
    await Promise.all(search.results.slice(0, 5).map((result) => result.data()));
    return performance.now() - started;
  }, query);
}

/** One cold first query per query of the test set, each in a fresh context; then 50 warm ones. */
export async function apiSearch(browser, base, queries) {
  const cold = [];
  const afterInit = [];
  const bytes = [];
  const warm = [];
  for (const [index, query] of queries.entries()) {
    let context = await browser.newContext();
    let page = await context.newPage();
    await page.goto(`${base}/robots.txt`);
    const counter = countBytes(page);
    cold.push(await apiQuery(page, query));
    await page.waitForTimeout(300);
    bytes.push(counter.total);
    if (index === 0) for (let i = 0; i < 50; i += 1) warm.push(await apiQuery(page, queries[(i + 1) % queries.length]));
    await context.close();

    context = await browser.newContext();
    page = await context.newPage();
    await page.goto(`${base}/robots.txt`);
    await apiInit(page);
    afterInit.push(await apiQuery(page, query));
    await context.close();
  }
  return {
    coldMs: summary(cold),
    afterInitMs: summary(afterInit),
    firstSearchBytes: summary(bytes),
    warmMedianMs: median(warm),
  };
}

/**
 * Records when the search page first shows results (or says there are none),
 * and when it has listed them all and announced the count: its results list's
 * `data-search-state="final"`, or on builds before that attribute, the status
 * line's count.
 */
function watchForResults() {
  globalThis.benchShown = { first: null, all: null };
  new MutationObserver(() => {
    const status = document.querySelector('[data-search-status]')?.textContent ?? '';
    const announced = status !== '' && !status.startsWith('Searching');
    const state = document.querySelector('[data-search-results]')?.getAttribute('data-search-state');
    const final = state == null ? announced : state === 'final';
    if (globalThis.benchShown.first === null && (announced || document.querySelector('.search-result')))
      globalThis.benchShown.first = performance.now();
    if (globalThis.benchShown.all === null && final) globalThis.benchShown.all = performance.now();
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
}

export async function searchPage(browser, base, query) {
  const link = { first: [], all: [] };
  const typed = { first: [], all: [] };
  let linkBytes = 0;
  for (let run = 0; run < RUNS; run += 1) {
    let context = await browser.newContext();
    let page = await context.newPage();
    await page.addInitScript(watchForResults);
    const counter = countBytes(page);
    await page.goto(`${base}/search/?q=${encodeURIComponent(query)}`);
    await page.waitForFunction(() => globalThis.benchShown.all !== null);
    const fromLink = await page.evaluate(() => globalThis.benchShown);
    link.first.push(fromLink.first);
    link.all.push(fromLink.all);
    await page.waitForTimeout(300);
    linkBytes = counter.total;
    await context.close();

    context = await browser.newContext();
    page = await context.newPage();
    await page.addInitScript(watchForResults);
    await page.goto(`${base}/search/`, { waitUntil: 'networkidle' });
    // Typed at about 150 words a minute, then Enter; timed from Enter.
    await page.locator('#page-search').pressSequentially(query, { delay: 60 });
    const afterEnter = await page.evaluate(async () => {
      globalThis.benchShown = { first: null, all: null };
      const started = performance.now();
      document.querySelector('.search-page form').requestSubmit();
      while (globalThis.benchShown.all === null) await new Promise((resolve) => setTimeout(resolve, 5));
      return { first: globalThis.benchShown.first - started, all: globalThis.benchShown.all - started };
    });
    typed.first.push(afterEnter.first);
    typed.all.push(afterEnter.all);
    await context.close();
  }
  return {
    fromLinkFirstMs: summary(link.first),
    fromLinkAllMs: summary(link.all),
    fromLinkBytes: linkBytes,
    typedFirstMs: summary(typed.first),
    typedAllMs: summary(typed.all),
  };
}

export async function searchPageOverQueries(browser, base, queries) {
  const first = [];
  const bytes = [];
  const chunks = [];
  for (const query of queries) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(watchForResults);
    const counter = countBytes(page);
    let indexChunks = 0;
    page.on('requestfinished', (request) => {
      if (request.url().includes('/pagefind/index/')) indexChunks += 1;
    });
    await page.goto(`${base}/search/?q=${encodeURIComponent(query)}`);
    await searchSettled(page);
    first.push(await page.evaluate(() => globalThis.benchShown.first));
    // Results after the first few, and "did you mean", may still be loading.
    await page.waitForTimeout(300);
    bytes.push(counter.total);
    chunks.push(indexChunks);
    await context.close();
  }
  return {
    firstMs: summary(first),
    bytes: summary(bytes),
    meanIndexChunks: chunks.reduce((total, count) => total + count, 0) / chunks.length,
    queries: queries.length,
  };
}
