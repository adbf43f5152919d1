/** Build figures: wall time and peak memory of `astro build` and `pagefind`, and what they wrote. */
import { spawn } from 'node:child_process';
import { buildNodeOptions } from '../../scripts/build-heap.mjs';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Run a command under GNU time: wall seconds and peak RSS in bytes. GNU time reports the largest
 * resident set of the process and of every descendant it waited for, in KiB: for `astro build` the
 * one Node process doing the whole build, for `pagefind` its npm wrapper and the binary it runs.
 */
function timed(command, commandArgs, env) {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn('/usr/bin/time', ['-v', command, ...commandArgs], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0)
        return reject(new Error(`${command} ${commandArgs.join(' ')} exited ${code}\n${out.slice(-3000)}`));
      const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(out)?.[1] ?? 0) * 1024;
      resolvePromise({ seconds, peakBytes: rss, log: out });
    });
  });
}

export async function build(outDir, env) {
  const bin = resolve('node_modules/.bin');
  // The same heap cap as `npm run build` (scripts/build-heap.mjs), so the figure is the build's.
  const astro = await timed(join(bin, 'astro'), ['build', '--outDir', outDir], {
    ...env,
    NODE_OPTIONS: buildNodeOptions(),
  });
  // The search index as `npm run build` makes it: Pagefind, with the maintained articles' sections as records.
  const pagefind = await timed(process.execPath, ['scripts/index-search.mjs', outDir], env);
  const cached = /\((\d+) rendered, (\d+) from cache/.exec(astro.log);
  return {
    astroSeconds: astro.seconds,
    pagefindSeconds: pagefind.seconds,
    buildSeconds: astro.seconds + pagefind.seconds,
    // The two run one after the other: the build's peak is the larger of the two.
    peakMemoryBytes: Math.max(astro.peakBytes, pagefind.peakBytes),
    astroPeakBytes: astro.peakBytes,
    pagefindPeakBytes: pagefind.peakBytes,
    legacyRendered: cached ? Number(cached[1]) : undefined,
    legacyFromCache: cached ? Number(cached[2]) : undefined,
  };
}

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}
const sizeOf = (files) => files.reduce((sum, file) => sum + statSync(file).size, 0);

export function distFigures(dir) {
  const files = walk(dir);
  return {
    pages: files.filter((file) => file.endsWith('.html')).length,
    distBytes: sizeOf(files),
    pagefindBytes: sizeOf(walk(join(dir, 'pagefind'))),
  };
}
