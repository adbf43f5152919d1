#!/usr/bin/env node
/**
 * The built site in Firefox: Debian's Firefox ESR driven by puppeteer-core
 * over WebDriver BiDi, against dist/ served by scripts/serve.mjs on loopback.
 * Each file in flows/ is one reader's path through a page or an island
 * (export `name` and `run({ page, baseURL, check })`); add a file for a new
 * island. Any uncaught page error fails its flow.
 *
 *   node tests/firefox/run.mjs   (FIREFOX_PATH, FIREFOX_PORT, E2E_DIST, FIREFOX_REPORT)
 *
 * Writes {passed, failed, flows} to test-results/firefox.json.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const PORT = Number(process.env.FIREFOX_PORT ?? 4396);
const DIST = process.env.E2E_DIST ?? 'dist';
const REPORT = process.env.FIREFOX_REPORT ?? 'test-results/firefox.json';
const FLOW_TIMEOUT_MS = 90_000;
const baseURL = `http://127.0.0.1:${PORT}`;

async function startServer() {
  const server = spawn(
    process.execPath,
    ['scripts/serve.mjs', '--port', String(PORT), '--host', '127.0.0.1', '--dir', DIST],
    { stdio: 'inherit' },
  );
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (server.exitCode !== null) throw new Error(`scripts/serve.mjs exited with ${server.exitCode}`);
    const up = await fetch(`${baseURL}/`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) return server;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  server.kill();
  throw new Error(`scripts/serve.mjs did not answer on ${baseURL}`);
}

/** A failed expectation, with what was expected and what was found. */
function check(condition, message) {
  if (!condition) throw new Error(message);
}

/** The promise's value, or an error naming `what` once `ms` have passed. */
async function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: timed out after ${ms} ms`)), ms)),
  );
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function loadFlows() {
  const dir = join(import.meta.dirname, 'flows');
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.mjs'))
    .sort();
  return Promise.all(files.map(async (file) => ({ file, ...(await import(pathToFileURL(join(dir, file)).href)) })));
}

async function runFlow(browser, flow) {
  const page = await browser.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  try {
    await withTimeout(flow.run({ page, baseURL, check }), FLOW_TIMEOUT_MS, flow.name);
    check(pageErrors.length === 0, `the page threw: ${pageErrors.join('; ')}`);
    return { name: flow.name, file: flow.file, ok: true };
  } catch (error) {
    return {
      name: flow.name,
      file: flow.file,
      ok: false,
      error: error instanceof Error ? error.message : String(error),
    };
  } finally {
    await page.close().catch(() => undefined);
  }
}

const results = [];
let server;
let browser;
try {
  const flows = await loadFlows();
  server = await startServer();
  browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
  console.log(`firefox: ${await browser.version()}`);
  for (const flow of flows) {
    const result = await runFlow(browser, flow);
    console.log(`${result.ok ? '✓' : '✘'} ${flow.file}: ${flow.name}${result.ok ? '' : `\n    ${result.error}`}`);
    results.push(result);
  }
} catch (error) {
  // The harness itself failed (no Firefox, no server): one failure, said plainly.
  results.push({
    name: 'start Firefox and the site',
    ok: false,
    error: error instanceof Error ? error.message : String(error),
  });
  console.error(`✘ ${results.at(-1).error}`);
} finally {
  await browser?.close().catch(() => undefined);
  server?.kill();
}

const report = {
  passed: results.filter((result) => result.ok).length,
  failed: results.filter((result) => !result.ok).length,
  flows: results,
};
mkdirSync(dirname(REPORT), { recursive: true });
writeFileSync(REPORT, `${JSON.stringify(report, null, 2)}\n`);
console.log(`firefox: ${report.passed} passed, ${report.failed} failed`);
process.exit(report.failed > 0 ? 1 : 0);
