import { test, expect, MAIN_ARTICLE } from './support/fixtures';
import { factsSheetIds, readContract } from '../support/articles';
import { HAS_SHARED, NEEDS_SHARED, NO_SHARED_REASON } from '../support/shared';

test(`every anchor id of the facts sheet sits on the element that holds its item ${NEEDS_SHARED}`, async ({ page }) => {
  test.skip(!HAS_SHARED, NO_SHARED_REASON);
  await page.goto(MAIN_ARTICLE);
  for (const id of factsSheetIds()) {
    const element = page.locator(`[id="${id}"]`);
    await expect(element, id).toHaveCount(1);
    const tag = await element.evaluate((node) => node.tagName.toLowerCase());
    if (/^(symptom|risk)-/.test(id) && id !== 'risk-factors') expect(tag, id).toBe('li');
    else if (id.startsWith('step-')) expect(await element.getAttribute('class'), id).toContain('step');
    else if (id === 'prerequisites') expect(tag).toBe('section');
    else expect(tag, id).toBe('h2');
  }
});

test('the six steps appear in order', async ({ page }) => {
  await page.goto(MAIN_ARTICLE);
  await expect(page.locator('ol.steps > li')).toHaveCount(6);
  const ids = await page.locator('ol.steps > li').evaluateAll((items) => items.map((item) => item.id));
  expect(ids).toEqual([
    'step-change-password',
    'step-scan-devices',
    'step-restore-access',
    'step-alert-others',
    'step-blocklist-sender',
    'step-educate-users',
  ]);
});

test('every id ever published still lands on its page, directly or through an alias', async ({ page }) => {
  test.setTimeout(180_000);
  for (const [path, ids] of Object.entries(readContract())) {
    for (const id of ids) {
      await page.goto(`${path}#${id}`);
      await expect(page.locator(':target'), `${path}#${id}`).toHaveCount(1);
      await expect(page.locator(':target'), `${path}#${id}`).toBeVisible();
    }
  }
});

test('a deep link scrolls its item into view below the sticky header and highlights it', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${MAIN_ARTICLE}#step-scan-devices`);
  const step = page.locator('#step-scan-devices');
  await expect(step).toBeInViewport();
  const headerBottom = await page.locator('.site-header').evaluate((header) => header.getBoundingClientRect().bottom);
  const stepTop = await step.evaluate((node) => node.getBoundingClientRect().top);
  expect(stepTop).toBeGreaterThanOrEqual(headerBottom);
  const highlighted = await step.evaluate(
    (node) => node.matches(':target') && getComputedStyle(node).outlineStyle !== 'none',
  );
  expect(highlighted).toBe(true);
});

test('a deep link into a collapsed region opens it', async ({ page }) => {
  await page.goto(`${MAIN_ARTICLE}#scan-a-phone`);
  await expect(page.locator('#scan-a-phone')).toBeVisible();
  await expect(page.locator('#scan-a-phone')).toBeInViewport();
});

test('an old, aliased id lands on its replacement', async ({ page }) => {
  await page.goto(`${MAIN_ARTICLE}#step-scan-computers`);
  await expect(page).toHaveURL(/#step-scan-devices$/);
  await expect(page.locator('#step-scan-devices')).toBeInViewport();
  expect(await page.locator('#step-scan-devices').evaluate((node) => node.matches(':target'))).toBe(true);
});

test('a fragment with markup in it does nothing harmful', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  await page.goto(`${MAIN_ARTICLE}#%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E`);
  await page.goto(`${MAIN_ARTICLE}#%E0%A4%A`);
  await expect(page.locator('h1')).toBeVisible();
  expect(dialogs).toBe(0);
});

test.describe('copy link', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('copies the absolute URL of a step, by mouse and by keyboard, and announces it', async ({ page, baseURL }) => {
    await page.goto(`${MAIN_ARTICLE}?highlight=scan`);
    await page.locator('#step-scan-devices .copy-link').first().click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${baseURL}${MAIN_ARTICLE}#step-scan-devices`,
    );
    await expect(page.locator('#announcer')).toHaveText('Link copied');

    await page.locator('#symptom-forwarding-rules .copy-link').focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe(`${baseURL}${MAIN_ARTICLE}#symptom-forwarding-rules`);
  });

  test('copies section headings in companion articles too', async ({ page, baseURL }) => {
    await page.goto('/docs/block-or-restore-rackspace-email-access/');
    await page.getByRole('link', { name: 'Copy link to: Restore access to a mailbox' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${baseURL}/docs/block-or-restore-rackspace-email-access/#restore-mailbox-access`,
    );
  });
});
