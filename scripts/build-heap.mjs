/**
 * The V8 heap cap every `astro build` of ours runs with (README, "Build memory").
 *
 * Why: V8 grows its heap lazily, by a factor of its live size that depends on the
 * largest heap it may use. With the default cap (several GB on a machine with
 * memory to spare) the factor is 4, so the content sync's garbage (1,583 legacy
 * articles converted) was only collected deep into the bundling, after the heap
 * had reached about 440 MB for a live set of about 120 MB. Under 1 GB of cap V8
 * grows by a smaller factor and collects sooner: the corpus build's peak drops by
 * about 150 MB for a few extra full collections (well under a second in all).
 *
 * Safe: the largest live heap measured in the corpus build (`node --trace-gc`,
 * after each full collection) is about 115 MB, a sixth of the cap; near the cap
 * V8 collects harder before it would fail.
 *
 * `package.json`'s `build` script writes the same figure; a NODE_OPTIONS of the
 * caller's own comes after it and so wins.
 */
const BUILD_HEAP_MB = 768;

/** NODE_OPTIONS for an `astro build`: the cap, then whatever the caller had set. */
export function buildNodeOptions(existing = process.env.NODE_OPTIONS) {
  return [`--max-old-space-size=${BUILD_HEAP_MB}`, existing].filter(Boolean).join(' ');
}
