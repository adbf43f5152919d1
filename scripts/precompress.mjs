/**
 * Brotli copies of the built site's files, written beside them (`page.html.br`), the way nginx's `brotli_static`
 * and Caddy's `precompressed` serve a static site: compressed once at build time at brotli's best quality, which no
 * host can afford per request, and 10–17 % smaller than gzip. scripts/serve.mjs sends them to browsers that take
 * brotli; hosts that compress on their own (Netlify, Cloudflare Pages) ignore them.
 *
 * Pagefind stores its index, fragments, filters, metadata and WebAssembly gzipped, each beginning (once unpacked)
 * with a signature that tells Pagefind it is already unpacked: their brotli copy is of the unpacked bytes, so the
 * browser unpacks them natively and Pagefind finds the signature.
 */
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gunzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const unzip = promisify(gunzip);

/** Text, which hosts compress (scripts/serve.mjs gzips it when there is no copy). */
export const TEXT_EXTENSIONS = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.xml', '.txt']);
/** Pagefind's files, stored gzipped. */
const PAGEFIND_GZIPPED = new Set(['.pf_meta', '.pf_index', '.pf_filter', '.pf_fragment', '.pagefind']);
/** Smaller than this, a file fits in one packet either way: no copy, and the server sends it as before. */
const MIN_BYTES = 256;

export const BROTLI_SUFFIX = '.br';

async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (TEXT_EXTENSIONS.has(extname(entry.name)) || PAGEFIND_GZIPPED.has(extname(entry.name))) yield path;
  }
}

async function writeBrotliCopy(path) {
  const copy = `${path}${BROTLI_SUFFIX}`;
  const stored = await readFile(path);
  const pagefindFile = PAGEFIND_GZIPPED.has(extname(path));
  const raw = pagefindFile
    ? await unzip(stored).catch((error) => {
        throw new Error(`${path}: not the gzip Pagefind writes (${error.message})`);
      })
    : stored;
  const compressed =
    raw.length < MIN_BYTES
      ? null
      : await brotli(raw, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
        });
  // A Pagefind file whose copy is no smaller than its gzip is sent as it is stored. A copy left from an earlier
  // build of this folder would stand in for the new file: it goes.
  if (compressed === null || (pagefindFile && compressed.length >= stored.length)) {
    await rm(copy, { force: true });
    return 0;
  }
  // Written aside and renamed, so that a build stopped halfway never leaves a cut copy under the served name.
  await writeFile(`${copy}.partial`, compressed);
  await rename(`${copy}.partial`, copy);
  return 1;
}

/** Writes a `.br` copy of every text and Pagefind file under `site`; returns how many. */
export async function precompress(site) {
  const queue = [];
  for await (const path of files(site)) queue.push(path);
  let written = 0;
  // Compression runs on libuv's thread pool: a few at a time keep every core busy without queueing thousands.
  const workers = Array.from({ length: availableParallelism() * 2 }, async () => {
    for (let path = queue.pop(); path !== undefined; path = queue.pop()) {
      const wrote = await writeBrotliCopy(path);
      written += wrote;
    }
  });
  await Promise.all(workers);
  return written;
}
