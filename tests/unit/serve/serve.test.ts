/**
 * scripts/serve.mjs against hostile requests, over raw sockets so that request
 * lines no HTTP client would send reach it as written. A tiny site in a
 * temporary folder stands in for dist/, with a secret file beside it.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../../scripts/serve.mjs';

const SERVE = join(import.meta.dirname, '../../../scripts/serve.mjs');
const SECRET = 'secret-outside-the-site';
let base: string;
let server: Server;
let port: number;

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'serve-test-'));
  const site = join(base, 'site');
  mkdirSync(join(site, 'search'), { recursive: true });
  writeFileSync(join(base, 'secret.txt'), SECRET);
  writeFileSync(join(site, 'index.html'), '<h1>home</h1>');
  writeFileSync(join(site, '404.html'), '<h1>not found</h1>');
  writeFileSync(join(site, 'search', 'index.html'), '<h1>search</h1>');
  writeFileSync(join(site, '_headers'), '/*\n  X-Frame-Options: DENY\n');
  server = await startServer({ port: 0, host: '127.0.0.1', dir: site });
  port = (server.address() as AddressInfo).port;
});
afterAll(() => {
  server.close();
  rmSync(base, { recursive: true, force: true });
});

/** Sends bytes as they are and returns everything the server answers before closing. */
function raw(request: string | Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
    // Written, not ended: a half-closed socket may be dropped before the answer.
    socket.setTimeout(3000, () => socket.destroy());
    socket.write(request);
  });
}

const get = (target: string) => raw(`GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
const statusOf = (answer: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);

describe('hostile requests get an answer and the server keeps serving', () => {
  it.each([
    ['a target no URL parser accepts', 'GET //[ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', [400, 404]],
    ['broken percent-encoding', 'GET /% HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', [400]],
    ['a NUL byte, encoded', 'GET /%00 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', [400]],
    ['an asterisk target', 'GET * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', [400]],
    ['an absolute URL target', 'GET http://evil.example/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', [400]],
    ['a request line that is not HTTP', 'GARBAGE\r\n\r\n', [400]],
    ['spaces in the target', 'GET /a b c HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', [400]],
    ['binary junk', Buffer.from([0, 255, 13, 10, 1, 2, 3, 13, 10, 13, 10]), [400]],
    ['a 100 KB path', `GET /${'a'.repeat(100_000)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`, [400, 414, 431]],
    ['a path of 5,000 segments', `GET ${'/a'.repeat(5000)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`, [404]],
    ['an unknown method', 'BREW / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', [400, 405]],
    ['a POST', 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n', [405]],
  ])('%s', async (_name, request, statuses) => {
    const answer = await raw(request);
    expect(statuses, answer.slice(0, 200)).toContain(statusOf(answer));
    expect(statusOf(await get('/'))).toBe(200);
  });

  it('the curl request that used to stop it: //[', async () => {
    const answer = await get('//[');
    expect(statusOf(answer)).toBeGreaterThanOrEqual(400);
    expect(statusOf(await get('/'))).toBe(200);
  });
});

describe('only the site is served', () => {
  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/..%2fsecret.txt',
    '/search/..%2f..%2fsecret.txt',
    '/%2e%2e%5csecret.txt',
    '/.%2e/.%2e/secret.txt',
    '//..//..//secret.txt',
  ])('encoded traversal %s reaches nothing outside the folder', async (target) => {
    const answer = await get(target);
    expect(answer).not.toContain(SECRET);
    expect([400, 404]).toContain(statusOf(answer));
  });

  it('does not serve the host configuration file _headers, but applies it', async () => {
    for (const target of ['/_headers', '/%5Fheaders', '/search/../_headers']) {
      const answer = await get(target);
      expect(statusOf(answer), target).toBe(404);
      expect(answer, target).not.toContain('X-Frame-Options: DENY\n');
    }
    expect(await get('/')).toMatch(/\r\nX-Frame-Options: DENY\r\n/i);
  });

  it('redirects a directory without its slash to a path on this host, never to another one', async () => {
    for (const target of ['/search', '//search', '///search?q=a']) {
      const location = /\r\nLocation: ([^\r]*)/i.exec(await get(target))?.[1];
      expect(location, target).toMatch(/^\/search\/(\?q=a)?$/);
    }
  });
});

/** Runs the CLI until its first line of output (or its exit), then stops it. */
function cli(args: string[]): Promise<{ out: string; err: string; code: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SERVE, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) setTimeout(() => child.kill(), 200);
    });
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('exit', (code) => resolve({ out, err, code }));
    setTimeout(() => child.kill(), 10_000);
  });
}

// Each test starts Node: on a loaded machine that alone can take seconds.
describe('the command line', { timeout: 30_000 }, () => {
  it('a busy port: one line that says so and how to pick another, exit 1, no stack trace', async () => {
    const { err, code, out } = await cli(['--port', String(port), '--dir', join(base, 'site')]);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toContain(`port ${port} is already in use`);
    expect(err).toMatch(/--port \d+/);
  });

  it('prints the address it really listens on', async () => {
    const { out } = await cli(['--port', '0', '--host', '127.0.0.1', '--dir', join(base, 'site')]);
    const url = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
    expect(url, out).not.toBeNull();
    expect(Number(url![1])).toBeGreaterThan(0);
    expect(out).not.toContain('localhost');
  });

  it('--help documents --port and --host', async () => {
    const { out } = await cli(['--help']);
    expect(out).toContain('--port');
    expect(out).toContain('--host');
  });
});
