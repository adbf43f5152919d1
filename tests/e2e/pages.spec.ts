import { test, expect } from './support/fixtures';
import { MISSING_PAGE, sitePaths } from './support/site';

for (const path of sitePaths()) {
  test(`${path} renders with its meta tags and no errors`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(path === MISSING_PAGE ? 404 : 200);
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page.locator('header.site-header input[type="search"]')).toBeVisible();
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /.{40,}/);
    if (path === MISSING_PAGE) {
      await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
    } else {
      await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
        'href',
        new RegExp(`${path.replace(/[/.]/g, '\\$&')}$`),
      );
    }
    for (const property of ['og:title', 'og:description', 'og:url', 'og:type']) {
      await expect(page.locator(`meta[property="${property}"]`)).toHaveAttribute('content', /\S/);
    }
    await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary');
  });
}

test('the home page leads with the compromised-mailbox article and groups articles by product', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('h1')).toContainText('Think your mailbox was hacked?');
  await page.getByRole('link', { name: 'Secure a compromised mailbox now' }).click();
  await expect(page).toHaveURL(/\/docs\/secure-a-compromised-rackspace-email-mailbox\/$/);
  await page.goto('/');
  for (const product of ['Rackspace Email', 'Microsoft Exchange', 'Cloud Office']) {
    await expect(page.getByRole('heading', { level: 2, name: product })).toBeVisible();
  }
});

test('an article shows breadcrumb, prerequisites, last-updated date and related articles', async ({ page }) => {
  await page.goto('/docs/secure-a-compromised-rackspace-email-mailbox/');
  const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
  await expect(crumbs.getByRole('link')).toHaveText(['Home', 'Rackspace Email']);
  const prerequisites = page.locator('#prerequisites dl');
  await expect(prerequisites).toContainText('Users and administrators');
  await expect(prerequisites).toContainText('Moderate');
  await expect(prerequisites).toContainText('About one hour');
  await expect(prerequisites).toContainText('Cloud Office Control Panel');
  await expect(page.locator('.article__updated time')).toHaveAttribute('datetime', '2026-12-06');
  await expect(page.getByRole('heading', { name: 'Related articles' })).toBeVisible();
  await expect(page.locator('.callout--warning')).toContainText('Warning');
});

test('on a phone the breadcrumb leaves the current page off the screen, not out of the trail', async ({ page }) => {
  const trail = page.getByRole('navigation', { name: 'Breadcrumb' });
  const currentCrumb = trail.getByRole('listitem').filter({ has: page.locator('[aria-current="page"]') });
  const width = async () => (await currentCrumb.boundingBox())?.width ?? 0;
  await page.goto('/docs/secure-a-compromised-rackspace-email-mailbox/');
  expect(await width()).toBeGreaterThan(100);
  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(width).toBeLessThanOrEqual(1);
  // Screen readers still hear the whole trail, the current page last.
  await expect(trail.getByRole('listitem')).toHaveText(['Home', 'Rackspace Email', /Secure a compromised/]);
});

test('robots.txt and the sitemap are published', async ({ request }) => {
  const robots = await request.get('/robots.txt');
  expect(await robots.text()).toMatch(/Sitemap: https?:\/\/\S+\/sitemap-index\.xml/);
  const sitemap = await request.get('/sitemap-0.xml');
  expect(await sitemap.text()).toContain('/docs/secure-a-compromised-rackspace-email-mailbox/');
});

test('the table of contents folds away on a phone and stays open beside the text on a wide screen', async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/docs/secure-a-compromised-rackspace-email-mailbox/');
  const tocLink = page.locator('.toc').getByRole('link', { name: 'Secure your mailbox in six steps' });
  await expect(tocLink).toBeHidden();
  await page.locator('.toc summary').click();
  await expect(tocLink).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.reload();
  await expect(tocLink).toBeVisible();
});

test.describe('on a 320 px wide screen', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  for (const path of sitePaths()) {
    test(`${path} needs no sideways scrolling`, async ({ page }) => {
      await page.goto(path);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }
});

test('printing keeps the article and drops the site chrome', async ({ page }) => {
  await page.goto('/docs/secure-a-compromised-rackspace-email-mailbox/');
  await page.emulateMedia({ media: 'print' });
  for (const selector of ['.site-header', '.site-footer', '.toc', '.breadcrumbs', '.copy-link']) {
    await expect(page.locator(selector).first(), selector).toBeHidden();
  }
  await expect(page.locator('#step-blocklist-sender')).toBeVisible();
});
