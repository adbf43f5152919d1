import { test, expect } from './support/fixtures';
import { sitePaths } from './support/site';

declare global {
  interface Window {
    cspViolations: string[];
  }
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => window.cspViolations.push(`${event.violatedDirective}: ${event.blockedURI}`));
  });
});

for (const path of sitePaths()) {
  test(`${path} runs under its Content Security Policy with no violation`, async ({ page }) => {
    await page.goto(path);
    const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toMatch(/unsafe-inline|'unsafe-eval'/);
    // Exercise the scripts: scroll islands into view and start the search code.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.locator('#site-search').focus();
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
  });
}

test('search works under the policy (Pagefind compiles WebAssembly)', async ({ page }) => {
  await page.goto('/search/?q=blocklist');
  await expect(page.locator('.search-result').first()).toBeVisible();
  expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
});

test('the server sends the security headers of public/_headers', async ({ request }) => {
  const response = await request.get('/');
  const headers = response.headers();
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['strict-transport-security']).toMatch(/max-age=\d+/);
  expect(headers['permissions-policy']).toContain('camera=()');
});
