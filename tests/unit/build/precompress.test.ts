/**
 * scripts/precompress.mjs: a brotli copy beside each text file and each of Pagefind's gzipped files, holding what
 * the browser must end up with (for Pagefind's files, the unpacked bytes with their signature).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompress } from '../../../scripts/precompress.mjs';

const page = `<!doctype html><title>A page</title>${'<p>Change your password first.</p>'.repeat(40)}`;
/** What Pagefind stores: gzip of its signature and the data. */
const unpackedIndex = Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from('forwarding rules '.repeat(200))]);

let site: string;
let written: number;
beforeAll(async () => {
  site = mkdtempSync(join(tmpdir(), 'precompress-'));
  mkdirSync(join(site, 'docs', 'a'), { recursive: true });
  mkdirSync(join(site, 'pagefind', 'index'), { recursive: true });
  writeFileSync(join(site, 'docs', 'a', 'index.html'), page);
  writeFileSync(join(site, 'tiny.css'), 'a{color:red}');
  // Left by an earlier build, when the file was larger.
  writeFileSync(join(site, 'tiny.css.br'), 'an old copy');
  writeFileSync(join(site, 'photo.png'), Buffer.alloc(4096, 7));
  writeFileSync(join(site, 'pagefind', 'index', 'en_1.pf_index'), gzipSync(unpackedIndex));
  written = await precompress(site);
});
afterAll(() => rmSync(site, { recursive: true, force: true }));

const unpack = (path: string) => brotliDecompressSync(readFileSync(join(site, `${path}.br`)));

describe('precompress', () => {
  it('copies text as it is, smaller', () => {
    expect(unpack('docs/a/index.html').toString()).toBe(page);
    expect(readFileSync(join(site, 'docs/a/index.html.br')).length).toBeLessThan(gzipSync(page).length);
  });

  it('copies a Pagefind file unpacked, so Pagefind finds its signature once the browser decodes it', () => {
    expect(unpack('pagefind/index/en_1.pf_index')).toEqual(unpackedIndex);
  });

  it('leaves out files too small to gain (removing an older copy) and files that are not text', () => {
    expect(existsSync(join(site, 'tiny.css.br'))).toBe(false);
    expect(existsSync(join(site, 'photo.png.br'))).toBe(false);
    expect(written).toBe(2);
  });

  it('leaves no partly written file behind', () => {
    const names = readdirSync(site, { recursive: true, encoding: 'utf8' });
    expect(names.filter((name) => name.endsWith('.partial'))).toEqual([]);
  });
});
