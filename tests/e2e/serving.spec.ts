/**
 * The server of `npm start` and the tests serves as static hosts do with
 * public/_headers: a second search downloads no index, fragment or bundle
 * again and revalidates the rest, and Pagefind's compressed files reach the
 * browser marked as compressed (brotli, from the build's copies, for a browser
 * that takes it). Runs its own server to count what reaches it.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { test, expect } from './support/fixtures';
import { networkSettled } from '../../bench/lib/network.mjs';
import { startServer } from '../../scripts/serve.mjs';

let server: Server;
let origin: string;
const served: { path: string; status: number }[] = [];

test.beforeAll(async () => {
  server = await startServer({ port: 0, host: '127.0.0.1', dir: process.env.E2E_DIST ?? 'dist' });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  server.on('request', (request, response) => {
    response.on('finish', () =>
      served.push({ path: new URL(request.url ?? '/', origin).pathname, status: response.statusCode }),
    );
  });
});
test.afterAll(() => server.close());

test('a second search takes index, fragments and bundles from the cache and revalidates the rest', async ({ page }) => {
  await page.goto(`${origin}/search/?q=forwarding`);
  await expect(page.locator('.search-result').first()).toBeVisible();
  await networkSettled(page);
  const first = served.splice(0);
  expect(
    first.some(({ path }) => path.startsWith('/pagefind/index/')),
    'the first search fetched an index chunk',
  ).toBe(true);

  await page.goto(`${origin}/search/?q=forwarding`);
  await expect(page.locator('.search-result').first()).toBeVisible();
  await networkSettled(page);
  const second = served.splice(0);
  const immutable = /^\/(_astro|pagefind\/(index|fragment|filter))\//;
  expect(
    second.filter(({ path }) => immutable.test(path)),
    'hashed files were fetched again',
  ).toEqual([]);
  // Fixed names (pagefind.js, its worker and WebAssembly) are only revalidated.
  const pagefindCode = second.filter(({ path }) =>
    /^\/pagefind\/(pagefind(-worker)?\.js|wasm\.\w+\.pagefind)$/.test(path),
  );
  expect(pagefindCode.length).toBeGreaterThan(0);
  expect(
    pagefindCode.every(({ status }) => status === 304),
    JSON.stringify(pagefindCode),
  ).toBe(true);
});

test('Pagefind files and the page arrive as brotli, so the browser unpacks them and Pagefind gets its signature', async ({
  page,
}) => {
  const encodings = new Map<string, string | undefined>();
  // Bodies only: a revalidated file (304) carries no encoding.
  page.on('response', (response) => {
    if (response.status() === 200)
      encodings.set(new URL(response.url()).pathname, response.headers()['content-encoding']);
  });
  await page.goto(`${origin}/search/`);
  const files = await page.evaluate(async () => {
    const entry = await (await fetch('/pagefind/pagefind-entry.json')).json();
    const meta = `/pagefind/pagefind.${entry.languages.en.hash}.pf_meta`;
    return Promise.all(
      [meta, `/pagefind/wasm.${entry.languages.en.wasm}.pagefind`].map(async (path) => {
        const bytes = new Uint8Array(await (await fetch(path)).arrayBuffer());
        return { path, start: new TextDecoder().decode(bytes.slice(0, 12)) };
      }),
    );
  });
  for (const file of files) expect(file.start, file.path).toBe('pagefind_dcd');
  await page.goto(`${origin}/search/?q=forwarding`);
  await expect(page.locator('.search-result').first()).toBeVisible();
  await networkSettled(page);
  const pagefindFiles = [...encodings].filter(([path]) => /^\/pagefind\/(index|fragment|wasm|pagefind\.)/.test(path));
  expect(pagefindFiles.length).toBeGreaterThan(3);
  expect(pagefindFiles.filter(([, encoding]) => encoding !== 'br')).toEqual([]);
  expect(encodings.get('/search/')).toBe('br');
});
