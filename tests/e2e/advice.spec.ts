/**
 * Issue 22 and issue 21 (items 1 and 3) in the built site: "Do this now" on a
 * phone's first screen with JavaScript on and off, step 1 stating the order
 * table's paths, the meter folded after step 1's instructions, the new ids
 * landing from a ticket link, the checker's hand-off bringing the new
 * sub-tasks, and no built page saying that only an administrator can change
 * or reset a password.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { axeViolations } from './support/axe';
import { test, expect, MAIN_ARTICLE } from './support/fixtures';
import { expectHydrated } from './support/islands';
import { builtPages } from './support/site';
import { readArticles } from '../support/articles';
import { onlyAdminClaims } from '../support/only-admin-claims';
import { ORDER_PATHS, orderSentence } from '../../src/lib/compromise/order';

const PHONE = { width: 390, height: 844 };

/** Whether the element's whole box is inside the unscrolled viewport. */
async function inFirstScreen(page: Page, selector: string): Promise<boolean> {
  return page
    .locator(selector)
    .first()
    .evaluate((element) => {
      const box = element.getBoundingClientRect();
      return window.scrollY === 0 && box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0;
    });
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`on a phone, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ viewport: PHONE, javaScriptEnabled });

    test('the first screen says what to do: a link to step 1 and the path for someone who cannot sign in', async ({
      page,
    }) => {
      await page.goto(MAIN_ARTICLE);
      const block = page.locator('[data-do-this-now]');
      await expect(block.getByRole('heading', { name: 'Do this now' })).toBeVisible();
      const toStep = block.locator('a[href="#step-change-password"]').first();
      await expect(toStep).toBeVisible();
      expect(await inFirstScreen(page, '[data-do-this-now] a[href="#step-change-password"]')).toBe(true);
      const cannot = block.locator('[data-order-path="user-cannot-sign-in"]');
      await expect(cannot).toContainText(`You cannot sign in: ${orderSentence('user', 'cannot-sign-in')}`);
      await expect(cannot).toContainText('whoever runs your company’s email or IT');
      expect(await inFirstScreen(page, '[data-do-this-now] [data-order-path="user-cannot-sign-in"]')).toBe(true);
      // "Before you start" stays, below the block.
      const [blockBox, prerequisites] = [await block.boundingBox(), await page.locator('#prerequisites').boundingBox()];
      expect(prerequisites!.y).toBeGreaterThan(blockBox!.y + blockBox!.height);

      await toStep.click();
      await expect(page).toHaveURL(/#step-change-password$/);
      await expect(page.locator('#step-change-password-title')).toBeInViewport();
    });
  });
}

test('step 1 and the Do-this-now block state the order table’s paths, in its order', async ({ page }) => {
  await page.goto(MAIN_ARTICLE);
  const expected = ORDER_PATHS.map((path) => `${path.who}: ${orderSentence(path.role, path.access)}`);
  for (const container of ['[data-do-this-now]', '#step-change-password']) {
    const lines = await page.locator(`${container} [data-order-path]`).allTextContents();
    expect(
      lines.map((line) => line.replace(/\s+/g, ' ').trim()),
      container,
    ).toHaveLength(expected.length);
    lines.forEach((line, index) => expect(line.replace(/\s+/g, ' '), container).toContain(expected[index]));
  }
  // Step 1 links each first action to its procedure, and the locked-out administrator to support.
  const step = page.locator('#step-change-password');
  await expect(step.getByRole('link', { name: 'Ask your administrator to reset the password now' })).toHaveAttribute(
    'href',
    '/docs/change-rackspace-email-mailbox-password/#cannot-sign-in',
  );
  await expect(step.getByRole('link', { name: 'How to reach support' })).toHaveAttribute(
    'href',
    '/docs/change-rackspace-email-mailbox-password/#contact-support',
  );
  await expect(step).not.toContainText('You need the current password.');
});

test.describe('the meter in step 1', () => {
  test.use({ viewport: PHONE });

  test('comes after the instructions, folded; opening it loads it', async ({ page }) => {
    await page.goto(`${MAIN_ARTICLE}#step-change-password`);
    const step = page.locator('#step-change-password');
    const fold = step.locator('details.password-meter-fold');
    await expect(fold).not.toHaveAttribute('open');
    // The instructions, up to the way back, all come before the fold.
    const wayBack = step.getByRole('link', { name: 'close the intruder’s way back' });
    expect((await wayBack.boundingBox())!.y).toBeLessThan((await fold.boundingBox())!.y);
    await expect(page.locator('.password-meter input')).toHaveCount(0);
    await fold.getByText('Check a new password here').click();
    await expect(fold.locator('input[autocomplete="new-password"]')).toBeVisible({ timeout: 30_000 });
  });
});

test.describe('without JavaScript, the fold', () => {
  test.use({ javaScriptEnabled: false });

  test('opens on the service’s rules and the advice', async ({ page }) => {
    await page.goto(MAIN_ARTICLE);
    const fold = page.locator('#step-change-password details.password-meter-fold');
    await fold.getByText('Check a new password here').click();
    await expect(fold).toContainText('8+ characters from 3 of 4 kinds');
  });
});

test('the new ids land in view from a ticket link', async ({ page }) => {
  for (const [path, id] of [
    [MAIN_ARTICLE, 'do-this-now'],
    [MAIN_ARTICLE, 'after-the-steps'],
    ['/docs/remove-an-intruders-mailbox-changes/', 'check-security'],
    ['/docs/change-rackspace-email-mailbox-password/', 'cannot-sign-in'],
    ['/docs/change-rackspace-email-mailbox-password/', 'contact-support'],
    ['/docs/blocklist-addresses-domains-and-ips-in-rackspace-email-webmail/', 'blocklist-for-the-domain'],
    ['/docs/blocklist-addresses-domains-and-ips-in-rackspace-email-webmail/', 'what-not-to-block'],
  ] as const) {
    await page.goto(`${path}#${id}`);
    await expect(page.locator(`[id="${id}"]`), `${path}#${id}`).toBeInViewport();
  }
});

test('the checker hands off to the checklist with the new sub-tasks and the order for someone locked out', async ({
  page,
}) => {
  await page.goto(MAIN_ARTICLE);
  const checker = page.locator('#symptom-checker');
  await checker.scrollIntoViewIfNeeded();
  await checker.getByRole('checkbox', { name: 'Your password was changed, and not by you' }).check();
  const actions = checker.locator('.symptom-checker__actions > li');
  await expect(actions.first()).toHaveAttribute('data-action', 'reset-password');
  await expect(checker.locator('li[data-action="check-security"] a')).toHaveAttribute(
    'href',
    '/docs/remove-an-intruders-mailbox-changes/#check-security',
  );
  await checker.getByRole('button', { name: 'Start the checklist with these answers' }).click();
  const tracker = page.locator('[data-checklist]');
  await expect(tracker.getByRole('heading', { name: 'Your recovery checklist' })).toBeFocused({ timeout: 20_000 });
  const stepOne = tracker.locator('[data-step="step-change-password"]');
  await expect(stepOne).toContainText(orderSentence('user', 'cannot-sign-in'));
  const wayBack = stepOne.locator('[data-subtask="check-security"]');
  await expect(wayBack).toHaveAttribute('data-status', 'open');
  // Each sub-task's text and links are folded ("In short"): the article says the same around them.
  await wayBack.getByText('In short', { exact: true }).click();
  await expect(wayBack.getByRole('link', { name: 'What to check in Settings, Security' })).toHaveAttribute(
    'href',
    '/docs/remove-an-intruders-mailbox-changes/#check-security',
  );
  const after = tracker.locator('[data-step="step-educate-users"] [data-subtask="after-the-steps"]');
  await expect(after).toHaveAttribute('data-status', 'open');
  await after.getByText('In short', { exact: true }).click();
  await expect(after.getByRole('link', { name: 'After the six steps' })).toHaveAttribute('href', '#after-the-steps');
  expect(await axeViolations(page, '[data-checklist]')).toEqual([]);
});

test('axe finds nothing on the changed pages, with the Do-this-now block and the open fold', async ({ page }) => {
  // Five pages in two schemes, the meter in the fold hydrated first: over two minutes on a loaded shared machine.
  test.setTimeout(240_000);
  await page.setViewportSize(PHONE);
  for (const path of [
    MAIN_ARTICLE,
    '/docs/remove-an-intruders-mailbox-changes/',
    '/docs/change-rackspace-email-mailbox-password/',
    '/docs/blocklist-addresses-domains-and-ips-in-rackspace-email-webmail/',
    '/docs/secure-a-compromised-exchange-mailbox/',
  ]) {
    await page.goto(path);
    const fold = page.locator('details.password-meter-fold');
    if ((await fold.count()) > 0) {
      await fold.getByText('Check a new password here').click();
      await expectHydrated(fold.locator('astro-island'));
    }
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await axeViolations(page), `${path} (${colorScheme})`).toEqual([]);
    }
  }
});

test('no built article says that only an administrator can change or reset a password', () => {
  const articles = new Set(readArticles().map((article) => article.path));
  const pages = builtPages().filter((page) => articles.has(page.path));
  expect(pages.length).toBe(articles.size);
  for (const { path, file } of pages) {
    const text = readFileSync(file, 'utf8')
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ');
    expect(onlyAdminClaims(text), path).toEqual([]);
  }
});
