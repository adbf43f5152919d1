/**
 * Search figures in Chromium, each run in a fresh browser context (empty
 * cache, nothing loaded):
 * - `apiSearch`: Pagefind's own JavaScript API from a blank same-origin page,
 *   the way any Pagefind site can be measured (our site or a Starlight build):
 *   import pagefind.js, search, load the top 5 results. Cold first query,
 *   bytes it downloads, then the warm median over 50 queries.
 * - `searchPage`: our search page as people use it: a link from a ticket
 *   (`/search/?q=`, navigation start to results shown) and a query typed
 *   into the open search page (Enter to results shown).
 */
const RUNS = 5;

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const summary = (values) => ({ median: median(values), min: Math.min(...values), max: Math.max(...values), runs: values });

/** Counts the bytes (body and headers) of every response the page and its workers receive. */
function countBytes(page) {
  const counter = { total: 0 };
  page.on('requestfinished', async (request) => {
    const sizes = await request.sizes().catch(() => undefined);
    if (sizes) counter.total += sizes.responseBodySize + sizes.responseHeadersSize;
  });
  return counter;
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

export async function apiSearch(browser, base, queries) {
  const cold = [];
  const bytes = [];
  let warm = [];
  for (let run = 0; run < RUNS; run += 1) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/robots.txt`);
    const counter = countBytes(page);
    cold.push(await apiQuery(page, queries[0]));
    await page.waitForTimeout(300);
    bytes.push(counter.total);
    if (run === 0) for (let i = 0; i < 50; i += 1) warm.push(await apiQuery(page, queries[(i + 1) % queries.length]));
    await context.close();
  }
  return { coldMs: summary(cold), firstSearchBytes: median(bytes), warmMedianMs: median(warm) };
}

/** Records when the search page's status first shows an outcome (results or none). */
function watchForResults() {
  globalThis.benchResultsShownAt = null;
  new MutationObserver(() => {
    const status = document.querySelector('[data-search-status]')?.textContent ?? '';
    if (globalThis.benchResultsShownAt === null && status !== '' && !status.startsWith('Searching')) {
      globalThis.benchResultsShownAt = performance.now();
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

export async function searchPage(browser, base, query) {
  const fromLink = [];
  const typed = [];
  let linkBytes = 0;
  for (let run = 0; run < RUNS; run += 1) {
    let context = await browser.newContext();
    let page = await context.newPage();
    await page.addInitScript(watchForResults);
    const counter = countBytes(page);
    await page.goto(`${base}/search/?q=${encodeURIComponent(query)}`);
    await page.waitForFunction(() => globalThis.benchResultsShownAt !== null);
    fromLink.push(await page.evaluate(() => globalThis.benchResultsShownAt));
    await page.waitForTimeout(300);
    linkBytes = counter.total;
    await context.close();

    context = await browser.newContext();
    page = await context.newPage();
    await page.addInitScript(watchForResults);
    await page.goto(`${base}/search/`, { waitUntil: 'networkidle' });
    // Typed at about 150 words a minute, then Enter; timed from Enter.
    await page.locator('#page-search').pressSequentially(query, { delay: 60 });
    typed.push(
      await page.evaluate(async () => {
        globalThis.benchResultsShownAt = null;
        const started = performance.now();
        document.querySelector('.search-page form').requestSubmit();
        while (globalThis.benchResultsShownAt === null) await new Promise((resolve) => setTimeout(resolve, 5));
        return globalThis.benchResultsShownAt - started;
      }),
    );
    await context.close();
  }
  return { fromLinkMs: summary(fromLink), fromLinkBytes: linkBytes, typedMs: summary(typed) };
}
