/**
 * Puppeteer's page calls that Debian's Firefox ESR (140.12) no longer takes over WebDriver BiDi, done another way.
 * A flow imports these instead of calling the page's own.
 */

/**
 * Resolves once `predicate(...args)`, run in the page, returns something truthy; `page.waitForFunction`'s job.
 * Puppeteer builds that wait with `new Function` inside the page, which Firefox now refuses under the site's
 * Content-Security-Policy (no 'unsafe-eval'): "call to Function() blocked by CSP". `page.evaluate` hands the function
 * to the browser as a declaration, which the policy allows, so it is polled with that. A page that is navigating
 * throws while it loads: that counts as not yet.
 */
export async function waitUntil(page, predicate, { timeout = 30_000 } = {}, ...args) {
  const deadline = Date.now() + timeout;
  let lastError;
  for (;;) {
    try {
      if (await page.evaluate(predicate, ...args)) return;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const because = lastError ? ` (last error: ${lastError.message})` : '';
      throw new Error(`waited ${timeout} ms for ${predicate.toString().slice(0, 160)}${because}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * `page.setViewport`, on a Firefox without the screen-orientation override Puppeteer sends with it
 * (emulation.setScreenOrientationOverride: "unknown command"). The size goes in a command of its own, sent
 * alongside, and may land a moment after the failure: the page is watched until it has the size.
 */
export async function setViewport(page, viewport) {
  await page.setViewport(viewport).catch((error) => {
    if (!String(error?.message).includes('unknown command emulation.setScreenOrientationOverride')) throw error;
  });
  await waitUntil(
    page,
    ({ width, height }) => innerWidth === width && innerHeight === height,
    { timeout: 5_000 },
    viewport,
  );
}
