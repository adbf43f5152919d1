/**
 * The password meter's figures (issue 9): gzip size of the estimator chunk and
 * of the meter's shell; score agreement of the shipped (trimmed) dictionaries
 * with the full ones; and, in Chromium, first focus to first full assessment,
 * assessment time in the worker (median, p95, max) over 1,000 passwords and
 * over pathological inputs, and the longest main-thread task while typing fast.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import {
  adjacencyGraphs,
  fullDictionaries,
  translations,
  trimmedDictionaries,
} from '../../src/lib/password/estimator-config.mjs';
import { ANALYSED_LENGTH_CAP, L33T_MAX_SUBSTITUTIONS } from '../../src/lib/password/limits.mjs';
import { passwordSample } from './password-sample.mjs';

const METER_PAGE = '/docs/password-management-and-best-practices/';

function gzipOf(dir, pattern) {
  const name = readdirSync(join(dir, '_astro')).find((file) => pattern.test(file));
  return name
    ? { file: `/_astro/${name}`, gzipBytes: gzipSync(readFileSync(join(dir, '_astro', name))).length }
    : undefined;
}

function agreement(sample) {
  const estimator = (dictionary) =>
    new ZxcvbnFactory({
      dictionary,
      graphs: adjacencyGraphs,
      translations,
      l33tMaxSubstitutions: L33T_MAX_SUBSTITUTIONS,
      maxLength: ANALYSED_LENGTH_CAP,
    });
  const full = estimator(fullDictionaries());
  const shipped = estimator(trimmedDictionaries());
  const same = sample.filter((password) => full.check(password).score === shipped.check(password).score).length;
  return { same, total: sample.length, percent: (100 * same) / sample.length };
}

/** Long repeats, long random strings and other inputs that make zxcvbn work hardest. */
function pathological() {
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!@#$%^&*()-_=+';
  const randomString = (length) =>
    Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
  return [
    'a'.repeat(100),
    '1'.repeat(100),
    'aB3$'.repeat(25),
    '0123456789'.repeat(10),
    '4@3!1|0$5'.repeat(11),
    'passwordpassword'.repeat(6),
    'qwertyuiop'.repeat(10),
    ...Array.from({ length: 5 }, () => randomString(64)),
    ...Array.from({ length: 5 }, () => randomString(100)),
    'x'.repeat(500),
  ];
}

const stats = (times) => {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), max: sorted.at(-1), count: sorted.length };
};

async function openMeter(browser, base) {
  const page = await browser.newPage();
  await page.goto(`${base}${METER_PAGE}`);
  await page.locator('.password-meter').scrollIntoViewIfNeeded();
  await page.locator('input[autocomplete="new-password"]').waitFor({ state: 'visible', timeout: 60_000 });
  return page;
}

/** From the focus that loads the estimator to the first full assessment on screen. */
async function firstAssessment(browser, base) {
  const page = await openMeter(browser, base);
  const ms = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const input = document.querySelector('input[autocomplete="new-password"]');
        const strength = document.querySelector('[data-result="strength"]');
        const start = performance.now();
        new MutationObserver(() => {
          if (strength.getAttribute('data-state') !== 'pending') resolve(performance.now() - start);
        }).observe(strength, { attributes: true });
        input.focus();
        input.value = 'Velvet tractor simmer 7';
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }),
  );
  await page.close();
  return ms;
}

/** Assessment time inside the worker, as the worker itself reports it. */
async function workerTimes(browser, base, workerUrl, passwords) {
  const page = await browser.newPage();
  await page.goto(`${base}${METER_PAGE}`);
  const elapsed = await page.evaluate(
    ({ url, inputs }) =>
      new Promise((resolve) => {
        const worker = new Worker(url, { type: 'module' });
        const times = [];
        worker.addEventListener('message', (event) => {
          times.push(event.data.elapsedMs);
          if (times.length === inputs.length) resolve(times);
          else
            worker.postMessage({
              seq: times.length,
              password: inputs[times.length],
              context: { email: '', name: '', mfa: false },
            });
        });
        worker.postMessage({ seq: 0, password: inputs[0], context: { email: '', name: '', mfa: false } });
      }),
    { url: workerUrl, inputs: passwords },
  );
  await page.close();
  return elapsed;
}

/** The longest main-thread task (long tasks are 50 ms or more) while someone types fast. */
async function typingLongestTask(browser, base) {
  const page = await openMeter(browser, base);
  await page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((list) =>
      window.longTasks.push(...list.getEntries().map((entry) => entry.duration)),
    ).observe({ type: 'longtask' });
  });
  const input = page.locator('input[autocomplete="new-password"]');
  await input.focus();
  await page.locator('[data-result="strength"]').waitFor();
  await input.pressSequentially('Orbit fennel Kettle 48 drizzle lantern 9 quilt', { delay: 15 });
  await page.waitForFunction(
    () => document.querySelector('[data-result="strength"]')?.getAttribute('data-state') !== 'pending',
    null,
    { timeout: 60_000 },
  );
  const tasks = await page.evaluate(() => window.longTasks);
  await page.close();
  return { longTasks: tasks.length, longestMs: tasks.length ? Math.max(...tasks) : 0 };
}

export async function passwordFigures(browser, base, dir) {
  const sample = passwordSample();
  const estimator = gzipOf(dir, /^estimator\.worker[-.].+\.js$/);
  const shell = gzipOf(dir, /^PasswordMeter\..+\.js$/);
  const stylesheet = gzipOf(dir, /^password-meter\..+\.css$/);
  console.error('[bench] password: score agreement (full vs shipped dictionaries)…');
  const agree = agreement(sample);
  console.error('[bench] password: timings in Chromium…');
  const firstMs = [];
  for (let run = 0; run < 3; run += 1) firstMs.push(await firstAssessment(browser, base));
  const sampleTimes = await workerTimes(browser, base, estimator.file, sample);
  const hardTimes = await workerTimes(browser, base, estimator.file, pathological());
  return {
    estimatorGzipBytes: estimator?.gzipBytes,
    shellGzipBytes: shell?.gzipBytes,
    stylesheetGzipBytes: stylesheet?.gzipBytes,
    agreement: agree,
    firstFocusToAssessmentMs: stats(firstMs),
    workerSampleMs: stats(sampleTimes),
    workerPathologicalMs: stats(hardTimes),
    typing: await typingLongestTask(browser, base),
  };
}
