/**
 * The search index: Pagefind over the built site (`node scripts/index-search.mjs [dist]`), plus one record per
 * section of each maintained article (src/lib/search/section-records.ts), so that a question about one step ranks
 * that step on its own text, not diluted by the long page around it. The search page merges a page's records into
 * one result, its best section first. Maintained articles are the pages with a `role` filter (their front matter's
 * appliesTo); imported articles are indexed as pages only.
 *
 * The search page must know, before it loads any fragment, which records are one page: the index writes that into
 * the built search page's `data-section-records` (record id=URL, space-separated, for each maintained page and
 * section record), so merging costs no request.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, relative, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { pageRecords } from '../src/lib/search/section-records.ts';
import { writeSearchPreloads } from './search-preloads.mjs';
import { precompress } from './precompress.mjs';

const site = process.argv[2] ?? 'dist';
const MAINTAINED = 'data-pagefind-filter="role[content]"';

function* htmlFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(path);
    else if (entry.name.endsWith('.html')) yield path;
  }
}

/** Stops the build on any error Pagefind reports (it answers with a list rather than throwing). */
function check({ errors }, what) {
  if (errors.length > 0) throw new Error(`pagefind, ${what}: ${errors.join('; ')}`);
}

const { index, errors } = await pagefind.createIndex();
check({ errors }, 'create index');
let pages = 0;
let records = 0;
for (const file of htmlFiles(site)) {
  const html = readFileSync(file, 'utf8');
  const path = relative(site, file).split(sep).join('/');
  const url = `/${path.replace(/(^|\/)index\.html$/, '$1')}`;
  pages += 1;
  if (!html.includes(MAINTAINED)) {
    check(await index.addHTMLFile({ url, content: html }), url);
    continue;
  }
  for (const record of pageRecords(html, url)) {
    check(await index.addHTMLFile({ url: record.url, content: record.html }), record.url);
    records += 1;
  }
}
check(await index.writeFiles({ outputPath: join(site, 'pagefind') }), 'write');
await pagefind.close();
writeSectionRecordPlaces();
writeSearchPreloads(site);
// Last: the brotli copies must be of the files as finally written.
const compressed = await precompress(site);

/** Record ids (fragment names) and URLs of the maintained pages and their sections, into the search page. */
function writeSectionRecordPlaces() {
  const fragments = join(site, 'pagefind', 'fragment');
  const places = [];
  // Only the fragments: an index rebuilt over the same site finds the last build's brotli copies beside them.
  for (const name of readdirSync(fragments).filter((file) => file.endsWith('.pf_fragment'))) {
    // A fragment is gzip: a signature, then the record as JSON.
    const fragment = JSON.parse(
      gunzipSync(readFileSync(join(fragments, name)))
        .subarray(12)
        .toString('utf8'),
    );
    if (fragment.filters?.role) places.push(`${name.replace(/\.pf_fragment$/, '')}=${fragment.url}`);
  }
  const searchPage = join(site, 'search', 'index.html');
  const html = readFileSync(searchPage, 'utf8');
  // Empty as built; filled again when an index is rebuilt over the same site.
  const attribute = /data-section-records="[^"]*"/;
  if (!attribute.test(html)) throw new Error(`${searchPage} has no data-section-records to fill`);
  const value = places.sort().join(' ').replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  writeFileSync(searchPage, html.replace(attribute, `data-section-records="${value}"`));
}
console.log(
  `search index: ${pages} pages, the maintained articles as ${records} records of their sections, in ${site}/pagefind; ${compressed} files precompressed (brotli)`,
);
