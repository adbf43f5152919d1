/**
 * Retired ids (front matter `anchorAliases`) land on their replacement with
 * JavaScript off, and the replacement, not an empty marker, wears the
 * :target highlight.
 */
import { test, expect } from './support/fixtures';
import { readArticles } from '../support/articles';

const aliases = readArticles().flatMap((article) =>
  Object.entries(article.frontmatter.anchorAliases ?? {}).map(([retiredId, replacementId]) => ({
    path: article.path,
    retiredId,
    replacementId,
  })),
);

test('the articles retire at least one id, so these tests check something', () => {
  expect(aliases.length).toBeGreaterThan(0);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  for (const { path, retiredId, replacementId } of aliases) {
    test(`${path}#${retiredId} lands on #${replacementId}, highlighted`, async ({ page }) => {
      await page.goto(`${path}#${retiredId}`);
      const replacement = page.locator(`[id="${replacementId}"]`);
      await expect(replacement).toBeInViewport();
      const { top, scrolled } = await replacement.evaluate((node) => ({
        top: node.getBoundingClientRect().top,
        scrolled: window.scrollY,
      }));
      expect(scrolled, 'the page scrolled away from its top').toBeGreaterThan(0);
      expect(top).toBeGreaterThanOrEqual(0);
      const style = await replacement.evaluate((node) => {
        const computed = getComputedStyle(node);
        return {
          outline: computed.outlineStyle,
          background: computed.backgroundColor,
          page: getComputedStyle(document.body).backgroundColor,
        };
      });
      expect(style.outline).toBe('solid');
      expect(style.background).not.toBe(style.page);
      expect(style.background).not.toBe('rgba(0, 0, 0, 0)');
      // The empty marker itself draws nothing.
      expect(await page.locator(`[id="${retiredId}"]`).evaluate((node) => getComputedStyle(node).outlineStyle)).toBe(
        'none',
      );
    });
  }
});

test('with JavaScript the address bar names the current id', async ({ page }) => {
  for (const { path, retiredId, replacementId } of aliases) {
    await page.goto(`${path}#${retiredId}`);
    await expect(page).toHaveURL(new RegExp(`#${replacementId}$`));
    expect(await page.locator(`[id="${replacementId}"]`).evaluate((node) => node.matches(':target'))).toBe(true);
  }
});
