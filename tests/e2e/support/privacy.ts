/**
 * Privacy with teeth, for any island: what the browser keeps after someone
 * used it (localStorage, sessionStorage, cookies, IndexedDB, the Cache API),
 * and every request that leaves the page, with timers run a minute ahead so
 * that a delayed beacon or fetch is caught too.
 *
 *   const outgoing = watchRequests(page);            // before page.goto
 *   await page.clock.install();                      // before page.goto
 *   … use the island …
 *   await expectNothingLeaves(page, outgoing, ['forwarding-rules', …]);
 *   await expectNothingStored(page, ['forwarding-rules', …], { allowedLocalStorageKeys: [storageKey(MAIN_ARTICLE_PATH)] });
 */
import type { Page, Request } from '@playwright/test';
import { expect } from '@playwright/test';
import { networkSettled } from '../../../bench/lib/network.mjs';

export interface StoredState {
  localStorage: Record<string, string>;
  sessionStorage: Record<string, string>;
  cookies: string[];
  indexedDB: string[];
  caches: string[];
}

/** Everything the page's origin has stored, as text. */
async function storedState(page: Page): Promise<StoredState> {
  const inPage = await page.evaluate(async () => {
    const dump = (storage: Storage) =>
      Object.fromEntries(Object.keys(storage).map((key) => [key, storage.getItem(key) ?? '']));
    const indexed: string[] = [];
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const store of db.objectStoreNames) {
        const all = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        indexed.push(`${name}/${store}: ${JSON.stringify(all)}`);
      }
      // A database with no stores still tells that someone was here.
      if (db.objectStoreNames.length === 0) indexed.push(`${name}: (empty)`);
      db.close();
    }
    const cached: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys())
        cached.push(`${name}: ${request.url} ${await (await cache.match(request))?.text()}`);
    }
    return {
      localStorage: dump(localStorage),
      sessionStorage: dump(sessionStorage),
      indexedDB: indexed,
      caches: cached,
      documentCookie: document.cookie,
    };
  });
  const cookies = (await page.context().cookies()).map((cookie) => `${cookie.name}=${cookie.value}`);
  if (inPage.documentCookie) cookies.push(inPage.documentCookie);
  return {
    localStorage: inPage.localStorage,
    sessionStorage: inPage.sessionStorage,
    cookies,
    indexedDB: inPage.indexedDB,
    caches: inPage.caches,
  };
}

/**
 * Asserts that the browser holds nothing at all in any store (localStorage
 * keys named in `allowedLocalStorageKeys` aside, such as a checklist's own
 * saved progress), and that even those hold none of the `answers`.
 */
export async function expectNothingStored(
  page: Page,
  answers: string[],
  options: { allowedLocalStorageKeys?: string[] } = {},
) {
  const state = await storedState(page);
  const allowed = new Set(options.allowedLocalStorageKeys ?? []);
  const kept = Object.fromEntries(Object.entries(state.localStorage).filter(([key]) => allowed.has(key)));
  const stray = {
    ...state,
    localStorage: Object.fromEntries(Object.entries(state.localStorage).filter(([key]) => !allowed.has(key))),
  };
  expect(stray, 'storage written by the page').toEqual({
    localStorage: {},
    sessionStorage: {},
    cookies: [],
    indexedDB: [],
    caches: [],
  });
  for (const [key, value] of Object.entries(kept)) {
    for (const answer of answers) expect(value, `localStorage ${key}`).not.toContain(answer);
  }
}

export interface OutgoingRequest {
  method: string;
  url: string;
  type: string;
  body: string;
  headers: Promise<Record<string, string>>;
}

/** Starts recording every request the page makes (and every WebSocket it opens). Call before page.goto. */
export function watchRequests(page: Page): OutgoingRequest[] {
  const outgoing: OutgoingRequest[] = [];
  const record = (request: Request) =>
    outgoing.push({
      method: request.method(),
      url: request.url(),
      type: request.resourceType(),
      body: request.postData() ?? '',
      headers: request.allHeaders().catch(() => ({})),
    });
  page.on('request', record);
  page.on('websocket', (socket) =>
    outgoing.push({
      method: 'WEBSOCKET',
      url: socket.url(),
      type: 'websocket',
      body: '',
      headers: Promise.resolve({}),
    }),
  );
  return outgoing;
}

/**
 * Runs the page's timers a minute ahead (page.clock must be installed before
 * page.goto, and the page opened at an address free of the answers), then asserts that every request since `watchRequests` was a GET
 * to the page's own origin and that no address, body or header carried any of
 * the `answers`.
 */
export async function expectNothingLeaves(page: Page, outgoing: OutgoingRequest[], answers: string[]) {
  await page.clock.runFor(60_000);
  // Requests started by those timers are reported asynchronously: wait until each has been answered.
  await networkSettled(page);
  const origin = new URL(page.url()).origin;
  const problems: string[] = [];
  for (const request of outgoing) {
    const where = `${request.method} ${request.url}`;
    if (request.method !== 'GET') problems.push(`${where}: not a GET (${request.type})`);
    if (!request.url.startsWith(`${origin}/`)) problems.push(`${where}: another origin`);
    const headers = Object.entries(await request.headers).map(([name, value]) => `${name}: ${value}`);
    for (const answer of answers) {
      if (request.url.includes(answer)) problems.push(`${where}: the address carries "${answer}"`);
      if (request.body.includes(answer)) problems.push(`${where}: the body carries "${answer}"`);
      const header = headers.find((line) => line.includes(answer) && !line.startsWith(':'));
      if (header) problems.push(`${where}: a header carries "${answer}" (${header})`);
    }
  }
  expect(problems, 'requests that left the page').toEqual([]);
}
