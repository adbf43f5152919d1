/** Pagefind on the search page: a query returns results that link to articles. */
export const name = 'a Pagefind search on /search/ returns results';

export async function run({ page, baseURL, check }) {
  await page.goto(`${baseURL}/search/?q=password`, { waitUntil: 'load' });
  await page.waitForSelector('.search-result a[href^="/docs/"]', { visible: true, timeout: 30_000 });
  const results = await page.$$eval('.search-result', (items) => items.length);
  check(results > 0, 'no results for "password"');
  const status = await page.$eval('[data-search-status]', (node) => node.textContent ?? '');
  check(/password/.test(status), `the status does not name the query: "${status}"`);
}
