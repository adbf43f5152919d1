/**
 * Sections ranked on their own text (issue 23): the index makes each section
 * of a maintained article a record of its own (scripts/index-search.mjs), and
 * the search page merges them into one result per page, its best section first.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { DIST } from './support/site';
import { test, expect } from './support/fixtures';
import { parseRecordPlaces } from '../../src/lib/search/ranking';
import { isWrapper } from '../../src/lib/search/section-records';

const PUBLISHED = JSON.parse(readFileSync(join(import.meta.dirname, '../published-anchors.json'), 'utf8')) as Record<
  string,
  string[]
>;

test('every published id of the maintained articles is a search record of its own', () => {
  const searchPage = parse(readFileSync(join(DIST, 'search/index.html'), 'utf8'));
  const places = [
    ...parseRecordPlaces(
      searchPage.querySelector('[data-section-records]')!.getAttribute('data-section-records')!,
    ).values(),
  ];
  for (const [pageUrl, ids] of Object.entries(PUBLISHED)) {
    const article = parse(readFileSync(join(DIST, pageUrl, 'index.html'), 'utf8'));
    expect(
      places.some((place) => place.page === pageUrl && place.section === ''),
      pageUrl,
    ).toBe(true);
    for (const id of ids) {
      const element = article.getElementById(id)!;
      // An alias is an empty marker inside the item that replaced it; what is not indexed has no record; a block
      // around whole sections (the symptom checker's) is found through the sections inside it.
      if (element.hasAttribute('data-anchor-alias') || element.closest('[data-pagefind-ignore]')) continue;
      if (isWrapper(element)) continue;
      expect(places, `${pageUrl}#${id}`).toContainEqual({ page: pageUrl, section: id });
    }
  }
});

test('the index can be built again over a built site, and gives the same search page', () => {
  const site = mkdtempSync(join(tmpdir(), 'kb-reindex-'));
  try {
    // A built site already holds an index and the brotli copies of its files.
    cpSync(DIST, site, { recursive: true });
    execFileSync(process.execPath, ['scripts/index-search.mjs', site], { stdio: 'pipe' });
    const searchPage = (root: string) => readFileSync(join(root, 'search/index.html'), 'utf8');
    expect(searchPage(site)).toBe(searchPage(DIST));
  } finally {
    rmSync(site, { recursive: true, force: true });
  }
});

test('every search record holds only words a reader sees: no island code, no callout icon', () => {
  const fragments = join(DIST, 'pagefind/fragment');
  const contents = readdirSync(fragments)
    .filter((name) => name.endsWith('.pf_fragment'))
    // A fragment is gzip: Pagefind's signature, then the record as JSON.
    .map((name) =>
      JSON.parse(
        gunzipSync(readFileSync(join(fragments, name)))
          .subarray(12)
          .toString('utf8'),
      ),
    )
    .map(({ url, content }: { url: string; content: string }) => ({ url, content }));
  expect(contents.length).toBeGreaterThan(100);
  for (const { url, content } of contents) {
    expect(content, url).not.toMatch(/astro-island|=>|\{display:/);
    expect(content, url).not.toMatch(/(^|\s)[!✓i] (Note|Tip|Warning)\b/);
  }
});

test("a question about one step lands on that step's section first", async ({ page }) => {
  await page.goto(`/search/?q=${encodeURIComponent('how do I warn my co-workers')}`);
  const first = page.locator('.search-result').first();
  await expect(first.locator('h2 a')).toHaveAttribute(
    'href',
    /^\/docs\/secure-a-compromised-rackspace-email-mailbox\/\?/,
    {
      timeout: 20_000,
    },
  );
  await expect(first.locator('[data-section]').first()).toHaveAttribute('data-section', 'step-alert-others');
  await expect(first.locator('[data-section]').first()).toHaveAttribute('href', /#step-alert-others$/);
});

test("a definition question lands on the terminology page's term", async ({ page }) => {
  await page.goto(`/search/?q=${encodeURIComponent('what does NDR mean')}`);
  const first = page.locator('.search-result').first();
  await expect(first.locator('h2 a')).toHaveAttribute('href', /^\/docs\/cloud-office-support-terminology\/\?/, {
    timeout: 20_000,
  });
  await expect(first.locator('[data-section]').first()).toHaveAttribute('data-section', /^term-/);
});

test('a section’s excerpt does not repeat the heading its link already shows', async ({ page }) => {
  await page.goto(`/search/?q=${encodeURIComponent('someone is sending spam from my email')}`);
  await expect(page.locator('[data-search-results]')).toHaveAttribute('data-search-state', 'final', {
    timeout: 20_000,
  });
  const sections = await page.locator('.search-result li').evaluateAll((items) =>
    items.map((item) => ({
      heading: item.querySelector('a[data-section]')?.textContent?.trim() ?? '',
      excerpt: item.querySelector('p')?.textContent?.replace(/^…\s*/, '').trim() ?? '',
    })),
  );
  expect(sections.length).toBeGreaterThan(2);
  for (const { heading, excerpt } of sections) {
    expect(excerpt, heading).not.toBe('');
    expect(excerpt.toLowerCase().startsWith(heading.toLowerCase()), `${heading}: ${excerpt}`).toBe(false);
  }
});

test('an excerpt never shows the hidden words readers search with, though they still find the section', async ({
  page,
}) => {
  // "contacts got spam from me" is a symptom's hidden reader words (AlsoSearchedAs.astro), never shown on its page.
  await page.goto(`/search/?q=${encodeURIComponent('contacts got spam from me')}`);
  await expect(page.locator('[data-search-results]')).toHaveAttribute('data-search-state', 'final', {
    timeout: 20_000,
  });
  const first = page.locator('.search-result').first();
  await expect(first.locator('[data-section]').first()).toHaveAttribute(
    'data-section',
    'symptom-messages-you-did-not-send',
  );
  await expect(page.locator('[data-search-results]')).not.toContainText('contacts got spam from me');
});
