/**
 * The imported pages marked noindex (`/docs/<slug>/`), which the sitemap leaves out. The content loader finds them
 * while it plans the import and records them here; the sitemap filter in astro.config.mjs reads them at the end of
 * the build, so the corpus is read once, not once more for the config. The config and the loader are separate
 * module graphs in one process: the set lives on globalThis, as the build's warning log does (warnings.ts).
 */
const KEY = Symbol.for('kb.legacy.noindex');

type Registry = Record<symbol, ReadonlySet<string> | undefined>;

export function recordNoindexPaths(paths: Iterable<string>): void {
  (globalThis as unknown as Registry)[KEY] = new Set(paths);
}

/** Empty until the loader has run (no legacy import, or not built yet). */
export function noindexPaths(): ReadonlySet<string> {
  return (globalThis as unknown as Registry)[KEY] ?? new Set();
}
