/**
 * A Playwright page's network as a fact to wait for, instead of `networkidle`
 * (500 ms without a request, which stalled for a minute on a busy machine) or
 * a fixed sleep. The browser tests' shared fixture watches every test page
 * from its start; the measures watch the pages they open.
 */

/**
 * @typedef {object} Watch
 * @property {Set<import('playwright-core').Request>} open requests started and not yet finished or failed
 * @property {number} started how many requests the page has started
 * @property {Set<() => void>} waiting called when a request finishes or fails
 */

/** @type {WeakMap<import('playwright-core').Page, Watch>} */
const watches = new WeakMap();

/**
 * Starts counting the page's requests (once per page): call it before the page loads what is to be waited for.
 * @param {import('playwright-core').Page} page
 * @returns {Watch}
 */
export function watchNetwork(page) {
  const known = watches.get(page);
  if (known) return known;
  /** @type {Watch} */
  const watch = { open: new Set(), started: 0, waiting: new Set() };
  watches.set(page, watch);
  const done = (/** @type {import('playwright-core').Request} */ request) => {
    watch.open.delete(request);
    for (const wake of watch.waiting) wake();
  };
  page.on('request', (request) => {
    watch.open.add(request);
    watch.started += 1;
  });
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return watch;
}

/**
 * Two rendering steps of the page. IntersectionObserver callbacks are delivered in them, so an island
 * (client:visible) that came into view has started loading by then, as has a module whose file just arrived.
 * @param {import('playwright-core').Page} page
 */
export function nextFrames(page) {
  return page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(undefined)))),
  );
}

/**
 * Resolves once every request the page started has finished (or failed) and none started over the next two
 * rendering steps; call it after the fact that starts the work (a load, a scroll, a focus, results shown).
 * Rejects after `timeout` ms, naming the requests still on their way.
 * @param {import('playwright-core').Page} page
 * @param {number} [timeout]
 */
export async function networkSettled(page, timeout = 30_000) {
  const watch = watchNetwork(page);
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (watch.open.size > 0) {
      await new Promise((resolve) => {
        const timer = setTimeout(wake, Math.max(0, deadline - Date.now()));
        function wake() {
          clearTimeout(timer);
          watch.waiting.delete(wake);
          resolve(undefined);
        }
        watch.waiting.add(wake);
      });
      continue;
    }
    const started = watch.started;
    await nextFrames(page);
    if (watch.open.size === 0 && watch.started === started) return;
  }
  const open = [...watch.open].map((request) => request.url());
  throw new Error(`The page's network did not settle in ${timeout} ms; still on their way: ${open.join(', ')}`);
}
