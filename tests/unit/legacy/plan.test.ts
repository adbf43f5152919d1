import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planLegacyCorpus, readLegacyFile, readLegacyText } from '../../../src/lib/legacy/plan';
import { noindexPaths, recordNoindexPaths } from '../../../src/lib/legacy/noindex';
import { WarningLog } from '../../../src/lib/legacy/warnings';
import { dropMissingFragments } from '../../../src/lib/legacy/loader';

function corpus(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'legacy-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('planLegacyCorpus', () => {
  const dir = corpus({
    'a/first/index.md': '---\ntitle: First\npermalink: same\n---\nx',
    'b/second/index.md': '---\ntitle: Second\npermalink: same\n---\nx',
    'c/native/index.md': '---\ntitle: Clash\npermalink: secure-a-compromised-rackspace-email-mailbox\n---\nx',
    'd/hidden/index.md': '---\ntitle: Hidden\npermalink: hidden\nnoindex: true\n---\nx',
  });
  const plan = planLegacyCorpus(dir, {
    slugs: new Set(['secure-a-compromised-rackspace-email-mailbox']),
    titles: new Map(),
  });

  it('keeps the first of two files with one permalink, and warns about the second', () => {
    expect(plan.pages.map((p) => p.meta.title)).toEqual(['First', 'Hidden']);
    const second = plan.skipped.find((p) => p.relPath === 'b/second/index.md')!;
    expect(second.warnings.map((w) => w.category)).toContain('duplicate-permalink');
  });

  it('lets a native article keep its slug, with a warning', () => {
    const clash = plan.skipped.find((p) => p.relPath === 'c/native/index.md')!;
    expect(clash.warnings.map((w) => w.category)).toContain('native-wins');
  });

  it('marks the noindex pages, which the loader hands to the sitemap filter', () => {
    const noindex = plan.pages.filter((page) => page.meta.noindex).map((page) => `/docs/${page.meta.slug}/`);
    expect(noindex).toEqual(['/docs/hidden/']);
    recordNoindexPaths(noindex);
    expect([...noindexPaths()]).toEqual(['/docs/hidden/']);
  });
});

describe('readLegacyText', () => {
  const dir = corpus({
    'front/index.md': '---\ntitle: Front\n---\n# Body\ntext',
    'commented/index.md': '<!---\n---\ntitle: Commented\n---\n--->\nbody',
    'bad-yaml/index.md': '---\ntitle: [unclosed\n---\nbody after bad YAML',
    'none/index.md': 'no front matter at all',
  });

  it('reads the same text and body as the plan did, without reading the YAML again', () => {
    for (const relPath of ['front/index.md', 'commented/index.md', 'bad-yaml/index.md', 'none/index.md']) {
      const planned = readLegacyFile(dir, relPath);
      const again = readLegacyText(dir, relPath);
      expect('source' in planned && 'source' in again, relPath).toBe(true);
      if (!('source' in planned) || !('source' in again)) continue;
      expect(again, relPath).toEqual({ source: planned.source, body: planned.body });
    }
  });

  it('reports a file it cannot read', () => {
    const missing = readLegacyText(dir, 'gone/index.md');
    expect('warnings' in missing && missing.warnings[0]?.category).toBe('file-skipped');
  });
});

describe('WarningLog', () => {
  it('counts repairs per category and files', () => {
    const log = new WarningLog();
    log.add('a.md', 'missing-title', 'x');
    log.add('a.md', 'noindex', 'y');
    log.add('b.md', 'noindex', 'z');
    expect(log.counts()).toEqual({ 'missing-title': 1, noindex: 2 });
    expect(log.summary()[0]).toBe('legacy import: 3 repairs in 2 files');
  });
});

describe('dropMissingFragments', () => {
  it('keeps links to existing sections and points the others at the page', () => {
    const ids = new Map([['a', new Set(['here'])]]);
    const { html, dropped } = dropMissingFragments(
      '<a href="/docs/a/#here">1</a><a href="/docs/a/#gone">2</a><a href="/docs/native/#x">3</a>',
      ids,
    );
    expect(html).toBe('<a href="/docs/a/#here">1</a><a href="/docs/a/">2</a><a href="/docs/native/#x">3</a>');
    expect(dropped).toBe(1);
  });
});
