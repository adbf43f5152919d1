/**
 * Says that an island is ready: its controls are in the page and answer. The
 * island's root, the `astro-island` element Astro wraps it in, gets
 * `data-hydrated`, which tests wait for instead of a fixed time or a quiet
 * network.
 *
 * Astro's own sign (the island losing its `ssr` attribute) comes too early:
 * it marks the component's first render, the empty element that matches the
 * server's HTML, before the island has loaded its stylesheet and mounted its
 * controls.
 */
import type { Component } from 'preact';

export const HYDRATED_ATTRIBUTE = 'data-hydrated';

/** Called once the island renders its controls (again on later renders: it changes nothing then). */
export function markHydrated(island: Component): void {
  island.base?.parentElement?.closest('astro-island')?.setAttribute(HYDRATED_ATTRIBUTE, '');
}
