/**
 * The breach check against a real HTTP server on 127.0.0.1 with the real
 * fetch: what the request carries, hits, misses, padding and failures.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkBreach, countInRange, sha1Hex } from '../../../src/lib/password/breach';

const BREACHED = 'Password123!';
const NOT_BREACHED = 'a passphrase nobody has used before 7k';
const PADDED_ONLY = 'padding-only entry';

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex').toUpperCase();

interface Seen {
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

let server: Server;
let endpoint: string;
let seen: Seen[] = [];
let status = 200;

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      seen.push({ url: request.url ?? '', headers: request.headers, body });
      const prefix = (request.url ?? '').split('/').at(-1) ?? '';
      const lines = ['0018A45C4D1DEF81644B54AB7F969B88D65:1', '00D4F6E8FA6EECAD2A3AA415EEC418D38EC:0'];
      if (sha1(BREACHED).startsWith(prefix)) lines.push(`${sha1(BREACHED).slice(5)}:52256`);
      // A padding entry: the hash is listed, but with count 0, so it must not count as a hit.
      if (sha1(PADDED_ONLY).startsWith(prefix)) lines.push(`${sha1(PADDED_ONLY).slice(5)}:0`);
      response.writeHead(status, { 'Content-Type': 'text/plain' });
      response.end(lines.join('\r\n'));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/range/`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  seen = [];
  status = 200;
});

describe('the request', () => {
  it('carries only the 5-character prefix and the padding header', async () => {
    await checkBreach(BREACHED, endpoint);
    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(request!.url).toBe(`/range/${sha1(BREACHED).slice(0, 5)}`);
    expect(request!.headers['add-padding']).toBe('true');
    expect(request!.body).toBe('');
    const everything = JSON.stringify(request);
    expect(everything).not.toContain(BREACHED);
    expect(everything).not.toContain(sha1(BREACHED).slice(5));
    expect(request!.headers.referer).toBeUndefined();
    expect(request!.headers.cookie).toBeUndefined();
  });
});

describe('the answer', () => {
  it('reports a hit with its count', async () => {
    expect(await checkBreach(BREACHED, endpoint)).toEqual({ status: 'found', count: 52256 });
  });

  it('reports a miss', async () => {
    expect(await checkBreach(NOT_BREACHED, endpoint)).toEqual({ status: 'not-found' });
  });

  it('ignores padded entries with count 0', async () => {
    expect(await checkBreach(PADDED_ONLY, endpoint)).toEqual({ status: 'not-found' });
  });

  it('says plainly when the service fails', async () => {
    status = 503;
    const result = await checkBreach(BREACHED, endpoint);
    expect(result.status).toBe('error');
    expect(result).toMatchObject({ message: expect.stringContaining('503') });
  });

  it('says plainly when the service cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const result = await checkBreach(BREACHED, `http://127.0.0.1:${port}/range/`);
    expect(result).toMatchObject({ status: 'error', message: expect.stringContaining('offline') });
  });
});

describe('hashing and parsing', () => {
  it('computes the SHA-1 with crypto.subtle, upper-case hex', async () => {
    expect(await sha1Hex(BREACHED)).toBe(sha1(BREACHED));
    expect(await sha1Hex('\u00e9t\u00e9 \u{1F510}')).toBe(sha1('\u00e9t\u00e9 \u{1F510}'));
  });

  it('finds a suffix in any case and with CRLF line ends', () => {
    expect(countInRange('AAA:3\r\nbbb:7\r\n', 'BBB')).toBe(7);
    expect(countInRange('AAA:3', 'CCC')).toBe(0);
    expect(countInRange('AAA:0', 'AAA')).toBe(0);
    expect(countInRange('AAA:junk', 'AAA')).toBe(0);
  });
});
