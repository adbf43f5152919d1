/**
 * Search quality through the search page itself (stop words, equivalences,
 * fallback and section hits included), scored as
 * tests/e2e/search-quality.spec.ts does: the expected page, or one listed in
 * `also`, among the top 3, and the section (if given) among that result's sections.
 */
/**
 * Resolves once the search page says something other than "Searching…": results, none, or an error. With `final`,
 * once every result is listed: the results list's `data-search-state="final"` (src/scripts/search-page.ts), since the
 * first results go on screen before the rest and a top 3 read earlier would score a list still filling. Builds from
 * before that attribute listed everything at once: for them, the status is enough.
 */
export const searchSettled = (page, { final = false } = {}) =>
  page.waitForFunction((untilFinal) => {
    const state = document.querySelector('[data-search-results]')?.getAttribute('data-search-state');
    if (untilFinal && state != null) return state === 'final';
    const status = document.querySelector('[data-search-status]')?.textContent ?? '';
    return status !== '' && !status.startsWith('Searching');
  }, final);

export async function searchQuality(browser, base, queries) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const outcomes = [];
  for (const query of queries) {
    await page.goto(`${base}/search/?q=${encodeURIComponent(query.q)}`);
    await searchSettled(page, { final: true });
    const top = await page.locator('.search-result').evaluateAll((items) =>
      items.slice(0, 3).map((item) => ({
        url: new URL(item.querySelector('h2 a').href).pathname,
        sections: [...item.querySelectorAll('[data-section]')].map((link) => link.dataset.section),
      })),
    );
    const wanted = [query.page, ...(query.also ?? [])];
    const rank = top.findIndex((result) => wanted.includes(result.url));
    const pageOk = rank !== -1;
    const sectionOk = !query.section || (pageOk && top[rank].sections.includes(query.section));
    outcomes.push({
      q: query.q,
      set: query.set,
      ok: pageOk && sectionOk,
      page: query.page,
      section: query.section ?? null,
      pageOk,
      sectionOk,
      got: top.map((r) => r.url),
    });
  }
  await context.close();
  return {
    pageTop3: outcomes.filter((o) => o.pageOk).length,
    sectionHit: outcomes.filter((o) => o.pageOk && o.sectionOk).length,
    total: outcomes.length,
    outcomes,
    misses: outcomes.filter((o) => !o.ok),
  };
}
