/**
 * Nothing typed into the password meter is left on disk by the browser
 * (issue 24, finding 1): Chromium's session-restore files kept the new
 * password while "Show passwords" was on, and the mailbox address and name,
 * after the page was left and the browser closed. A real profile directory is
 * used, the browser closed as a reader would, then every file in it searched
 * for the typed text (as UTF-8 and as UTF-16, the encoding Chromium's page
 * state uses).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { chromiumLaunchOptions } from './support/chromium';

const PASSWORD_ARTICLE = '/docs/password-management-and-best-practices/';
/** Made up for this test; nothing else on the site or in a profile contains them. */
const TYPED = {
  password: 'Zq7saffronLedger40913',
  confirm: 'Zq7saffronLedger40913x',
  email: 'wren.ostrowski@quillfen.example',
  name: 'Wren Quillfen Ostrowski',
};
/**
 * Typed into a plain text field added to the page: the browser must keep it, or the search
 * below could pass only because nothing was written.
 */
const CONTROL = 'Plainfield7controlVellum';
/** Chromium writes session state about 2.5 s after a change (SessionService's save delay). */
const SAVED = { timeout: 30_000 };

test.describe.configure({ timeout: 120_000 });

/** Every regular file under `dir`. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Every session file of the profile with its size and time of last change: it differs once Chromium saves. */
function sessionFiles(dir: string): string {
  return filesUnder(dir)
    .filter((file) => /[\\/]Sessions[\\/]/.test(file))
    .map((file) => {
      const stat = statSync(file, { throwIfNoEntry: false });
      return `${file} ${stat?.size} ${stat?.mtimeMs}`;
    })
    .join('\n');
}

/** The files (relative to `dir`) holding `text` as UTF-8 or UTF-16LE. */
function filesHolding(dir: string, text: string): string[] {
  const needles = [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')];
  return filesUnder(dir)
    .filter((file) => {
      const bytes = readFileSync(file);
      return needles.some((needle) => bytes.includes(needle));
    })
    .map((file) => file.slice(dir.length + 1));
}

test('Chromium keeps nothing typed into the meter, shown or hidden, once the page is left and the browser closed', async ({
  baseURL,
}) => {
  const profile = mkdtempSync(join(tmpdir(), 'meter-profile-'));
  try {
    const context = await chromium.launchPersistentContext(profile, { ...chromiumLaunchOptions(), baseURL: baseURL! });
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(PASSWORD_ARTICLE);
    const meter = page.locator('.password-meter');
    await meter.scrollIntoViewIfNeeded();
    const field = meter.getByLabel('New password', { exact: true });
    await expect(field).toBeVisible({ timeout: 30_000 });

    // Typed hidden, then shown; the context fields alongside.
    await field.fill(TYPED.password);
    await meter.getByLabel('New password again').fill(TYPED.confirm);
    await meter.getByRole('button', { name: 'Show passwords' }).click();
    await expect(field).toHaveAttribute('type', 'text');
    // The mailbox details are folded (optional): opened as a reader would.
    await meter.locator('summary', { hasText: 'About this mailbox' }).click();
    await meter.locator('[data-context="email"]').fill(TYPED.email);
    await meter.locator('[data-context="name"]').fill(TYPED.name);
    await expect(field).toHaveValue(TYPED.password);
    await page.evaluate(() => document.querySelector('main')!.append(document.createElement('input')));
    await page.locator('main > input:last-child').fill(CONTROL);
    // Chromium has saved the page's state: the plain field's text is in the profile.
    await expect.poll(() => filesHolding(profile, CONTROL), SAVED).not.toEqual([]);

    // Leave (the page stays in the tab's history), wait for Chromium to save the session again, then close the browser.
    const beforeLeaving = sessionFiles(profile);
    await page.goto('/');
    await expect.poll(() => sessionFiles(profile), SAVED).not.toBe(beforeLeaving);
    expect(errors).toEqual([]);
    await context.close();

    expect(filesHolding(profile, CONTROL), 'a plain text field, kept').not.toEqual([]);
    const found = Object.entries(TYPED).map(([what, text]) => [what, filesHolding(profile, text)]);
    expect(Object.fromEntries(found)).toEqual({ password: [], confirm: [], email: [], name: [] });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});
