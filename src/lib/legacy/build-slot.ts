/**
 * A value shared by the module graphs of one build. Astro loads astro.config.mjs and the content loader as separate
 * module graphs in one process, so a module-level variable would exist once in each; a slot on globalThis, under a
 * registered symbol, is the one both see (the noindex pages, the build's warning log).
 */
export function buildSlot<T>(name: string): { get(): T | undefined; set(value: T): T } {
  const key = Symbol.for(`kb.legacy.${name}`);
  const slots = globalThis as unknown as Record<symbol, T | undefined>;
  return {
    get: () => slots[key],
    set: (value) => (slots[key] = value),
  };
}
