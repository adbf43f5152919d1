#!/usr/bin/env node
/**
 * Serves the built site (dist/) the way a static host would: gzip for text
 * (each file compressed once, off the event loop), directory index files, the
 * 404 page, ETags, and the headers (security and caching) of public/_headers.
 * Used by `npm start` and by the browser tests. Every request gets an answer
 * (400 for nonsense, 405 for CONNECT) carrying the security headers, and none
 * stops the server.
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import { basename, extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzip } from 'node:zlib';
import { parseArgs, promisify } from 'node:util';
import { BROTLI_SUFFIX, TEXT_EXTENSIONS } from './precompress.mjs';

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
      rules.push({ pattern: line.trim(), path: new RegExp(`^${literals.join('.*')}$`), headers: {} });
      continue;
    }
    const colon = line.indexOf(':');
    if (rules.length > 0 && colon > 0) rules.at(-1).headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return rules;
}

/**
 * The headers of the rules for every path (`/*`): the security headers, which
 * every reply carries, errors and redirects included.
 */
function securityHeaders(rules) {
  return Object.assign({}, ...rules.filter((rule) => rule.pattern === '/*').map((rule) => rule.headers));
}

function headersFor(rules, pathname) {
  // What Netlify and Cloudflare Pages send when no rule sets caching: keep, but revalidate.
  const headers = { 'Cache-Control': 'public, max-age=0, must-revalidate' };
  for (const rule of rules) if (rule.path.test(pathname)) Object.assign(headers, rule.headers);
  return headers;
}

const gzipAsync = promisify(gzip);

/**
 * Gzipped bodies, each file compressed once: an entry holds while the file's
 * size and mtime are those it was made from, and the least recently used go
 * once the bodies pass `maxBytes`. Requests arriving together share one
 * compression, which runs on libuv's thread pool: many requests for a large
 * file never hold up the others (they once waited seconds behind gzipSync).
 *
 * @param {{ maxBytes?: number, compress?: (raw: Buffer) => Promise<Buffer> }} [options]
 */
export function createGzipCache({ maxBytes = 48 * 1024 * 1024, compress = gzipAsync } = {}) {
  /** path -> { version, body: Promise<Buffer>, bytes } in least recently used order. */
  const entries = new Map();
  let total = 0;

  function forget(path) {
    total -= entries.get(path)?.bytes ?? 0;
    entries.delete(path);
  }

  return {
    /** The gzipped `read()` of `path` at `version` (size and mtime), compressed on the first request only. */
    async get(path, version, read) {
      const hit = entries.get(path);
      if (hit?.version === version) {
        entries.delete(path);
        entries.set(path, hit);
        return hit.body;
      }
      if (hit) forget(path);
      const entry = { version, body: read().then((raw) => compress(raw)), bytes: 0 };
      entries.set(path, entry);
      let body;
      try {
        body = await entry.body;
      } catch (error) {
        if (entries.get(path) === entry) entries.delete(path);
        throw error;
      }
      if (entries.get(path) !== entry) return body;
      entry.bytes = body.length;
      total += body.length;
      for (const [oldest] of entries) {
        if (total <= maxBytes) break;
        forget(oldest);
      }
      return body;
    },
    /** Bytes held; for tests. */
    get size() {
      return total;
    },
  };
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
  // The build's brotli copies stand in for their files (see `chooseEncoding`), never answer for themselves.
  if (HOST_FILES.has(basename(decoded)) || decoded.endsWith(BROTLI_SUFFIX)) return null;
  const candidate = normalize(join(root, decoded));
  if (candidate !== root && !candidate.startsWith(root + sep)) return null;
  // A directory answers only with its trailing slash (`/search/`); without it, the caller redirects.
  const path = decoded.endsWith('/') ? join(candidate, 'index.html') : candidate;
  const info = await stat(path).catch(() => null);
  return info?.isFile() ? { path, info } : null;
}

const NOT_ALLOWED = { status: 405, text: 'Method not allowed\n', headers: { Allow: 'GET, HEAD' } };

/** A short plain-text reply (errors), with the security headers; never throws on a reply already begun. */
function sendPlain(site, response, status, text, extra = {}) {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  response
    .writeHead(status, {
      ...site.security,
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': Buffer.byteLength(text),
      ...extra,
    })
    .end(text);
}

/**
 * A whole reply written to a bare socket, for the requests Node hands over
 * without a response object (CONNECT, requests it cannot parse); it closes
 * the connection.
 */
function rawReply(site, statusLine, text, extra = {}) {
  const headers = {
    ...site.security,
    ...extra,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    Connection: 'close',
  };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  return `HTTP/1.1 ${statusLine}\r\n${lines.join('')}\r\n${text}`;
}

/** Whether the request's Accept-Encoding takes `coding` (listed, and not with `q=0`). */
export function acceptsEncoding(request, coding) {
  return String(request.headers['accept-encoding'] ?? '')
    .split(',')
    .some((offer) => {
      const [name = '', ...params] = offer.split(';').map((part) => part.trim().toLowerCase());
      return name === coding && !params.some((param) => /^q=0(?:\.0*)?$/.test(param));
    });
}

/** The build's brotli copy of `path` (scripts/precompress.mjs), when it exists and is not older than the file. */
async function brotliCopy(path, info) {
  const copy = await stat(`${path}${BROTLI_SUFFIX}`).catch(() => null);
  return copy?.isFile() && copy.mtimeMs >= info.mtimeMs ? `${path}${BROTLI_SUFFIX}` : null;
}

/**
 * How to send a file: the build's brotli copy when the client takes brotli; gzipped (from the cache) when the client
 * takes gzip and the type is text; else as it is, which for a file that a `_headers` rule marks as stored compressed
 * (Pagefind's) keeps the rule's Content-Encoding. Sets Vary whenever the answer depends on Accept-Encoding.
 */
async function chooseEncoding(request, path, info, headers) {
  const copy = await brotliCopy(path, info);
  const text = TEXT_EXTENSIONS.has(extname(path));
  if (copy || text) headers.Vary = 'Accept-Encoding';
  if (copy && acceptsEncoding(request, 'br')) return { coding: 'br', copy };
  if (!headers['Content-Encoding'] && text && acceptsEncoding(request, 'gzip')) return { coding: 'gzip' };
  return { coding: 'as stored' };
}

function readEncoded(site, path, info, { coding, copy }) {
  if (coding === 'br') return readFile(copy);
  if (coding === 'gzip') return site.gzipCache.get(path, `${info.size}-${info.mtimeMs}`, () => readFile(path));
  return readFile(path);
}

async function respond(site, request, response) {
  const target = requestPath(request.url);
  if (target === null) return sendPlain(site, response, 400, 'Bad request\n');
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return sendPlain(site, response, NOT_ALLOWED.status, NOT_ALLOWED.text, NOT_ALLOWED.headers);
  const { pathname, decoded, search } = target;
  const found = await resolveFile(site.root, decoded);
  if (found === null) {
    // Directory URLs without their trailing slash redirect, as static hosts do;
    // one leading slash only, so the Location can never name another host.
    if (!pathname.endsWith('/') && (await resolveFile(site.root, `${decoded}/`))) {
      response.writeHead(301, { ...site.security, Location: `/${pathname.replace(/^\/+/, '')}/${search}` }).end();
      return;
    }
  }
  const page = found ?? (await resolveFile(site.root, '/404.html'));
  if (page === null) return sendPlain(site, response, 404, 'Not found\n');
  const headers = {
    // The 404 page is sent with its own rules, not those of the path that was missing.
    ...headersFor(site.rules, found ? pathname : '/404.html'),
    'Content-Type': TYPES[extname(page.path)] ?? 'application/octet-stream',
  };
  const encoding = await chooseEncoding(request, page.path, page.info, headers);
  if (encoding.coding !== 'as stored') headers['Content-Encoding'] = encoding.coding;
  if (found) {
    // Each encoding of a file is a representation of its own, with its own validator.
    const suffix = encoding.coding === 'as stored' ? '' : `-${encoding.coding}`;
    headers.ETag = `W/"${found.info.size.toString(36)}-${Math.floor(found.info.mtimeMs).toString(36)}${suffix}"`;
    if (request.headers['if-none-match'] === headers.ETag) {
      response.writeHead(304, headers).end();
      return;
    }
  }
  const body = await readEncoded(site, page.path, page.info, encoding).catch(() => null);
  if (body === null) return sendPlain(site, response, 500, 'Could not read the file\n');
  headers['Content-Length'] = String(body.length);
  response.writeHead(found ? 200 : 404, headers);
  response.end(request.method === 'HEAD' ? undefined : body);
}

/** Starts serving `dir`; rejects (EADDRINUSE, EACCES…) when it cannot listen. */
export async function startServer({ port = 4321, host = '127.0.0.1', dir = 'dist' } = {}) {
  const root = resolve(dir);
  const rules = await readHeaderRules(root);
  const site = { root, rules, security: securityHeaders(rules), gzipCache: createGzipCache() };
  // Long URLs (hostile query strings in tests) must reach the page, as on a CDN.
  const server = createServer({ maxHeaderSize: 32 * 1024 }, (request, response) => {
    respond(site, request, response).catch((error) => {
      console.error(`serve: ${request.method} ${String(request.url).slice(0, 200)}: ${error.message}`);
      sendPlain(site, response, 500, 'Internal server error\n');
    });
  });
  // Requests Node cannot parse (a malformed request line, headers over the limit) get their status, not a crash.
  server.on('clientError', (error, socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') return socket.destroy();
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    socket.end(rawReply(site, status, ''));
  });
  // Node hands CONNECT (a proxy tunnel) over as a bare socket and, unheard, closes it without a word.
  server.on('connect', (_request, socket) => {
    socket.on('error', () => socket.destroy());
    socket.end(rawReply(site, '405 Method Not Allowed', NOT_ALLOWED.text, NOT_ALLOWED.headers));
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
