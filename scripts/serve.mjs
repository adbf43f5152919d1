#!/usr/bin/env node
/**
 * Serves the built site (dist/) the way a static host would: gzip for text,
 * directory index files, the 404 page, ETags, and the headers (security and
 * caching) of public/_headers. Used by `npm start` and by the browser tests.
 *
 *   node scripts/serve.mjs [--port 4321] [--host 127.0.0.1] [--dir dist]
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';

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
      const literals = line.trim().split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
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

/** The file a URL path names (or its directory's index.html), with its stat; null if none. */
async function resolveFile(root, pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const candidate = normalize(join(root, decoded));
  if (candidate !== root && !candidate.startsWith(root + sep)) return null;
  for (const path of [candidate, join(candidate, 'index.html')]) {
    const info = await stat(path).catch(() => null);
    if (info?.isFile()) return { path, info };
  }
  return null;
}

export async function startServer({ port = 4321, host = '127.0.0.1', dir = 'dist' } = {}) {
  const root = resolve(dir);
  const headerRules = await readHeaderRules(root);
  // Long URLs (hostile query strings in tests) must reach the page, as on a CDN.
  const server = createServer({ maxHeaderSize: 32 * 1024 }, async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const found = await resolveFile(root, url.pathname);
    if (found === null) {
      // Directory URLs without their trailing slash redirect, as static hosts do.
      if (!url.pathname.endsWith('/') && (await resolveFile(root, `${url.pathname}/`))) {
        response.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
        return;
      }
    }
    const status = found ? 200 : 404;
    const path = found?.path ?? join(root, '404.html');
    const extension = extname(path);
    const headers = { ...headersFor(headerRules, url.pathname), 'Content-Type': TYPES[extension] ?? 'application/octet-stream' };
    if (found) {
      headers.ETag = `W/"${found.info.size.toString(36)}-${Math.floor(found.info.mtimeMs).toString(36)}"`;
      if (request.headers['if-none-match'] === headers.ETag) {
        response.writeHead(304, headers).end();
        return;
      }
    }
    let body = await readFile(path);
    // A rule that names the encoding marks files stored compressed: sent as they are.
    if (!headers['Content-Encoding'] && COMPRESSIBLE.has(extension) && /\bgzip\b/.test(String(request.headers['accept-encoding']))) {
      body = gzipSync(body);
      headers['Content-Encoding'] = 'gzip';
      headers.Vary = 'Accept-Encoding';
    }
    headers['Content-Length'] = String(body.length);
    response.writeHead(status, headers);
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  await new Promise((resolvePromise) => server.listen(port, host, resolvePromise));
  return server;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '4321' }, host: { type: 'string', default: '127.0.0.1' }, dir: { type: 'string', default: 'dist' } },
  });
  const server = await startServer({ port: Number(values.port), host: values.host, dir: values.dir });
  const address = server.address();
  console.log(`Serving ${values.dir}/ at http://${values.host === '127.0.0.1' ? 'localhost' : values.host}:${address.port}/`);
}
