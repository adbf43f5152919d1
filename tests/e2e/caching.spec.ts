/**
 * The server of `npm start` and the tests caches as static hosts do with
 * public/_headers: a second search downloads no index, fragment or bundle
 * again, and revalidates the rest. Runs its own server to count what reaches it.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { test, expect } from './support/fixtures';
import { startServer } from '../../scripts/serve.mjs';

let server: Server;
let origin: string;
const served: { path: string; status: number }[] = [];

test.beforeAll(async () => {
  server = await startServer({ port: 0, host: '127.0.0.1', dir: process.env.E2E_DIST ?? 'dist' });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  server.on('request', (request, response) => {
    response.on('finish', () => served.push({ path: new URL(request.url ?? '/', origin).pathname, status: response.statusCode }));
  });
});
test.afterAll(() => server.close());

test('a second search takes index, fragments and bundles from the cache and revalidates the rest', async ({ page }) => {
  await page.goto(`${origin}/search/?q=forwarding`);
  await expect(page.locator('.search-result').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  const first = served.splice(0);
  expect(first.some(({ path }) => path.startsWith('/pagefind/index/')), 'the first search fetched an index chunk').toBe(true);

  await page.goto(`${origin}/search/?q=forwarding`);
  await expect(page.locator('.search-result').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  const second = served.splice(0);
  const immutable = /^\/(_astro|pagefind\/(index|fragment|filter))\//;
  expect(second.filter(({ path }) => immutable.test(path)), 'hashed files were fetched again').toEqual([]);
  // Fixed names (pagefind.js, its worker and WebAssembly) are only revalidated.
  const pagefindCode = second.filter(({ path }) => /^\/pagefind\/(pagefind(-worker)?\.js|wasm\.\w+\.pagefind)$/.test(path));
  expect(pagefindCode.length).toBeGreaterThan(0);
  expect(pagefindCode.every(({ status }) => status === 304), JSON.stringify(pagefindCode)).toBe(true);
});
