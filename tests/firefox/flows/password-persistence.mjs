/**
 * Nothing typed into the password meter is left in Firefox's profile (issue
 * 24, finding 1): its own Firefox, with a profile directory of its own and the
 * session store on as in a reader's Firefox (the harness turns crash recovery
 * off), types and shows the passwords; once the session store has written the
 * page (sessionstore-backups/recovery.jsonlz4, what a crash leaves behind),
 * every file of the profile is searched for the typed text, the session
 * store's mozLz4 files unpacked; then again after leaving the page and quitting.
 */
import { waitUntil } from '../page-helpers.mjs';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';

export const name = 'the password meter: nothing typed is left in the Firefox profile (session store included)';

const PAGE = '/docs/password-management-and-best-practices/';
/** Made up for this test; nothing else on the site or in a profile holds them. */
const TYPED = {
  password: 'Zq7saffronLedger40913',
  confirm: 'Zq7saffronLedger40913x',
  email: 'wren.ostrowski@quillfen.example',
  name: 'Wren Quillfen Ostrowski',
};
/** Typed into a plain text field added to the page: Firefox must keep it, or the search proves nothing. */
const CONTROL = 'Plainfield7controlVellum';
const SAVE_INTERVAL_MS = 1000;

/**
 * An LZ4 block (https://github.com/lz4/lz4/blob/dev/doc/lz4_Block_format.md):
 * sequences of a token, literals, and a match copied from earlier output.
 */
function lz4Block(input, size) {
  const output = Buffer.alloc(size);
  let at = 0;
  let out = 0;
  const length = (nibble) => {
    let total = nibble;
    if (nibble === 15) {
      let byte;
      do total += byte = input[at++];
      while (byte === 255);
    }
    return total;
  };
  while (at < input.length) {
    const token = input[at++];
    const literals = length(token >> 4);
    input.copy(output, out, at, at + literals);
    at += literals;
    out += literals;
    if (at >= input.length) break;
    const offset = input[at] | (input[at + 1] << 8);
    at += 2;
    const match = length(token & 15) + 4;
    for (let i = 0; i < match; i += 1, out += 1) output[out] = output[out - offset];
  }
  return output.subarray(0, out);
}

/**
 * A file's bytes; Mozilla's mozLz4 files (the session store) unpacked: magic, 32-bit size, one LZ4 block. A file
 * that Firefox deleted since the listing (its cache removes "doomed" entries at any time) holds nothing any more.
 */
function contents(file) {
  let bytes;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    if (error.code === 'ENOENT') return Buffer.alloc(0);
    throw error;
  }
  if (bytes.subarray(0, 8).toString('latin1') !== 'mozLz40\0') return bytes;
  return lz4Block(bytes.subarray(12), bytes.readUInt32LE(8));
}

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The files (relative to `dir`) holding `text`, as UTF-8 or UTF-16LE. */
function filesHolding(dir, text) {
  const needles = [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')];
  return filesUnder(dir)
    .filter((file) => {
      const bytes = contents(file);
      return needles.some((needle) => bytes.includes(needle));
    })
    .map((file) => file.slice(dir.length + 1));
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Until the session store holds the control field's text: only then does the search say anything. */
async function waitForSessionStore(profile) {
  for (let waited = 0; waited < 30_000; waited += SAVE_INTERVAL_MS) {
    if (filesHolding(profile, CONTROL).length > 0) return;
    await pause(SAVE_INTERVAL_MS);
  }
  throw new Error('Firefox never wrote a plain text field to its session store: the search would prove nothing');
}

function checkNothingTyped(profile, check, when) {
  const found = Object.entries(TYPED)
    .map(([what, text]) => [what, filesHolding(profile, text)])
    .filter(([, files]) => files.length > 0);
  check(found.length === 0, `typed text in the profile ${when}: ${JSON.stringify(Object.fromEntries(found))}`);
}

async function typeInto(page, selector, text) {
  await page.focus(selector);
  await page.type(selector, text);
}

export async function run({ baseURL, check }) {
  const profile = mkdtempSync(join(tmpdir(), 'meter-firefox-profile-'));
  let browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
      headless: true,
      userDataDir: profile,
      extraPrefsFirefox: {
        'browser.sessionstore.resume_from_crash': true,
        'browser.sessionstore.interval': SAVE_INTERVAL_MS,
      },
    });
    const page = (await browser.pages())[0] ?? (await browser.newPage());
    await page.goto(`${baseURL}${PAGE}`, { waitUntil: 'load' });
    await page.$eval('.password-meter', (block) => block.scrollIntoView());
    const field = '.password-meter input[id$="-new"]';
    await page.waitForSelector(field, { visible: true, timeout: 30_000 });
    await typeInto(page, field, TYPED.password);
    await typeInto(page, '.password-meter input[id$="-confirm"]', TYPED.confirm);
    await page.click('.password-meter__toggle');
    await waitUntil(page, (selector) => document.querySelector(selector)?.type === 'text', {}, field);
    // The mailbox details are folded (optional): opened as a reader would, so the typing reaches them.
    await page.click('.password-meter details:has([data-context]) > summary');
    await page.waitForSelector('[data-context="email"]', { visible: true });
    await typeInto(page, '[data-context="email"]', TYPED.email);
    await typeInto(page, '[data-context="name"]', TYPED.name);
    await page.evaluate(() => {
      document.querySelector('main').append(Object.assign(document.createElement('input'), { id: 'control' }));
    });
    await typeInto(page, '#control', CONTROL);
    await waitForSessionStore(profile);
    checkNothingTyped(profile, check, 'with the page open');

    await page.goto(`${baseURL}/`, { waitUntil: 'load' });
    await pause(SAVE_INTERVAL_MS * 4);
    await browser.close();
    browser = undefined;
    checkNothingTyped(profile, check, 'after leaving the page and quitting');
  } finally {
    await browser?.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  }
}
