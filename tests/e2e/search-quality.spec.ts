/**
 * Search quality on ../shared/search/user-queries.json and
 * user-queries-new.json (readers' own words; the second written by people who
 * had not seen the results, reported apart as the figure for generalisation),
 * through the real search page (Pagefind's JavaScript API in Chromium). A
 * query passes when its page, or one listed in `also`, is among the first 3
 * results and, where a section is given, that section is among that result's
 * section links. Queries whose pages are not in this build (corpus pages,
 * when the corpus is not built in) are reported, not scored. The corpus stage
 * of `npm test` runs this spec again against dist-corpus/.
 *
 * Also here because it needs the corpus: a retired article is left out of
 * search, yet its URL works and says it is retired.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './support/fixtures';
import { HAS_SHARED, NEEDS_SHARED, NO_SHARED_REASON, SHARED_DIR } from '../support/shared';
import { passRates, readSearchTestSet } from '../../bench/lib/search-test-set.mjs';

interface Query {
  q: string;
  page: string;
  also?: string[];
  section?: string;
  set: string;
}

const DIST = process.env.E2E_DIST ?? join(import.meta.dirname, '../../dist');
// Read when the test runs, never at load: without ../shared this test skips, the others run.
const readQueries = () => readSearchTestSet(SHARED_DIR) as Query[];
const inThisBuild = (path: string) => existsSync(join(DIST, path, 'index.html'));
/**
 * Share of the scored queries that must pass: issue 23 asks 90 % of all 92 (the 56 the search was tuned on and the
 * 36 new ones, written by people who had not seen the site), site only and with the knowledge base. Each file holds
 * too: the tuned ones their 90 %, the new ones one query below their level measured on 2026-12-06 as a ratchet (site
 * 28/30, knowledge base 32/36). Raise these as the search improves; never lower them to let a change through.
 */
const MIN_SHARE: Record<string, number> = { all: 0.9, tuned: 0.9, new: process.env.E2E_CORPUS ? 0.86 : 0.9 };

test(`the readers’ search test set finds the right page and section ${NEEDS_SHARED}`, async ({ page }, testInfo) => {
  test.skip(!HAS_SHARED, NO_SHARED_REASON);
  test.setTimeout(900_000); // 92 queries on a loaded 2-core machine
  const outcomes: string[] = [];
  const scores: { set: string; ok: boolean }[] = [];
  const reordered: string[] = [];
  // The results as first painted: a later pass may add results below them, never reorder them.
  await page.addInitScript(() => {
    const record = () => {
      const links = [...document.querySelectorAll<HTMLAnchorElement>('.search-result h2 a')].map((link) => link.href);
      if (links.length > 0 && !(globalThis as { firstPainted?: string[] }).firstPainted)
        (globalThis as { firstPainted?: string[] }).firstPainted = links;
    };
    new MutationObserver(record).observe(document, { subtree: true, childList: true });
  });
  for (const query of readQueries()) {
    const wanted = [query.page, ...(query.also ?? [])].filter(inThisBuild);
    // In the corpus stage (E2E_CORPUS) every page must be built: a missing one is scored as a miss.
    if (wanted.length === 0 && !process.env.E2E_CORPUS) {
      outcomes.push(`skip  "${query.q}": ${query.page} is not in this build`);
      continue;
    }
    await page.goto(`/search/?q=${encodeURIComponent(query.q)}`);
    // A wait, not a timing (a loaded 2-core machine can take seconds to start Pagefind), until the page says its
    // results are final: every one listed, so the order compared below is the last one.
    await expect(page.locator('[data-search-results]')).toHaveAttribute('data-search-state', 'final', {
      timeout: 20_000,
    });
    const order = await page.evaluate(() => ({
      first: (globalThis as { firstPainted?: string[] }).firstPainted ?? [],
      final: [...document.querySelectorAll<HTMLAnchorElement>('.search-result h2 a')].map((link) => link.href),
    }));
    if (order.first.join() !== order.final.slice(0, order.first.length).join()) reordered.push(query.q);
    const topPages = await page
      .locator('.search-result h2 a')
      .evaluateAll((links) => links.slice(0, 3).map((link) => new URL((link as HTMLAnchorElement).href).pathname));
    const rank = topPages.findIndex((path) => wanted.includes(path));
    let sectionFound = true;
    if (rank !== -1 && query.section) {
      const sections = await page
        .locator('.search-result')
        .nth(rank)
        .locator('[data-section]')
        .evaluateAll((links) => links.map((link) => (link as HTMLElement).dataset.section));
      sectionFound = sections.includes(query.section);
    }
    const ok = rank !== -1 && sectionFound;
    scores.push({ set: query.set, ok });
    outcomes.push(
      `${ok ? 'pass' : 'MISS'} ${query.set.padEnd(5)} "${query.q}": ${rank === -1 ? `page not in top 3 (got ${topPages.join(', ') || 'nothing'})` : `page #${rank + 1}`}${query.section ? `, section ${query.section} ${sectionFound ? 'found' : 'missing'}` : ''}`,
    );
  }
  const scored = scores.length;
  const summary = `search quality${process.env.E2E_CORPUS ? ' with the knowledge base' : ''}: ${passRates(scores)} of the queries whose page is in this build`;
  console.log([summary, ...outcomes].join('\n'));
  await testInfo.attach('search-quality', { body: [summary, ...outcomes].join('\n'), contentType: 'text/plain' });
  expect(scored).toBeGreaterThan(0);
  expect(reordered, 'queries whose results were reordered after they first appeared').toEqual([]);
  const misses = outcomes.filter((line) => line.startsWith('MISS')).join('\n');
  for (const [set, share] of Object.entries(MIN_SHARE)) {
    const ofSet = set === 'all' ? scores : scores.filter((score) => score.set === set);
    const passedOfSet = ofSet.filter((score) => score.ok).length;
    expect(passedOfSet, `${set}: at least ${share * 100} % must pass\n${misses}`).toBeGreaterThanOrEqual(
      Math.ceil(ofSet.length * share),
    );
  }
});

// A retired corpus article (folder retired-articles) whose title words other pages share.
const RETIRED = '/docs/about-volume-types/';

test('a retired article is left out of search, but its URL works and says it is retired', async ({ page }) => {
  test.skip(!inThisBuild(RETIRED), 'built without the legacy corpus: no retired article');
  await page.goto(`/search/?q=${encodeURIComponent('about volume types')}`);
  await expect(page.locator('.search-result').first()).toBeVisible({ timeout: 20_000 });
  const results = await page
    .locator('.search-result h2 a')
    .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
  expect(results).not.toContain(RETIRED);

  const response = await page.goto(RETIRED);
  expect(response?.status()).toBe(200);
  await expect(page.locator('[data-retired-notice]')).toContainText('This article is retired');
  await expect(page.locator('h1')).toHaveText('About volume types');
});
