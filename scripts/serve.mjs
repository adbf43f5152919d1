#!/usr/bin/env node
/**
 * Serves the built site (dist/) the way a static host would: gzip for text,
 * directory index files, the 404 page, ETags, and the headers (security and
 * caching) of public/_headers. Used by `npm start` and by the browser tests.
 * Every request gets an answer (400 for nonsense) and none stops the server.
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import { basename, extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';

const USAGE = `Serves the built site like a static host.

  node scripts/serve.mjs [--port 4321] [--host 127.0.0.1] [--dir dist]
  npm start -- --port 8080             (build, then serve)
  npm run serve -- --host 0.0.0.0      (serve dist/ to other devices on your network)

  --port  TCP port (default 4321; 0 picks a free one)
  --host  address to listen on (default 127.0.0.1: this machine only;
          0.0.0.0 or :: lets a phone on the same network reach it)
  --dir   folder to serve (default dist)`;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.xml', '.txt']);

/**
 * The rules of dist/_headers: a path pattern (`*` matches any run of
 * characters) and its headers. Later matching rules override earlier ones.
 */
async function readHeaderRules(root) {
  const text = await readFile(join(root, '_headers'), 'utf8').catch(() => '');
  const rules = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const literals = line
        .trim()
        .split('*')
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
      rules.push({ path: new RegExp(`^${literals.join('.*')}$`), headers: {} });
      continue;
    }
    const colon = line.indexOf(':');
    if (rules.length > 0 && colon > 0) rules.at(-1).headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return rules;
}

function headersFor(rules, pathname) {
  // What Netlify and Cloudflare Pages send when no rule sets caching: keep, but revalidate.
  const headers = { 'Cache-Control': 'public, max-age=0, must-revalidate' };
  for (const rule of rules) if (rule.path.test(pathname)) Object.assign(headers, rule.headers);
  return headers;
}

/** Files of the build that configure the host and are never served (as on Netlify and Cloudflare Pages). */
const HOST_FILES = new Set(['_headers', '_redirects']);

/**
 * The path of a request target, decoded, or null when it is not one a browser
 * sends: not origin-form (`*`, absolute URLs), `//[`-style targets no URL
 * parser accepts, broken percent-encoding, control characters (NUL included).
 */
export function requestPath(target) {
  if (typeof target !== 'string' || !target.startsWith('/')) return null;
  try {
    // Joined as text, so `//host/x` stays a path instead of becoming a host.
    const url = new URL(`http://site.invalid${target}`);
    const decoded = decodeURIComponent(url.pathname);
    if (/[\u0000-\u001f\u007f]/.test(decoded)) return null;
    return { pathname: url.pathname, decoded, search: url.search };
  } catch {
    return null;
  }
}

/** The file a decoded URL path names (or its directory's index.html), with its stat; null if none. */
async function resolveFile(root, decoded) {
  if (HOST_FILES.has(basename(decoded))) return null;
  const candidate = normalize(join(root, decoded));
  if (candidate !== root && !candidate.startsWith(root + sep)) return null;
  // A directory answers only with its trailing slash (`/search/`); without it, the caller redirects.
  const path = decoded.endsWith('/') ? join(candidate, 'index.html') : candidate;
  const info = await stat(path).catch(() => null);
  return info?.isFile() ? { path, info } : null;
}

function sendPlain(response, status, text, extra = {}) {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  response
    .writeHead(status, {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': Buffer.byteLength(text),
      ...extra,
    })
    .end(text);
}

async function respond(root, headerRules, request, response) {
  const target = requestPath(request.url);
  if (target === null) return sendPlain(response, 400, 'Bad request\n');
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return sendPlain(response, 405, 'Method not allowed\n', { Allow: 'GET, HEAD' });
  const { pathname, decoded, search } = target;
  const found = await resolveFile(root, decoded);
  if (found === null) {
    // Directory URLs without their trailing slash redirect, as static hosts do;
    // one leading slash only, so the Location can never name another host.
    if (!pathname.endsWith('/') && (await resolveFile(root, `${decoded}/`))) {
      response.writeHead(301, { Location: `/${pathname.replace(/^\/+/, '')}/${search}` }).end();
      return;
    }
  }
  const status = found ? 200 : 404;
  const path = found?.path ?? join(root, '404.html');
  const extension = extname(path);
  const headers = {
    ...headersFor(headerRules, pathname),
    'Content-Type': TYPES[extension] ?? 'application/octet-stream',
  };
  if (found) {
    headers.ETag = `W/"${found.info.size.toString(36)}-${Math.floor(found.info.mtimeMs).toString(36)}"`;
    if (request.headers['if-none-match'] === headers.ETag) {
      response.writeHead(304, headers).end();
      return;
    }
  }
  let body = await readFile(path).catch(() => (found ? null : Buffer.from('Not found\n')));
  if (body === null) return sendPlain(response, 500, 'Could not read the file\n');
  // A rule that names the encoding marks files stored compressed: sent as they are.
  if (
    !headers['Content-Encoding'] &&
    COMPRESSIBLE.has(extension) &&
    /\bgzip\b/.test(String(request.headers['accept-encoding']))
  ) {
    body = gzipSync(body);
    headers['Content-Encoding'] = 'gzip';
    headers.Vary = 'Accept-Encoding';
  }
  headers['Content-Length'] = String(body.length);
  response.writeHead(status, headers);
  response.end(request.method === 'HEAD' ? undefined : body);
}

/** Starts serving `dir`; rejects (EADDRINUSE, EACCES…) when it cannot listen. */
export async function startServer({ port = 4321, host = '127.0.0.1', dir = 'dist' } = {}) {
  const root = resolve(dir);
  const headerRules = await readHeaderRules(root);
  // Long URLs (hostile query strings in tests) must reach the page, as on a CDN.
  const server = createServer({ maxHeaderSize: 32 * 1024 }, (request, response) => {
    respond(root, headerRules, request, response).catch((error) => {
      console.error(`serve: ${request.method} ${String(request.url).slice(0, 200)}: ${error.message}`);
      sendPlain(response, 500, 'Internal server error\n');
    });
  });
  // Requests Node cannot parse (a malformed request line, headers over the limit) get their status, not a crash.
  server.on('clientError', (error, socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') return socket.destroy();
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });
  await new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
  return server;
}

/** The addresses a listening server can be reached at, as URLs. */
function reachableUrls({ address, port }) {
  const url = (ip) => `http://${ip.includes(':') ? `[${ip}]` : ip}:${port}/`;
  if (address !== '0.0.0.0' && address !== '::') return [url(address)];
  const ips = Object.values(networkInterfaces())
    .flat()
    .filter((info) => info && (address === '::' || info.family === 'IPv4'))
    .map((info) => info.address);
  return ips.map(url);
}

async function main() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string', default: '4321' },
        host: { type: 'string', default: '127.0.0.1' },
        dir: { type: 'string', default: 'dist' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    console.error(`serve: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65535) {
    console.error(`serve: --port must be a number from 0 to 65535, not "${values.port}".`);
    process.exit(2);
  }
  let server;
  try {
    server = await startServer({ port, host: values.host, dir: values.dir });
  } catch (error) {
    const where = `${values.host}:${port}`;
    const messages = {
      EADDRINUSE: `serve: port ${port} is already in use on ${values.host} (another server?). Pick another: npm start -- --port ${port + 1}  (or npm run serve -- --port ${port + 1})`,
      EACCES: `serve: not allowed to listen on ${where} (ports below 1024 need privileges). Pick another: --port 4321`,
      EADDRNOTAVAIL: `serve: ${values.host} is not an address of this machine. Use --host 127.0.0.1 (this machine) or --host 0.0.0.0 (every network).`,
      ENOTFOUND: `serve: cannot resolve --host ${values.host}. Use --host 127.0.0.1 or --host 0.0.0.0.`,
    };
    console.error(messages[error.code] ?? `serve: cannot listen on ${where}: ${error.message}`);
    process.exit(1);
  }
  const address = server.address();
  const urls = reachableUrls(address);
  console.log(`Serving ${values.dir}/ at ${urls.join(' and ')}`);
  if (address.address === '127.0.0.1' || address.address === '::1') {
    console.log('Only this machine can reach it; --host 0.0.0.0 lets other devices on your network in.');
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
