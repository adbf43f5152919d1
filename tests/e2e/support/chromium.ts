import type { LaunchOptions } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../../bench/lib/chromium.mjs';

/** Debian's Chromium and its offline flags (bench/lib/chromium.mjs), as Playwright's launch options. */
export function chromiumLaunchOptions(): LaunchOptions {
  return { executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS };
}
