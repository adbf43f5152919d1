import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, MAIN_ARTICLE } from './support/fixtures';

/** The site's own articles: the search page lists each of them without JavaScript. */
const ARTICLE_COUNT = readdirSync(join(import.meta.dirname, '../../src/content/articles')).filter((name) =>
  name.endsWith('.mdx'),
).length;

test.use({ javaScriptEnabled: false });

test('the main article is complete without JavaScript', async ({ page }) => {
  await page.goto(MAIN_ARTICLE);
  await expect(page.locator('ol.steps > li.step')).toHaveCount(6);
  for (const step of await page.locator('ol.steps > li.step').all()) await expect(step).toBeVisible();
  await expect(page.locator('ul.item-list--symptoms > li')).toHaveCount(7);
  await expect(page.locator('ul.item-list--risks > li')).toHaveCount(6);
  await expect(page.getByText('Restore access only after steps 1 and 2')).toBeVisible();
  // The first action, before any scrolling is needed, and the way back closed in step 1.
  await expect(page.locator('[data-do-this-now] a[href="#step-change-password"]').first()).toBeVisible();
  await expect(page.locator('#step-change-password a[href$="#check-security"]')).toBeVisible();
});

test('a deep link still lands and highlights without JavaScript', async ({ page }) => {
  await page.goto(`${MAIN_ARTICLE}#symptom-reply-to-changed`);
  await expect(page.locator('#symptom-reply-to-changed')).toBeInViewport();
});

test('the search page lists every article without JavaScript', async ({ page }) => {
  await page.goto('/search/?q=password');
  await expect(page.locator('[data-all-articles] a[href^="/docs/"]')).toHaveCount(ARTICLE_COUNT);
});

test('pages have no buttons that need JavaScript', async ({ page }) => {
  await page.goto(MAIN_ARTICLE);
  // The only buttons are the search forms' submit buttons, which work as plain forms.
  const buttons = await page
    .locator('main button, header button')
    .evaluateAll((nodes) => nodes.map((node) => node.closest('form')?.getAttribute('action')));
  expect(buttons.every((action) => action === '/search/')).toBe(true);
});
