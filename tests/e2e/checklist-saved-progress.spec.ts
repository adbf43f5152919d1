/**
 * Saved checklist progress is never silently lost (issue 24, findings 7-9):
 * a link's symptom-checker answers ask before they change it, "Start over"
 * removes every version's key, and a newer version's value is left alone.
 * Each test seeds localStorage once (the first load of the tab), as a reader
 * who used the checklist earlier would have it.
 */
import type { Page } from '@playwright/test';
import { axeViolations } from './support/axe';
import { test, expect, MAIN_ARTICLE } from './support/fixtures';

const KEY_V1 = `mailbox-rescue:checklist:v1:${MAIN_ARTICLE}`;
const KEY = `mailbox-rescue:checklist:v2:${MAIN_ARTICLE}`;
const T = Date.parse('2026-11-02T09:15:00Z');

test.describe.configure({ timeout: 120_000 });

/** An administrator whose disabled mailbox was restored: the three steps up to the restore done. */
const ADMIN_WHO_RESTORED = JSON.stringify({
  version: 2,
  role: 'admin',
  mailboxDisabled: 'yes',
  malwareFound: 'no',
  done: { 'step-change-password': T, 'step-scan-devices': T + 1, 'step-restore-access': T + 2 },
  subtasks: {},
  notes: {},
  devices: [],
  symptoms: ['symptom-mailbox-disabled'],
  reopened: null,
  handoff: null,
});

const tracker = (page: Page) => page.locator('[data-checklist]');
const status = (page: Page, id: string) => tracker(page).locator(`[data-step="${id}"]`);

async function seed(page: Page, items: Record<string, string>) {
  await page.addInitScript((values) => {
    if (sessionStorage.getItem('seeded')) return;
    for (const [key, value] of Object.entries(values)) localStorage.setItem(key, value);
    sessionStorage.setItem('seeded', '1');
  }, items);
}

async function openTracker(page: Page, suffix = '') {
  await page.goto(MAIN_ARTICLE + suffix);
  await page.locator('#secure-your-mailbox').scrollIntoViewIfNeeded();
  await expect(tracker(page)).toBeVisible({ timeout: 20_000 });
}

const stored = (page: Page, key = KEY) => page.evaluate((name) => localStorage.getItem(name), key);

test.describe('a link with symptom-checker answers, over saved progress', () => {
  const FOREIGN_LINK = '?symptoms=bounce-messages&role=user#secure-your-mailbox';

  test('asks first and changes nothing; "Keep my saved progress" keeps it, and a reload does not ask again', async ({
    page,
  }) => {
    await seed(page, { [KEY]: ADMIN_WHO_RESTORED });
    await openTracker(page, FOREIGN_LINK);
    const question = tracker(page).locator('[data-handoff-conflict]');
    await expect(question).toBeFocused();
    await expect(question).toContainText('Use the answers in this link? Your saved progress: 3 of 6 steps done');
    await expect(question).toContainText('Role: Administrator would become User.');
    await expect(question).toContainText(
      'The tick of “Restore access if Rackspace disabled the mailbox” would be removed.',
    );
    await expect(tracker(page).getByRole('radio', { name: 'I’m the email administrator' })).toBeChecked();
    await expect(status(page, 'step-restore-access')).toHaveAttribute('data-status', 'done');
    expect(JSON.parse((await stored(page))!).role).toBe('admin');
    expect(await axeViolations(page)).toEqual([]);

    await question.getByRole('button', { name: 'Keep my saved progress' }).click();
    await expect(question).toHaveCount(0);
    await expect(tracker(page).getByRole('heading', { name: 'Your recovery checklist' })).toBeFocused();
    await page.reload();
    await expect(status(page, 'step-restore-access')).toHaveAttribute('data-status', 'done', { timeout: 20_000 });
    await expect(tracker(page).locator('[data-handoff-conflict]')).toHaveCount(0);
    const kept = JSON.parse((await stored(page))!);
    expect(kept.role).toBe('admin');
    expect(kept.mailboxDisabled).toBe('yes');
    expect(kept.done['step-restore-access']).toBe(T + 2);
  });

  test('"Use the link’s answers" applies them', async ({ page }) => {
    await seed(page, { [KEY]: ADMIN_WHO_RESTORED });
    await openTracker(page, FOREIGN_LINK);
    await tracker(page).getByRole('button', { name: 'Use the link’s answers' }).click();
    await expect(tracker(page).getByRole('radio', { name: 'I use this mailbox' })).toBeChecked();
    await expect(status(page, 'step-restore-access')).toHaveAttribute('data-status', 'not-applicable');
    await expect(status(page, 'step-change-password')).toHaveAttribute('data-status', 'done');
    expect(JSON.parse((await stored(page))!).symptoms).toEqual(['symptom-bounce-messages']);
  });
});

test('"Start over" removes the old version’s key too: nothing comes back on reload', async ({ page }) => {
  const v1 = { version: 1, role: 'administrator', completed: { 'step-change-password': '2026-11-02T09:15:00.000Z' } };
  await seed(page, {
    [KEY_V1]: JSON.stringify({ ...v1, notes: { 'step-alert-others': 'Old note' }, devices: ['Old laptop'] }),
    [KEY]: ADMIN_WHO_RESTORED,
  });
  await openTracker(page);
  await expect(status(page, 'step-change-password')).toHaveAttribute('data-status', 'done');
  await tracker(page).getByRole('button', { name: 'Start over' }).click();
  await tracker(page).getByRole('button', { name: 'Yes, start over' }).click();
  await expect(status(page, 'step-change-password')).toHaveAttribute('data-status', 'open');
  expect(await stored(page, KEY_V1)).toBeNull();
  expect(await stored(page, KEY)).toBeNull();
  await page.reload();
  await page.locator('#secure-your-mailbox').scrollIntoViewIfNeeded();
  await expect(status(page, 'step-change-password')).toHaveAttribute('data-status', 'open', { timeout: 20_000 });
  await expect(tracker(page).getByRole('radio', { name: 'I use this mailbox' })).toBeChecked();
  await expect(tracker(page)).not.toContainText('Old laptop');
});

test('progress saved by a newer version is kept untouched; the tracker works in memory and says so', async ({
  page,
}) => {
  const newer = JSON.stringify({ version: 3, steps: { 'step-change-password': { doneAt: T } }, notes: ['from v3'] });
  await seed(page, { [KEY]: newer });
  await openTracker(page);
  await expect(tracker(page).locator('[data-storage-notice]')).toContainText('saved by a newer version of this page');
  await expect(tracker(page).locator('[data-storage-notice]')).toContainText('until you close the tab');
  await tracker(page).locator('#checklist-step-change-password').check();
  await expect(status(page, 'step-change-password')).toHaveAttribute('data-status', 'done');
  await tracker(page).getByRole('button', { name: 'Start over' }).click();
  await tracker(page).getByRole('button', { name: 'Yes, start over' }).click();
  expect(await stored(page)).toBe(newer);
});
