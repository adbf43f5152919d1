/** Every response of one page once it settles, gzip-compressed as a host would serve it. */
import { gzipSync } from 'node:zlib';
import { networkSettled, watchNetwork } from './network.mjs';

// Already compressed by their producer: counted as they are.
const PRECOMPRESSED = /\.(png|jpe?g|webp|avif|woff2?|wasm|pagefind|pf_\w+)(\?|$)/;

export async function pageWeight(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const responses = [];
  page.on('response', (response) => responses.push(response));
  watchNetwork(page);
  await page.goto(url);
  await networkSettled(page);
  let gzipBytes = 0;
  for (const response of responses) {
    const body = await response.body().catch(() => undefined);
    if (body) gzipBytes += PRECOMPRESSED.test(response.url()) ? body.length : gzipSync(body).length;
  }
  await context.close();
  return { gzipBytes, requests: responses.length };
}
