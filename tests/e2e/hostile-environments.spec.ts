import { test, expect, MAIN_ARTICLE } from './support/fixtures';
import { pageSettled } from './support/islands';

test('pages work when localStorage throws on every access', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await page.goto(`${MAIN_ARTICLE}#step-alert-others`);
  await expect(page.locator('#step-alert-others')).toBeInViewport();
  // The symptom checker still hydrates and answers.
  const checker = page.locator('#symptom-checker');
  await checker.scrollIntoViewIfNeeded();
  await checker.getByRole('checkbox', { name: 'Forwarding rules you did not create' }).check();
  await expect(checker.locator('#symptom-checker-verdict')).toContainText('Compromised');
  await page.goto('/search/?q=headers');
  await expect(page.locator('.search-result').first()).toBeVisible();
});

test('a 20 KB query string and markup in it change nothing', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  // About 20 KB in all, split over the parameters the pages read.
  const junk = encodeURIComponent(`<script>alert(1)</script>${'%'.repeat(1500)}${'&x='.repeat(700)}`).slice(0, 6500);
  const query = `?q=${junk}&highlight=${junk}&symptoms=${junk}&risks=%3Cimg%20src=x%20onerror=alert(1)%3E`;
  for (const path of [MAIN_ARTICLE, '/search/', '/']) {
    const response = await page.goto(`${path}${query}#<b>x</b>`);
    expect(response?.status()).toBe(200);
    // The whole address reached the page: nothing on the way cut it short.
    expect(new URL(page.url()).search.length, path).toBeGreaterThan(19_500);
    await expect(page.locator('h1')).toBeVisible();
    // The page's scripts have read the query and done all they start.
    await pageSettled(page);
    // Nothing of the query became markup.
    await expect(page.locator('img[src="x"], [onerror], script:not([src]):has-text("alert(1)")'), path).toHaveCount(0);
    await expect(page.locator('b', { hasText: /^x$/ }), path).toHaveCount(0);
  }
  expect(dialogs).toBe(0);
});

test('on a slow 3G connection the article text shows before any island script arrives', async ({ page }) => {
  const client = await page.context().newCDPSession(page);
  await client.send('Network.enable');
  await client.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 400,
    downloadThroughput: (400 * 1024) / 8,
    uploadThroughput: (400 * 1024) / 8,
  });
  let scriptsDone = 0;
  page.on('requestfinished', (request) => {
    if (request.resourceType() === 'script') scriptsDone += 1;
  });
  // Hold every script back so that "before" is certain, not a race.
  await page.route('**/*.js', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await route.continue();
  });
  await page.goto(MAIN_ARTICLE, { waitUntil: 'commit' });
  await expect(page.getByRole('heading', { level: 3, name: /Scan every device/ })).toBeVisible();
  await expect(
    page.locator('#step-change-password').getByText('Change the password first, before anything else'),
  ).toBeVisible();
  expect(scriptsDone).toBe(0);
});

test.describe('reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });

  test('no smooth scrolling when the reader asks for less motion', async ({ page }) => {
    await page.goto(MAIN_ARTICLE);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('auto');
  });
});

// Smooth scrolling with default motion, for in-page links only: tests/e2e/arrival.spec.ts.
