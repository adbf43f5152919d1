/**
 * Arriving from a ticket: a link from outside the page lands on its item at
 * once, on a phone, with default motion settings. Only clicks on links within
 * the page may glide, and never with reduced motion.
 */
import type { Page } from '@playwright/test';
import { test, expect, MAIN_ARTICLE } from './support/fixtures';
import { readContract } from '../support/articles';

const PHONE = { width: 390, height: 844 };
/** How long after `load` the target must already be in view (the measure). */
const SETTLE_MS = 150;

/**
 * Where the element with this id sits in the next frame the reader sees, relative to the viewport. Measured once
 * that frame is painted: a layout read between a hydration and the next frame can show a position that frame's
 * resize handling corrects before anything is painted.
 */
function placeOf(page: Page, id: string) {
  return page.evaluate(async (targetId) => {
    await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted)));
    const rect = document.getElementById(targetId)!.getBoundingClientRect();
    return {
      top: Math.round(rect.top),
      bottom: Math.round(rect.bottom),
      inView: rect.top >= 0 && rect.top < innerHeight && rect.bottom > 0,
    };
  }, id);
}

test.describe('a link from outside the page', () => {
  test.use({ reducedMotion: 'no-preference', viewport: PHONE });

  for (const [path, ids] of Object.entries(readContract())) {
    test(`lands at once on every published id of ${path}`, async ({ context }) => {
      // Generous: each id opens a new tab, and CI shares two cores.
      test.setTimeout(ids.length * 20_000);
      const missed: string[] = [];
      for (const id of ids) {
        // A fresh tab each time, as when a reader follows the link from a ticket.
        const tab = await context.newPage();
        await tab.goto(`${path}#${id}`, { waitUntil: 'load' });
        // The measure itself is a time: in view in the first frame painted 150 ms after load. Waiting for the target
        // to come into view instead would pass a page that lands late.
        await tab.waitForTimeout(SETTLE_MS);
        const place = await placeOf(tab, id);
        if (!place.inView) missed.push(`${id} (top ${place.top})`);
        await tab.close();
      }
      expect(missed, `${SETTLE_MS} ms after load these were not in view`).toEqual([]);
    });
  }

  test('the target stays in place while content above it grows, as an island does when it hydrates', async ({
    page,
  }) => {
    await page.goto(`${MAIN_ARTICLE}#step-scan-devices`);
    const before = await placeOf(page, 'step-scan-devices');
    expect(before.inView).toBe(true);
    // What a hydrating island above the target does: it takes more room than its fallback.
    await page.evaluate(() => {
      const grown = document.createElement('div');
      grown.style.height = '600px';
      document.querySelector('.article__body')!.prepend(grown);
    });
    await expect.poll(() => placeOf(page, 'step-scan-devices').then((place) => place.top)).toBe(before.top);
  });

  test('does not glide: the page scrolls without smooth behaviour', async ({ page }) => {
    await page.goto(`${MAIN_ARTICLE}#step-scan-devices`);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('auto');
  });
});

/** Clicks a link of the page's contents list and reports the scroll behaviour in force as its navigation scrolls. */
async function followContentsLink(page: Page): Promise<{ id: string; scrollBehavior: string }> {
  await page.goto(MAIN_ARTICLE);
  await page.locator('.toc summary').click();
  await page.evaluate(() => {
    addEventListener(
      'hashchange',
      () => (document.body.dataset.testScrollBehavior = getComputedStyle(document.documentElement).scrollBehavior),
      { once: true },
    );
  });
  const link = page.locator('.toc a').last();
  const id = (await link.getAttribute('href'))!.slice(1);
  await link.click();
  await expect(page.locator('body')).toHaveAttribute('data-test-scroll-behavior');
  return { id, scrollBehavior: (await page.locator('body').getAttribute('data-test-scroll-behavior'))! };
}

test.describe('a link within the page', () => {
  test.use({ viewport: PHONE });

  test('glides with default motion settings, then stops gliding', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    const { id, scrollBehavior } = await followContentsLink(page);
    expect(scrollBehavior).toBe('smooth');
    await expect.poll(() => placeOf(page, id).then((place) => place.inView)).toBe(true);
    await expect
      .poll(() => page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior))
      .toBe('auto');
  });

  test('jumps when the reader asks for reduced motion', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const { id, scrollBehavior } = await followContentsLink(page);
    expect(scrollBehavior).toBe('auto');
    expect((await placeOf(page, id)).inView).toBe(true);
  });
});
