/**
 * After the index is written: let the search page start downloading what its first query needs while the HTML is
 * still being read, instead of one request after another once its script runs. Pagefind's files are named at index
 * time, so the built search page gets the names: `<link rel="preload">` for Pagefind's entry file, its metadata,
 * its WebAssembly, the product filter (the ranking's prior reads it on every query) and a small index's main chunk, and
 * `modulepreload` for the modules the page script imports. The page script runs Pagefind on the main thread
 * (`noWorker`) so that its fetches are the ones preloaded; a worker would fetch them a second time.
 *
 * The entry file is asked for as `pagefind-entry.json?ts=<metaCacheTag>`: the tag is the index's hash, written into
 * the page's `data-index-version` for the script to pass as `metaCacheTag`, so the preloaded URL is the one fetched,
 * and a new index (a new hash) is never read from an old cached entry file.
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';

/** The filters a first query reads before any result: the product prior (src/lib/search/ranking.ts). */
const FILTERS_READ_FIRST = ['product'];
/**
 * A small index (the site alone: two chunks, 25 KB) has its main chunk preloaded with the rest: the page opens
 * Pagefind as soon as it loads, and waiting for the search to ask for that chunk costs a round trip on a ticket
 * link's critical path. Pagefind cuts its sorted words into chunks, so a query needs a chunk about as often as the
 * chunk holds words: one with at least half of the index is needed by nearly every query (the site's 20 KB chunk: by
 * 66 of the 66 test queries), a small one far less often (its 5 KB chunk: by 29) and is left for Pagefind to fetch
 * when a word needs it. A larger index (the knowledge base) is left to Pagefind chunk by chunk.
 */
const PRELOAD_INDEX_UP_TO = 48 * 1024;
const PRELOAD_CHUNK_SHARE = 0.5;
const PAGEFIND_PRELOAD = '<link rel="modulepreload" href="/pagefind/pagefind.js">';
const PRELOADS_AROUND_PAGEFIND =
  /(?:<link rel="(?:module)?preload"[^>]*>)*<link rel="modulepreload" href="\/pagefind\/pagefind\.js">(?:<link rel="(?:module)?preload"[^>]*>)*/;
const INDEX_VERSION = /data-index-version="[^"]*"/;

/** A filter chunk is gzip: Pagefind's 12-byte signature, then CBOR `[name, values]`; the name is a short text. */
function filterName(file) {
  const cbor = gunzipSync(readFileSync(file)).subarray(12);
  const head = cbor[1];
  const [length, start] = head < 0x78 ? [head - 0x60, 2] : [cbor[2], 3];
  return cbor.subarray(start, start + length).toString('utf8');
}

/** The modules a built script imports statically (`import … from "./x.js"` / `import "./x.js"`), as URLs. */
function staticImports(site, scriptUrl) {
  const code = readFileSync(join(site, scriptUrl), 'utf8');
  const directory = scriptUrl.slice(0, scriptUrl.lastIndexOf('/') + 1);
  return [...code.matchAll(/\bimport\s*(?:[\w$*{}\s,]+from\s*)?["']\.\/([^"']+)["']/g)].map(
    (match) => `${directory}${match[1]}`,
  );
}

export function writeSearchPreloads(site) {
  const pagefind = join(site, 'pagefind');
  const searchPage = join(site, 'search', 'index.html');
  const html = readFileSync(searchPage, 'utf8');
  const entry = JSON.parse(readFileSync(join(pagefind, 'pagefind-entry.json'), 'utf8'));
  const lang = html.match(/<html[^>]*\blang="([^"]+)"/)?.[1]?.toLowerCase() ?? 'unknown';
  // Pagefind picks the page's language, or the index with the most pages (as its findIndex does).
  const index = entry.languages[lang] ?? Object.values(entry.languages).sort((a, b) => b.page_count - a.page_count)[0];
  if (!index) throw new Error(`${pagefind}: no language index in pagefind-entry.json`);
  const language = index.hash.split('_')[0];
  // Pagefind's own files of this language: an index rebuilt over the same site finds the last build's brotli copies.
  const filesOf = (folder, extension) =>
    readdirSync(join(pagefind, folder)).filter((name) => name.startsWith(`${language}_`) && name.endsWith(extension));
  const filters = filesOf('filter', '.pf_filter').filter((name) =>
    FILTERS_READ_FIRST.includes(filterName(join(pagefind, 'filter', name))),
  );
  const chunks = filesOf('index', '.pf_index').map((name) => ({
    name,
    bytes: statSync(join(pagefind, 'index', name)).size,
  }));
  const indexBytes = chunks.reduce((total, chunk) => total + chunk.bytes, 0);
  const preloadedChunks =
    indexBytes <= PRELOAD_INDEX_UP_TO ? chunks.filter((chunk) => chunk.bytes >= indexBytes * PRELOAD_CHUNK_SHARE) : [];
  const fetched = [
    `/pagefind/pagefind-entry.json?ts=${index.hash}`,
    `/pagefind/pagefind.${index.hash}.pf_meta`,
    `/pagefind/wasm.${index.wasm ?? 'unknown'}.pagefind`,
    ...filters.map((name) => `/pagefind/filter/${name}`),
    ...preloadedChunks.map((chunk) => `/pagefind/index/${chunk.name}`),
  ];
  const pageScript = html.match(/<script type="module" src="(\/_astro\/search\.astro[^"]+)"/)?.[1];
  if (!pageScript) throw new Error(`${searchPage}: no search page script to preload the imports of`);
  // The page script first: it starts the search, so it must not queue behind Pagefind's files (HTTP/1.1 hosts
  // open six connections at a time).
  const preloads = [
    ...[pageScript, ...staticImports(site, pageScript)].map((url) => `<link rel="modulepreload" href="${url}">`),
    PAGEFIND_PRELOAD,
    ...fetched.map((url) => `<link rel="preload" href="${url}" as="fetch" crossorigin>`),
  ].join('');
  if (!html.includes(PAGEFIND_PRELOAD)) throw new Error(`${searchPage} has no ${PAGEFIND_PRELOAD} to replace`);
  if (!INDEX_VERSION.test(html)) throw new Error(`${searchPage} has no data-index-version to fill`);
  // The links around Pagefind's are replaced as a whole, so a second run over the same site writes the same page.
  writeFileSync(
    searchPage,
    html.replace(PRELOADS_AROUND_PAGEFIND, preloads).replace(INDEX_VERSION, `data-index-version="${index.hash}"`),
  );
}
