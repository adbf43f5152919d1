import { test, expect } from './support/fixtures';
import { axeViolations } from './support/axe';
import { pageSettled } from './support/islands';
import { sitePaths } from './support/site';

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} colour scheme`, () => {
    test.use({ colorScheme });
    for (const path of [...sitePaths(), '/search/?q=password']) {
      test(`axe finds nothing on ${path}`, async ({ page }) => {
        await page.goto(path);
        await pageSettled(page);
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
  // Focus itself moves, so the next Tab continues from the content, not from the top.
  await expect(page.locator('#main-content')).toBeFocused();
});

test('#announcer is a polite, atomic live region, present from the start and not hidden from screen readers', async ({
  page,
  request,
}) => {
  // Present in the served HTML: a live region added later is not announced by some screen readers.
  expect(await (await request.get('/docs/secure-a-compromised-rackspace-email-mailbox/')).text()).toMatch(
    /<div id="announcer"[^>]*aria-live="polite"/,
  );
  await page.goto('/docs/secure-a-compromised-rackspace-email-mailbox/');
  const announcer = page.locator('#announcer');
  await expect(announcer).toHaveAttribute('aria-live', 'polite');
  await expect(announcer).toHaveAttribute('aria-atomic', 'true');
  expect(
    await announcer.evaluate((node) => [
      getComputedStyle(node).display,
      getComputedStyle(node).visibility,
      node.closest('[aria-hidden="true"]'),
    ]),
  ).toEqual([expect.not.stringMatching(/^none$/), 'visible', null]);
});
