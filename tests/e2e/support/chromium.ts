import type { LaunchOptions } from '@playwright/test';

/**
 * Debian's Chromium, not a Playwright download (which cannot be fetched here).
 * The flags keep it from reaching for the network this machine does not have.
 */
export function chromiumLaunchOptions(): LaunchOptions {
  return {
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  };
}
