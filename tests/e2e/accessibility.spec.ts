import { test, expect } from './support/fixtures';
import { axeViolations } from './support/axe';
import { sitePaths } from './support/site';

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} colour scheme`, () => {
    test.use({ colorScheme });
    for (const path of [...sitePaths(), '/search/?q=password']) {
      test(`axe finds nothing on ${path}`, async ({ page }) => {
        await page.goto(path);
        await page.waitForLoadState('networkidle');
        expect(await axeViolations(page)).toEqual([]);
      });
    }
  });
}

test('the skip link is the first stop and moves focus to the content', async ({ page }) => {
  await page.goto('/docs/secure-a-compromised-rackspace-email-mailbox/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main-content$/);
});
