/**
 * The imported pages marked noindex (`/docs/<slug>/`), which the sitemap leaves out. The content loader finds them
 * while it plans the import and records them here; the sitemap filter in astro.config.mjs reads them at the end of
 * the build, so the corpus is read once, not once more for the config.
 */
import { buildSlot } from './build-slot';

const slot = buildSlot<ReadonlySet<string>>('noindex');

export function recordNoindexPaths(paths: Iterable<string>): void {
  slot.set(new Set(paths));
}

/** Empty until the loader has run (no legacy import, or not built yet). */
export function noindexPaths(): ReadonlySet<string> {
  return slot.get() ?? new Set();
}
