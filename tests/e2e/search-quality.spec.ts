/**
 * Search quality on ../shared/search/queries.json, through the real search
 * page (Pagefind's JavaScript API in Chromium). A query passes when its page is
 * among the first 3 results and, where a section is given, that section is
 * among the result's section hits. Queries whose page is not in this build
 * (corpus pages, when the corpus is not built in) are reported, not scored.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './support/fixtures';
import { HAS_SHARED, NEEDS_SHARED, NO_SHARED_REASON, SHARED_DIR } from '../support/shared';

interface Query {
  q: string;
  page: string;
  section?: string;
}

const DIST = process.env.E2E_DIST ?? join(import.meta.dirname, '../../dist');
// Read when the test runs, never at load: without ../shared this test skips, the others run.
const readQueries = () => (JSON.parse(readFileSync(join(SHARED_DIR, 'search/queries.json'), 'utf8')) as { queries: Query[] }).queries;
const inThisBuild = (query: Query) => existsSync(join(DIST, query.page, 'index.html'));
/** Share of scored queries that must pass. */
const MIN_SHARE = 0.85;

test(`the search test set finds the right page and section ${NEEDS_SHARED}`, async ({ page }, testInfo) => {
  test.skip(!HAS_SHARED, NO_SHARED_REASON);
  test.setTimeout(120_000);
  const outcomes: string[] = [];
  let scored = 0;
  let passed = 0;
  for (const query of readQueries()) {
    // In the corpus stage (E2E_CORPUS) every page must be built: a missing one is scored as a miss.
    if (!inThisBuild(query) && !process.env.E2E_CORPUS) {
      outcomes.push(`skip  "${query.q}": ${query.page} is not in this build`);
      continue;
    }
    scored += 1;
    await page.goto(`/search/?q=${encodeURIComponent(query.q)}`);
    await expect(page.locator('[data-search-status]')).not.toHaveText(/^$|Searching/);
    const topPages = await page.locator('.search-result h2 a').evaluateAll((links) =>
      links.slice(0, 3).map((link) => new URL((link as HTMLAnchorElement).href).pathname),
    );
    const rank = topPages.indexOf(query.page);
    let sectionFound = true;
    if (rank !== -1 && query.section) {
      const sections = await page.locator('.search-result').nth(rank).locator('[data-section]').evaluateAll((links) => links.map((link) => (link as HTMLElement).dataset.section));
      sectionFound = sections.includes(query.section);
    }
    const ok = rank !== -1 && sectionFound;
    if (ok) passed += 1;
    outcomes.push(
      `${ok ? 'pass' : 'MISS'}  "${query.q}": ${rank === -1 ? `page not in top 3 (got ${topPages.join(', ') || 'nothing'})` : `page #${rank + 1}`}${query.section ? `, section ${query.section} ${sectionFound ? 'found' : 'missing'}` : ''}`,
    );
  }
  const summary = `search quality: ${passed}/${scored} (${Math.round((100 * passed) / Math.max(scored, 1))}%) of the queries whose page is in this build`;
  console.log([summary, ...outcomes].join('\n'));
  await testInfo.attach('search-quality', { body: [summary, ...outcomes].join('\n'), contentType: 'text/plain' });
  expect(scored).toBeGreaterThan(0);
  // Measured: 10/10 on the site alone, 13/15 with the legacy corpus (both misses
  // are corpus pages that outrank the expected one; see the closing note).
  expect(passed, outcomes.filter((line) => line.startsWith('MISS')).join('\n')).toBeGreaterThanOrEqual(Math.ceil(scored * MIN_SHARE));
});
