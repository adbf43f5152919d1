/**
 * scripts/serve.mjs: every reply carries the security headers of `_headers`'
 * `/*` block (redirects and errors too, CONNECT included), and text is
 * gzipped once per file version, not on every request; the build's brotli
 * copies go to the clients that take brotli.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptsEncoding, createGzipCache, startServer } from '../../../scripts/serve.mjs';

const SECURITY = {
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "frame-ancestors 'none'",
};
const HEADERS_FILE = [
  '/*',
  ...Object.entries(SECURITY).map(([name, value]) => `  ${name}: ${value}`),
  '/_astro/*',
  '  Cache-Control: public, max-age=31536000, immutable',
  '',
].join('\n');

let base: string;
let site: string;
let server: Server;
let port: number;

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'serve-replies-'));
  site = join(base, 'site');
  mkdirSync(join(site, 'search'), { recursive: true });
  writeFileSync(join(site, 'index.html'), '<h1>home</h1>');
  writeFileSync(join(site, '404.html'), '<h1>not found</h1>');
  writeFileSync(join(site, 'search', 'index.html'), '<h1>search</h1>');
  writeFileSync(join(site, '_headers'), HEADERS_FILE);
  server = await startServer({ port: 0, host: '127.0.0.1', dir: site });
  port = (server.address() as AddressInfo).port;
});
afterAll(() => {
  server.close();
  rmSync(base, { recursive: true, force: true });
});

/** Sends bytes as they are; resolves with everything answered before the server closes (or 3 s pass). */
function raw(request: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks)));
    socket.setTimeout(3000, () => socket.destroy());
    socket.write(request);
  });
}

interface Reply {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

function parse(answer: Buffer): Reply {
  const end = answer.indexOf('\r\n\r\n');
  const [statusLine = '', ...lines] = answer.subarray(0, end).toString('latin1').split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: Number(statusLine.split(' ')[1]), headers, body: answer.subarray(end + 4) };
}

const get = async (target: string, extra = '') =>
  parse(await raw(`GET ${target} HTTP/1.1\r\nHost: x\r\n${extra}Connection: close\r\n\r\n`));

describe('every reply carries the security headers', () => {
  it.each([
    ['200, a page', () => get('/'), 200],
    ['304, not modified', async () => get('/', `If-None-Match: ${(await get('/')).headers.etag}\r\n`), 304],
    ['404, a missing page', () => get('/missing/'), 404],
    ['301, a directory without its slash', () => get('/search'), 301],
    ['400, broken percent-encoding', () => get('/%'), 400],
    [
      '405, a POST',
      async () => parse(await raw('POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n')),
      405,
    ],
    ['400, a request line that is not HTTP', async () => parse(await raw('GARBAGE\r\n\r\n')), 400],
    ['431, headers over the limit', () => get('/', `X-Big: ${'a'.repeat(40_000)}\r\n`), 431],
    [
      '405, CONNECT',
      async () => parse(await raw('CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\n\r\n')),
      405,
    ],
  ])('%s', async (_name, send, status) => {
    const reply = await send();
    expect(reply.status).toBe(status);
    for (const [name, value] of Object.entries(SECURITY)) expect(reply.headers[name.toLowerCase()], name).toBe(value);
  });

  it('CONNECT is refused in words, with the methods that are allowed, and the server keeps serving', async () => {
    const reply = parse(await raw('CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: 127.0.0.1:22\r\n\r\n'));
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe('GET, HEAD');
    expect(reply.body.toString()).toBe('Method not allowed\n');
    expect((await get('/')).status).toBe(200);
  });

  it('the 404 page keeps its own rules, not those of the missing path', async () => {
    const reply = await get('/_astro/missing.js');
    expect(reply.status).toBe(404);
    expect(reply.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
  });

  it('the rules of other paths stay on their paths', async () => {
    expect((await get('/')).headers['cache-control']).toBe('public, max-age=0, must-revalidate');
    expect((await get('/search')).headers['cache-control']).toBeUndefined();
  });
});

describe('gzip through the server', () => {
  it('serves what the file holds now, after it changed, and only to clients that take gzip', async () => {
    const file = join(site, 'app.js');
    writeFileSync(file, 'let first = 1;\n'.repeat(500));
    const first = await get('/app.js', 'Accept-Encoding: gzip\r\n');
    expect(first.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(first.body).toString()).toBe('let first = 1;\n'.repeat(500));
    // Same size, a later mtime: a cache keyed by size alone would serve the old text.
    writeFileSync(file, 'let other = 2;\n'.repeat(500));
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const second = await get('/app.js', 'Accept-Encoding: gzip\r\n');
    expect(gunzipSync(second.body).toString()).toBe('let other = 2;\n'.repeat(500));
    const plain = await get('/app.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe('let other = 2;\n'.repeat(500));
  });
});

describe('brotli copies through the server', () => {
  const text = 'let copy = 1;\n'.repeat(400);
  const take = (codings: string) => `Accept-Encoding: ${codings}\r\n`;

  it('sends the copy to clients that take brotli, gzip to the others, and says it varies', async () => {
    writeFileSync(join(site, 'copied.js'), text);
    writeFileSync(join(site, 'copied.js.br'), brotliCompressSync(text));
    const brotli = await get('/copied.js', take('gzip, deflate, br, zstd'));
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers.vary).toBe('Accept-Encoding');
    expect(brotli.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(brotliDecompressSync(brotli.body).toString()).toBe(text);
    const gzip = await get('/copied.js', take('gzip;q=1, br;q=0'));
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers.vary).toBe('Accept-Encoding');
    expect(gunzipSync(gzip.body).toString()).toBe(text);
  });

  it('gives each encoding its own validator, and says on a 304 too that the answer varies', async () => {
    writeFileSync(join(site, 'valid.js'), text);
    writeFileSync(join(site, 'valid.js.br'), brotliCompressSync(text));
    const brotli = await get('/valid.js', take('br, gzip'));
    const gzip = await get('/valid.js', take('gzip'));
    expect(brotli.headers.etag).not.toBe(gzip.headers.etag);
    const revalidated = await get('/valid.js', `${take('br')}If-None-Match: ${brotli.headers.etag}\r\n`);
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.vary).toBe('Accept-Encoding');
    // A gzip client holding the brotli validator gets a body it can read, not a 304.
    const switched = await get('/valid.js', `${take('gzip')}If-None-Match: ${brotli.headers.etag}\r\n`);
    expect(switched.status).toBe(200);
    expect(gunzipSync(switched.body).toString()).toBe(text);
  });

  it('never serves a copy under its own name', async () => {
    writeFileSync(join(site, 'named.js'), text);
    writeFileSync(join(site, 'named.js.br'), brotliCompressSync(text));
    const reply = await get('/named.js.br', take('br, gzip'));
    expect(reply.status).toBe(404);
    expect(gunzipSync(reply.body).toString()).toContain('not found');
  });

  it('ignores a copy older than its file (the file was rebuilt after it)', async () => {
    writeFileSync(join(site, 'stale.js'), 'old;\n'.repeat(400));
    writeFileSync(join(site, 'stale.js.br'), brotliCompressSync('old;\n'.repeat(400)));
    writeFileSync(join(site, 'stale.js'), 'new;\n'.repeat(400));
    utimesSync(join(site, 'stale.js'), new Date(), new Date(Date.now() + 5000));
    const reply = await get('/stale.js', take('br, gzip'));
    expect(reply.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(reply.body).toString()).toBe('new;\n'.repeat(400));
  });
});

describe('acceptsEncoding', () => {
  const offered = (value?: string) => ({ headers: value === undefined ? {} : { 'accept-encoding': value } });
  it.each([
    ['gzip, deflate, br, zstd', 'br', true],
    ['GZIP;q=0.5', 'gzip', true],
    ['br;q=0', 'br', false],
    ['br; q=0.000', 'br', false],
    ['br;q=0.1', 'br', true],
    ['brotli, xbr', 'br', false],
    ['', 'br', false],
    [undefined, 'gzip', false],
  ])('%j takes %s: %s', (value, coding, expected) => {
    expect(acceptsEncoding(offered(value), coding)).toBe(expected);
  });
});

describe('createGzipCache', () => {
  /** The real gzip, counted. */
  function countingGzip() {
    const counter = { calls: 0, compress: async (raw: Buffer) => ((counter.calls += 1), gzipSync(raw)) };
    return counter;
  }
  const text =
    (label: string, size = 10_000) =>
    async () =>
      Buffer.from(label.repeat(size / label.length));

  it('40 requests arriving together for one file compress it once', async () => {
    const gzip = countingGzip();
    const cache = createGzipCache({ compress: gzip.compress });
    const bodies = await Promise.all(Array.from({ length: 40 }, () => cache.get('/a.js', 'v1', text('a'))));
    expect(gzip.calls).toBe(1);
    for (const body of bodies) expect(gunzipSync(body).toString()).toBe('a'.repeat(10_000));
    await cache.get('/a.js', 'v1', text('a'));
    expect(gzip.calls).toBe(1);
  });

  it('compresses again when the file changed (another size or mtime)', async () => {
    const gzip = countingGzip();
    const cache = createGzipCache({ compress: gzip.compress });
    await cache.get('/a.js', '100-1', text('a'));
    const body = await cache.get('/a.js', '100-2', text('b'));
    expect(gzip.calls).toBe(2);
    expect(gunzipSync(body).toString()).toBe('b'.repeat(10_000));
  });

  it('holds at most maxBytes, dropping the least recently used first', async () => {
    const gzip = countingGzip();
    const one = gzipSync(Buffer.from('x'.repeat(10_000))).length;
    const cache = createGzipCache({ maxBytes: one * 2, compress: gzip.compress });
    await cache.get('/a.js', 'v', text('x'));
    await cache.get('/b.js', 'v', text('x'));
    await cache.get('/a.js', 'v', text('x')); // a is now the most recently used
    await cache.get('/c.js', 'v', text('x')); // evicts b
    expect(cache.size).toBeLessThanOrEqual(one * 2);
    expect(gzip.calls).toBe(3);
    await cache.get('/a.js', 'v', text('x'));
    expect(gzip.calls).toBe(3);
    await cache.get('/b.js', 'v', text('x'));
    expect(gzip.calls).toBe(4);
  });

  it('does not keep a failure: the next request tries again', async () => {
    const cache = createGzipCache();
    const unreadable = () => Promise.reject(new Error('EACCES'));
    await expect(cache.get('/a.js', 'v', unreadable)).rejects.toThrow('EACCES');
    expect(gunzipSync(await cache.get('/a.js', 'v', text('a'))).toString()).toBe('a'.repeat(10_000));
  });
});
