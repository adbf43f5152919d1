import { test, expect, MAIN_ARTICLE } from './support/fixtures';

test('the main article comes first in its list on the home page', async ({ page }) => {
  await page.goto('/');
  const firstLinks = await page
    .locator('.article-group')
    .evaluateAll((groups) => groups.map((group) => group.querySelector('ul a')?.getAttribute('href')));
  expect(firstLinks).toContain(MAIN_ARTICLE);
  expect(firstLinks[0]).toBe(MAIN_ARTICLE);
});
