/**
 * Printing an article: the light palette even on a device in dark mode,
 * collapsed sections open, and links with their full address.
 */
import type { Page } from '@playwright/test';
import { test, expect, MAIN_ARTICLE } from './support/fixtures';

/** Computed colours of the parts that carry the palette. */
function paletteOf(page: Page) {
  return page.evaluate(() => {
    const colours = (selector: string) => {
      const style = getComputedStyle(document.querySelector(selector)!);
      return { color: style.color, background: style.backgroundColor, border: style.borderLeftColor };
    };
    return {
      page: colours('html'),
      text: colours('.article__body p'),
      muted: colours('.article__description'),
      warning: colours('.callout--warning'),
      step: colours('.step'),
    };
  });
}

test('print uses the light palette even when the device is in dark mode', async ({ page }) => {
  await page.goto(MAIN_ARTICLE);
  await page.emulateMedia({ media: 'screen', colorScheme: 'light' });
  const light = await paletteOf(page);
  await page.emulateMedia({ media: 'screen', colorScheme: 'dark' });
  const dark = await paletteOf(page);
  // The page really has a dark palette on screen, so the comparison below means something.
  expect(dark.warning.background).not.toBe(light.warning.background);
  expect(dark.text.color).not.toBe(light.text.color);

  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  const printed = await paletteOf(page);
  // Black on white paper; the rest as on a light screen.
  expect([printed.page.color, printed.page.background]).toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
  expect(printed.text.color).toBe('rgb(0, 0, 0)');
  expect(printed.muted).toEqual(light.muted);
  // Boxes keep their light fill and border; their text is the page's black.
  const fill = ({ background, border }: { background: string; border: string }) => ({ background, border });
  expect(fill(printed.warning)).toEqual(fill(light.warning));
  expect(fill(printed.step)).toEqual(fill(light.step));
  expect(printed.warning.color).toBe('rgb(0, 0, 0)');
});

test('collapsed sections print open', async ({ page }) => {
  await page.goto(MAIN_ARTICLE);
  const collapsed = page.locator('.article__body details:not([open])');
  expect(await collapsed.count()).toBeGreaterThan(0);
  const hiddenParts = collapsed.locator(':scope > :not(summary)');
  for (const part of await hiddenParts.all()) await expect(part).toBeHidden();
  await page.emulateMedia({ media: 'print' });
  for (const part of await hiddenParts.all()) await expect(part).toBeVisible();
  // Printing opens them visually only: the page itself is unchanged.
  expect(await collapsed.count()).toBeGreaterThan(0);
});

test('links print with their full address', async ({ page }) => {
  await page.goto(MAIN_ARTICLE);
  // The origin the site is built for (SITE_URL), as the canonical link carries it.
  const origin = new URL((await page.locator('link[rel="canonical"]').getAttribute('href'))!).origin;
  await page.emulateMedia({ media: 'print' });
  const siteLink = page.locator('.article__body a[href^="/docs/"]').first();
  const href = (await siteLink.getAttribute('href'))!;
  const printed = await siteLink.evaluate((node) => getComputedStyle(node, '::after').content);
  expect(printed).toBe(`" (${origin}${href})"`);
  await page.emulateMedia({ media: 'screen' });
  expect(await siteLink.evaluate((node) => getComputedStyle(node, '::after').content)).toBe('none');
});
