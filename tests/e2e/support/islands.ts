/** Islands say when they are ready (src/components/kit/hydrated.ts): tests wait for that, not for time. */
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';
import { networkSettled } from '../../../bench/lib/network.mjs';
import { HYDRATED_ATTRIBUTE } from '../../../src/components/kit/hydrated';

/** Waits until the island (its `astro-island` element) has mounted its controls: hydration, stylesheet and all. */
export async function expectHydrated(island: Locator, timeout = 30_000): Promise<void> {
  await expect(island).toHaveAttribute(HYDRATED_ATTRIBUTE, '', { timeout });
}

/**
 * The page at rest: every request it started has been answered, and every island that began to hydrate (Astro
 * took away its `ssr` attribute) has mounted its controls. Islands still out of view stay as the server made them.
 */
export async function pageSettled(page: Page): Promise<void> {
  await networkSettled(page);
  await expect(page.locator(`astro-island:not([ssr]):not([${HYDRATED_ATTRIBUTE}])`)).toHaveCount(0);
}
