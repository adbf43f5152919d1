import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { AstroConfig, AstroIntegrationLogger } from 'astro';
import { previousBuildAway } from '../../../src/lib/build/previous-build-away';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** An output folder holding a previous build, and an empty cache folder, on the same disk. */
function project() {
  const root = mkdtempSync(join(tmpdir(), 'kb-previous-build-'));
  roots.push(root);
  const outDir = join(root, 'dist');
  const cacheDir = join(root, 'cache');
  mkdirSync(join(outDir, 'docs', 'page'), { recursive: true });
  writeFileSync(join(outDir, 'docs', 'page', 'index.html'), '<p>old</p>');
  mkdirSync(cacheDir);
  return { outDir, cacheDir };
}

const logged: string[] = [];
const logger = { info: (line: string) => logged.push(line) } as unknown as AstroIntegrationLogger;

/** Runs the integration's hooks as Astro does around a build. */
async function build({ outDir, cacheDir }: { outDir: string; cacheDir: string }, during: () => void) {
  const { hooks } = previousBuildAway();
  const config = { outDir: pathToFileURL(`${outDir}/`), cacheDir: pathToFileURL(`${cacheDir}/`) } as AstroConfig;
  await hooks['astro:config:done']!({ config } as Parameters<NonNullable<(typeof hooks)['astro:config:done']>>[0]);
  await hooks['astro:build:start']!({ logger } as Parameters<NonNullable<(typeof hooks)['astro:build:start']>>[0]);
  during();
  await hooks['astro:build:done']!({} as Parameters<NonNullable<(typeof hooks)['astro:build:done']>>[0]);
}

describe('previousBuildAway', () => {
  it('moves the previous build out of the output folder as the build starts, and has deleted it by its end', async () => {
    const dirs = project();
    await build(dirs, () => expect(existsSync(dirs.outDir)).toBe(false));
    expect(readdirSync(dirs.cacheDir)).toEqual([]);
  });

  it('deletes what an interrupted build left in the cache folder, and nothing else there', async () => {
    const dirs = project();
    mkdirSync(join(dirs.cacheDir, 'previous-build-1-2', 'docs'), { recursive: true });
    mkdirSync(join(dirs.cacheDir, 'kb-legacy-html'));
    await build(dirs, () => {});
    expect(readdirSync(dirs.cacheDir)).toEqual(['kb-legacy-html']);
  });

  it('builds as before when there is no previous build', async () => {
    const dirs = project();
    rmSync(dirs.outDir, { recursive: true });
    await build(dirs, () => {});
    expect(readdirSync(dirs.cacheDir)).toEqual([]);
  });
});
