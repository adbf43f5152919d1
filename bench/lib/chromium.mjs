/**
 * Debian's Chromium, not a Playwright download (which cannot be fetched here), with the flags that keep it from
 * reaching for the network this machine does not have. One list for the browser tests (playwright.config.ts and
 * the persistent-profile test), Lighthouse (tests/lighthouse/run.mjs) and the measures (sites.mjs).
 */
export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
