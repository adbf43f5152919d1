/**
 * The legacy corpus import (KB_LEGACY_DIR=../shared/corpus/rackspace-how-to).
 * Run against a build made with the corpus:
 *   KB_LEGACY_DIR=../shared/corpus/rackspace-how-to npx astro build --outDir /tmp/legacy-corpus && npx pagefind --site /tmp/legacy-corpus
 *   E2E_CORPUS=1 E2E_DIST=/tmp/legacy-corpus E2E_PORT=4599 npx playwright test tests/e2e/legacy-corpus.spec.ts
 * Against a build without it, every test here fails; npm test runs it only when the corpus is there (E2E_CORPUS=1).
 */
import { test, expect } from './support/fixtures';
import { axeViolations } from './support/axe';
import { pageSettled } from './support/islands';
import { sitePaths } from './support/site';

const IMPORTED = '/docs/3-2-1-backup-rule-for-the-cloud/';
const WITH_IMAGES = '/docs/resize-a-cloud-server/';
const NOINDEX = '/docs/ord1-cr5-cr8-data-center-consolidation-faq/';

// Runs only in the corpus stage (playwright.config.ts ignores it otherwise): a missing page fails, never skips.
test.beforeEach(async ({ request }) => {
  const response = await request.get(IMPORTED);
  expect(
    response.status(),
    `${IMPORTED} is missing: the served dist was built without KB_LEGACY_DIR=../shared/corpus/rackspace-how-to`,
  ).toBe(200);
});

/** Heading levels inside the article, in order. */
async function headingLevels(page: import('@playwright/test').Page): Promise<number[]> {
  return page
    .locator('article.article')
    .locator('h1, h2, h3, h4, h5, h6')
    .evaluateAll((nodes) => nodes.map((node) => Number(node.tagName[1])));
}

test('an imported article renders in the article layout, with its product and section anchors', async ({ page }) => {
  await page.goto(IMPORTED);
  await expect(page.locator('h1')).toHaveText('3-2-1 backup rule for the cloud');
  await expect(page.locator('h1')).toHaveCount(1);
  const description = await page.locator('meta[name="description"]').getAttribute('content');
  expect(description?.length ?? 0).toBeGreaterThan(40);
  expect(description).toContain('When you perform backups');
  await expect(page.locator('article[data-pagefind-body]')).toHaveCount(1);
  await expect(page.locator('meta[data-pagefind-filter="product[content]"]')).toHaveAttribute(
    'content',
    'Cloud Servers',
  );
  const crumb = page.locator('nav.breadcrumbs a[href="/products/cloud-servers/"]');
  await expect(crumb).toHaveText('Cloud Servers');
  await expect(page.locator('h2#make-three-backups')).toBeVisible();
  await expect(page.locator('h2#make-three-backups + a.copy-link')).toHaveAttribute('href', '#make-three-backups');
});

test('heading levels sit under the page title and skip no level, on pages that started at ### or had their own H1', async ({
  page,
}) => {
  for (const path of ['/docs/php-errors/', '/docs/cors-errors/', WITH_IMAGES, '/docs/basic-nginx-troubleshooting/']) {
    await page.goto(path);
    const levels = await headingLevels(page);
    expect(levels[0], path).toBe(1);
    expect(
      levels.filter((level) => level === 1),
      path,
    ).toHaveLength(1);
    for (let i = 1; i < levels.length; i += 1)
      expect(levels[i]! - levels[i - 1]!, `${path}: heading ${i}`).toBeLessThanOrEqual(1);
  }
});

test('image shortcodes become labelled placeholders and nothing requests an image', async ({ page }) => {
  const images: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'image' && !request.url().endsWith('.svg')) images.push(request.url());
  });
  await page.goto(WITH_IMAGES);
  await expect(page.locator('.legacy-image').first()).toContainText('[Image not included: pitchfork-list-flavors.png]');
  await expect(page.locator('article img')).toHaveCount(0);
  expect(images).toEqual([]);
  await expect(page.locator('article')).not.toContainText('{{<');
});

test('a noindex page is built but kept out of search and the sitemap', async ({ page, request }) => {
  await page.goto(NOINDEX);
  await expect(page.locator('h1')).toHaveText('ORD1 CR5/CR8 data center consolidation FAQ');
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
  await expect(page.locator('[data-pagefind-body]')).toHaveCount(0);
  await expect(page.locator('article[data-pagefind-ignore="all"]')).toHaveCount(1);
  const sitemap = await (await request.get('/sitemap-0.xml')).text();
  expect(sitemap).not.toContain(NOINDEX);
  expect(sitemap).toContain(IMPORTED);
});

test('section pages (_index.md) are kept as landing pages listing their articles', async ({ page }) => {
  await page.goto('/docs/cloud-servers/');
  await expect(page.locator('h1')).toHaveText('Cloud Servers');
  await expect(page.locator('#section-articles-heading')).toBeVisible();
  expect(await page.locator('[aria-labelledby="section-articles-heading"] a[href^="/docs/"]').count()).toBeGreaterThan(
    100,
  );
  await page.goto('/docs/how-to/');
  expect(await page.locator('[aria-labelledby="section-sections-heading"] a[href^="/docs/"]').count()).toBeGreaterThan(
    20,
  );
});

test('permalinks are honoured: first of two duplicates wins, front matter in a comment is read, a missing title is derived', async ({
  page,
}) => {
  await page.goto('/docs/rackspace-billing-faq/');
  // account-management/… sorts before retired-articles/…: the first one is kept.
  await expect(page.locator('nav.breadcrumbs a[href^="/products/"]')).toHaveText('Account Management');
  await page.goto('/docs/synchronizing-files-to-cloud-files-with-fileconveyor/');
  await expect(page.locator('h1')).toHaveText('Synchronize files to Cloud Files with File Conveyor');
  await expect(page.locator('article')).not.toContainText('permalink:');
  await page.goto('/docs/retiring-content/');
  await expect(page.locator('h1')).toHaveText('GitHub Interface Instructions');
});

test('raw HTML keeps its content but loses scripts, event handlers and inline styles', async ({ page }) => {
  await page.goto('/docs/how-to/');
  await expect(page.locator('article')).toContainText('Quickly find answers and troubleshooting resources.');
  const unsafe = await page.locator('article').evaluate((article) => {
    const all = [article, ...article.querySelectorAll('*')];
    return {
      scripts: article.querySelectorAll('script, style, iframe').length,
      handlers: all.filter((el) => [...el.attributes].some((attr) => attr.name.startsWith('on'))).length,
      styles: all.filter((el) => el.hasAttribute('style')).length,
    };
  });
  expect(unsafe).toEqual({ scripts: 0, handlers: 0, styles: 0 });
  // A link to another imported article stays on this site.
  await expect(page.locator('article a[href="/docs/account-management/"]').first()).toBeAttached();
});

test('home, product and search pages stay small with 1,500+ articles', async ({ page, request }) => {
  await page.goto('/');
  const cloudServers = page.locator('.product-index a[href="/products/cloud-servers/"]');
  await expect(cloudServers).toHaveText('Cloud Servers');
  await expect(
    page.locator('.product-index li').filter({ has: page.locator('a[href="/products/cloud-servers/"]') }),
  ).toContainText(/\(\d{3} articles\)/);
  expect(await page.locator('main a[href^="/docs/"]').count()).toBeLessThan(30);

  await page.goto('/products/cloud-servers/');
  await expect(page.locator('h1')).toHaveText('Cloud Servers');
  expect(await page.locator('main a[href^="/docs/"]').count()).toBeGreaterThan(100);

  for (const path of ['/', '/search/', IMPORTED]) {
    const html = await (await request.get(path)).text();
    expect(html.length, path).toBeLessThan(60_000);
  }
});

/** The `lang` that applies to the first element matching `selector`: its own, or its nearest ancestor's. */
async function langOf(page: import('@playwright/test').Page, selector: string): Promise<string | null | undefined> {
  return page
    .locator(selector)
    .first()
    .evaluate((node) => node.closest('[lang]')?.getAttribute('lang'));
}

test('the three Spanish and Portuguese pages say so on their article, title included; the site around them and English pages stay en', async ({
  page,
}) => {
  for (const [path, lang] of [
    ['/docs/como-modificar-mi-archivo-de-hosts/', 'es'],
    ['/docs/migracion-de-nube-a-nube/', 'es'],
    ['/docs/como-modifico-meus-arquivos-de-hosts/', 'pt'],
  ] as const) {
    await page.goto(path);
    // <html> stays the site's language: Pagefind keeps one index, and the header, footer and labels are English.
    await expect(page.locator('html'), path).toHaveAttribute('lang', 'en');
    await expect(page.locator('article.article'), path).toHaveAttribute('lang', lang);
    expect(await langOf(page, 'article h1'), path).toBe(lang);
    expect(await langOf(page, 'article .legacy-body p'), path).toBe(lang);
    expect(await langOf(page, 'nav.breadcrumbs [aria-current="page"]'), path).toBe(lang);
    expect(await langOf(page, 'article .article__updated'), path).toBe('en');
    expect(await langOf(page, 'header'), path).toBe('en');
    expect(await langOf(page, 'article .toc summary'), path).toBe('en');
  }
  // An English imported page carries no lang of its own.
  for (const path of [IMPORTED, '/docs/cloud-dns/', '/docs/imperva-app-protect-raci-table/']) {
    await page.goto(path);
    await expect(page.locator('article.article'), path).not.toHaveAttribute('lang');
    expect(await langOf(page, 'article h1'), path).toBe('en');
  }
  // The section landing page that lists them marks each title's language.
  await page.goto('/docs/cloud-dns/');
  expect(
    await langOf(
      page,
      '[aria-labelledby="section-articles-heading"] a[href="/docs/como-modifico-meus-arquivos-de-hosts/"]',
    ),
  ).toBe('pt');
  expect(
    await langOf(page, '[aria-labelledby="section-articles-heading"] a[href^="/docs/"]:not([href*="como-modific"])'),
  ).toBe('en');
});

test('search from the English search page finds the Spanish pages: one Pagefind index', async ({ page, request }) => {
  const entry = (await (await request.get('/pagefind/pagefind-entry.json')).json()) as {
    languages: Record<string, unknown>;
  };
  expect(Object.keys(entry.languages)).toEqual(['en']);
  await page.goto(`/search/?q=${encodeURIComponent('migración de nube')}`);
  await expect(page.locator('.search-result h2 a[href^="/docs/migracion-de-nube-a-nube/"]')).toBeVisible();
});

test('with an index too large to preload whole, typing fetches the chunks for the words before the debounced search runs', async ({
  page,
}) => {
  await page.clock.install();
  await page.goto('/search/');
  await expect(page.locator('[data-search-results]')).toHaveAttribute('data-search-state', 'final');
  expect(await page.locator('head link[rel="preload"][href*="/pagefind/index/"]').count()).toBe(0);
  await page.clock.pauseAt(Date.now() + 1000);
  const indexRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/pagefind/index/')) indexRequests.push(request.url());
  });
  await page.locator('#page-search').fill('forwarding');
  await expect.poll(() => indexRequests.length).toBeGreaterThan(0);
  // The clock is held, so the search itself has not run yet.
  await expect(page).toHaveURL(/\/search\/$/);
  await page.clock.runFor(300);
  await expect(page).toHaveURL(/\?q=forwarding$/);
  await expect(page.locator('.search-result').first()).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the search page lists products, not every article', async ({ page }) => {
    await page.goto('/search/');
    await expect(page.locator('[data-all-articles] a[href^="/docs/"]')).toHaveCount(0);
    expect(await page.locator('[data-all-articles] a[href^="/products/"]').count()).toBeGreaterThan(20);
  });
});

// Every 60th imported page in sitemap order (about 27 pages of every kind of
// input), plus a product landing page, a section page and the Portuguese page (axe
// checks its lang values): axe at corpus scale. A set: the sample may already hold one.
const SAMPLE = [
  ...new Set([
    ...sitePaths()
      .filter((path) => path.startsWith('/docs/'))
      .filter((_, index) => index % 60 === 0),
    '/products/cloud-servers/',
    '/docs/how-to/',
    '/docs/como-modifico-meus-arquivos-de-hosts/',
  ]),
];
for (const path of SAMPLE) {
  test(`axe finds nothing on ${path}`, async ({ page }) => {
    await page.goto(path);
    await pageSettled(page);
    expect(await axeViolations(page)).toEqual([]);
  });
}
