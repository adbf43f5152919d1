/**
 * The companion article that undoes an intruder's changes, and the main
 * article's links to it, in the built site.
 */
import { readContract } from '../support/articles';
import { test, expect, MAIN_ARTICLE } from './support/fixtures';

const ARTICLE = '/docs/remove-an-intruders-mailbox-changes/';

test('every id of the article lands in view from a link pasted into a ticket', async ({ page, baseURL }) => {
  const ids = readContract()[ARTICLE]!;
  expect(ids).toEqual(
    expect.arrayContaining([
      'check-forwarding',
      'check-filters',
      'check-auto-reply',
      'check-identities',
      'check-safelist',
      'turn-on-multi-factor',
    ]),
  );
  for (const id of ids) {
    // A fresh load each time, as when the link is opened from a ticket.
    await page.goto('about:blank');
    await page.goto(`${baseURL}${ARTICLE}#${id}`);
    const target = page.locator(`[id="${id}"]`);
    await expect(target, id).toHaveCount(1);
    await expect(target, id).toBeInViewport();
    // Below the sticky header, not behind it.
    const header = await page.locator('header').first().boundingBox();
    const box = await target.boundingBox();
    expect(box!.y, id).toBeGreaterThanOrEqual(Math.floor((header?.y ?? 0) + (header?.height ?? 0)) - 1);
  }
});

test('the main article leads here from the two symptoms, step 1 and "Stay ready"', async ({ page }) => {
  await page.goto(MAIN_ARTICLE);
  for (const [container, name, id] of [
    ['#symptom-forwarding-rules', 'Remove the forwarding and filters you did not set up', 'check-forwarding'],
    ['#symptom-reply-to-changed', 'Put your own reply-to address back', 'check-identities'],
    ['#step-change-password', 'close the intruder\u2019s way back', 'check-security'],
    ['#step-change-password', 'remove what else they set up', null],
    ['#stay-ready', 'multi-factor sign-in', 'turn-on-multi-factor'],
  ] as const) {
    // A section heading's id sits on the heading, in a row with its copy link; the text follows the row.
    const link = page.locator(`:is(${container}, :has(> ${container}) ~ p)`).getByRole('link', { name, exact: true });
    await expect(link, container).toHaveAttribute('href', id ? `${ARTICLE}#${id}` : ARTICLE);
  }
  await page
    .locator('#symptom-forwarding-rules')
    .getByRole('link', { name: 'Remove the forwarding and filters you did not set up' })
    .click();
  await expect(page).toHaveURL(new RegExp(`${ARTICLE}#check-forwarding$`));
  await expect(page.getByRole('heading', { name: 'Turn off forwarding you did not set up' })).toBeInViewport();
});

// The words people type for these sections, as the issue lists them.
for (const [query, section] of [
  ['two factor', 'turn-on-multi-factor'],
  ['2fa', 'turn-on-multi-factor'],
  ['mfa', 'turn-on-multi-factor'],
  ['forwarding rule', 'check-forwarding'],
  ['remove forwarding', 'check-forwarding'],
] as const) {
  test(`searching "${query}" finds the article's section ${section}`, async ({ page }) => {
    await page.goto(`/search/?q=${encodeURIComponent(query)}`);
    const result = page.locator('.search-result', { has: page.locator(`h2 a[href^="${ARTICLE}"]`) });
    // Generous: the search engine loads on arrival, and test machines are busy.
    await expect(result).toBeVisible({ timeout: 30_000 });
    await expect(result.locator(`[data-section="${section}"]`).first()).toBeVisible();
  });
}
