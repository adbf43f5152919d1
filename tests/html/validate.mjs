#!/usr/bin/env node
/**
 * The W3C Nu Html Checker (npm `vnu-jar`, needs Java) over every built page.
 * A page passes when the checker finds no error in markup we produce. On
 * imported (legacy) pages, errors inside the imported body come from the
 * source files: they are counted and listed, not failed.
 *
 *   node tests/html/validate.mjs [--dir dist] [--report test-results/html.json]
 *
 * Writes {passed, failed, ...} to the report (pages, not messages) and exits
 * non-zero when a page fails.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values: options } = parseArgs({
  options: {
    dir: { type: 'string', default: process.env.E2E_DIST ?? 'dist' },
    report: { type: 'string', default: process.env.HTML_REPORT ?? 'test-results/html.json' },
  },
});
const root = resolve(options.dir);

/**
 * Two complaints about markup we do not write and cannot change, each matched
 * by its exact message and by the start of the element it points at, so that
 * the same message about anything else still fails.
 */
const KNOWN_COMPLAINTS = [
  // Pagefind reads filters and metadata from <meta data-pagefind-filter|meta="…[content]" content>,
  // which has no name/property by design (https://pagefind.app/docs/filtering/).
  {
    message:
      'Element “meta” is missing one or more of the following attributes: “http-equiv”, “itemprop”, “name”, “property”.',
    markup: '<meta data-pagefind-',
  },
  // Astro emits <style>astro-island,astro-slot,…{display:contents}</style> just before the first island, inside <body>.
  { message: 'A “style” element in “body” must be the first child of its parent.', markup: '<style>astro-' },
];

/** The markup a message points at: its extract from the highlighted element on. */
const markupOf = (message) => (message.extract ?? '').slice(message.hiliteStart ?? 0);

const isKnownComplaint = (message) =>
  KNOWN_COMPLAINTS.some((known) => message.message === known.message && markupOf(message).startsWith(known.markup));

function htmlFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'pagefind' || entry.name === '_astro' ? [] : htmlFiles(full);
    return entry.name.endsWith('.html') ? [full] : [];
  });
}

/** Character offset of a 1-based line and column. */
function offsetOf(text, line, column) {
  let offset = 0;
  for (let current = 1; current < line; current += 1) offset = text.indexOf('\n', offset) + 1;
  return offset + column - 1;
}

/** The span of an imported page's body, whose markup comes from the source file; null on our own pages. */
function importedBodySpan(text) {
  const start = text.indexOf('class="article__body legacy-body"');
  return start === -1 ? null : { start, end: text.indexOf('</article>', start) };
}

function runChecker(files) {
  const require = createRequire(import.meta.url);
  const jar = require('vnu-jar');
  // One Java process for every page: starting the checker costs more than checking a page.
  const result = spawnSync('java', ['-jar', jar, '--format', 'json', '--exit-zero-always', ...files], {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  if (result.error || result.status !== 0) {
    throw new Error(`the Nu Html Checker did not run (is Java installed?): ${result.error?.message ?? result.stderr}`);
  }
  return JSON.parse(result.stderr).messages;
}

const files = htmlFiles(root);
const messages = files.length > 0 ? runChecker(files) : [];

const pages = new Map(files.map((file) => [file, { own: [], source: [] }]));
const texts = new Map();
let unattributed = 0;
for (const message of messages) {
  if (message.type !== 'error' && message.type !== 'non-document-error') continue;
  if (isKnownComplaint(message)) continue;
  const file = message.url ? fileURLToPath(message.url) : undefined;
  const page = file && pages.get(file);
  const line = `${file ? relative(root, file) : '(no file)'}:${message.lastLine ?? 0}: ${message.message}`;
  if (!page) {
    unattributed += 1;
    console.error(line);
    continue;
  }
  if (!texts.has(file)) texts.set(file, readFileSync(file, 'utf8'));
  const text = texts.get(file);
  const span = importedBodySpan(text);
  const at = message.lastLine
    ? offsetOf(text, message.firstLine ?? message.lastLine, message.firstColumn ?? message.lastColumn ?? 1)
    : -1;
  (span && at >= span.start && at < span.end ? page.source : page.own).push(line);
}

const failedPages = [...pages.values()].filter((page) => page.own.length > 0);
const ownErrors = failedPages.flatMap((page) => page.own);
const sourceErrors = [...pages.values()].flatMap((page) => page.source);
for (const line of ownErrors) console.error(line);
if (sourceErrors.length > 0) {
  console.log(
    `${sourceErrors.length} errors come from imported source content, on ${[...pages.values()].filter((page) => page.source.length > 0).length} pages (reported, not failed):`,
  );
  for (const line of sourceErrors.slice(0, 50)) console.log(`  ${line}`);
  if (sourceErrors.length > 50) console.log(`  … and ${sourceErrors.length - 50} more in the report`);
}

// A build with no pages is a failure too, not an empty pass.
const failed = failedPages.length + unattributed + (files.length === 0 ? 1 : 0);
const report = {
  passed: files.length - failedPages.length,
  failed,
  pages: files.length,
  ownErrors,
  sourceContentErrors: sourceErrors.length,
  sourceContentErrorList: sourceErrors,
};
mkdirSync(dirname(resolve(options.report)), { recursive: true });
writeFileSync(options.report, `${JSON.stringify(report, null, 2)}\n`);
console.log(
  `html: ${files.length} pages checked, ${report.passed} valid, ${failedPages.length} with errors (report: ${options.report})`,
);
process.exit(failed > 0 ? 1 : 0);
