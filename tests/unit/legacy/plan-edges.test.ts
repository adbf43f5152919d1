/**
 * Which legacy file becomes which page, at the edges (written to kill the mutants Stryker found surviving in
 * `src/lib/legacy/plan.ts`, `loader.ts`'s fragment repair and `warnings.ts`): which files are read, which are
 * refused and why, who wins a URL or a title, and the log lines the build prints. Each test builds its own corpus.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nativeArticles, planLegacyCorpus, readLegacyFile, readLegacyText } from '../../../src/lib/legacy/plan';
import { dropMissingFragments } from '../../../src/lib/legacy/loader';
import { formatWarning, WarningLog } from '../../../src/lib/legacy/warnings';

function corpus(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'legacy-edges-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

const noNative = () => ({ slugs: new Set<string>(), titles: new Map<string, string>() });
const article = (title: string, permalink: string) =>
  `---\ntitle: ${title}\npermalink: ${permalink}\nproduct: P\n---\nx`;

describe('which files are read', () => {
  it('every .md file in path order, upper-case extensions too; hidden files and folders and other files not', () => {
    const dir = corpus({
      'b/index.md': article('B', 'b'),
      'a/z.MD': article('Z', 'z'),
      'a/index.md': article('A', 'a'),
      '.hidden/index.md': article('H', 'h'),
      'c/.draft.md': article('D', 'd'),
      'c/notes.txt': 'not markdown',
      'c/md': 'no extension',
    });
    const plan = planLegacyCorpus(dir, noNative());
    expect(plan.pages.map((p) => p.relPath)).toEqual(['a/index.md', 'a/z.MD', 'b/index.md']);
    expect(plan.skipped).toEqual([]);
    expect(plan.pages[0]).toEqual({
      relPath: 'a/index.md',
      absPath: join(dir, 'a/index.md'),
      meta: expect.objectContaining({ title: 'A', slug: 'a' }),
      warnings: [],
    });
  });

  it('a file over the size limit is refused before it is read, named with its size', () => {
    const dir = corpus({ 'big/index.md': new Uint8Array(512 * 1024 + 1).fill(0x61) });
    expect(readLegacyFile(dir, 'big/index.md')).toEqual({
      relPath: 'big/index.md',
      warnings: [
        { category: 'file-skipped', message: '524289 bytes, over the 524288-byte limit for one article: not built' },
      ],
    });
  });

  it('a file at the size limit is read', () => {
    const dir = corpus({ 'max/index.md': new Uint8Array(512 * 1024).fill(0x61) });
    expect('source' in readLegacyFile(dir, 'max/index.md')).toBe(true);
  });

  it('a binary file is refused with the decoder’s reason, and the plan lists it as skipped', () => {
    const dir = corpus({ 'bin/index.md': new Uint8Array([0x61, 0, 0x62]), 'ok/index.md': article('Ok', 'ok') });
    const plan = planLegacyCorpus(dir, noNative());
    expect(plan.pages.map((p) => p.relPath)).toEqual(['ok/index.md']);
    expect(plan.skipped).toEqual([
      {
        relPath: 'bin/index.md',
        warnings: [
          {
            category: 'file-skipped',
            message: 'contains NUL bytes (binary or UTF-16 without a byte order mark): not built',
          },
        ],
      },
    ]);
  });

  it('a file that cannot be read is named with the first line of the reason', () => {
    const dir = corpus({});
    const missing = readLegacyFile(dir, 'gone/index.md');
    expect(missing).toEqual({
      relPath: 'gone/index.md',
      warnings: [
        { category: 'file-skipped', message: expect.stringMatching(/^could not be read \(ENOENT[^\n]*\): not built$/) },
      ],
    });
  });

  it('the text read keeps the decoder’s repairs before the front matter’s, and the body after the front matter', () => {
    const dir = corpus({ 'r/index.md': `---\ntitle: T\u0007\npermalink: r\nproduct: P\n---\nbody` });
    const read = readLegacyFile(dir, 'r/index.md');
    expect(read).toMatchObject({
      source: '---\ntitle: T\npermalink: r\nproduct: P\n---\nbody',
      body: 'body',
      warnings: [{ category: 'text-repaired', message: '1 control or direction-override character removed' }],
    });
    expect(readLegacyText(dir, 'r/index.md')).toEqual({
      source: '---\ntitle: T\npermalink: r\nproduct: P\n---\nbody',
      body: 'body',
    });
  });

  it('readLegacyText refuses what the plan refused', () => {
    const dir = corpus({ 'bin/index.md': new Uint8Array([0xff, 0xfe, 0x41, 0]) });
    expect(readLegacyText(dir, 'bin/index.md')).toEqual({
      relPath: 'bin/index.md',
      warnings: [{ category: 'file-skipped', message: 'UTF-16 text, not UTF-8: not built' }],
    });
  });
});

describe('who wins a URL or a title', () => {
  it('a native article’s title, however written, keeps a legacy file out', () => {
    const dir = corpus({ 'a/index.md': article('"SECURE a-Mailbox!"', 'legacy-secure') });
    const plan = planLegacyCorpus(dir, { slugs: new Set(), titles: new Map([['secureamailbox', 'secure-native']]) });
    expect(plan.pages).toEqual([]);
    expect(plan.skipped[0]!.warnings.at(-1)).toEqual({
      category: 'native-title',
      message: 'its title "SECURE a-Mailbox!" is the title of the native article /docs/secure-native/: not built',
    });
  });

  it('a native article’s slug keeps a legacy file out, named', () => {
    const dir = corpus({ 'a/index.md': article('Other', 'native') });
    const plan = planLegacyCorpus(dir, { slugs: new Set(['native']), titles: new Map() });
    expect(plan.skipped[0]!.warnings.at(-1)).toEqual({
      category: 'native-wins',
      message: '/docs/native/ is a native article: the native one is kept, this file is not built',
    });
  });

  it('of files with one permalink, the one living under a folder of that name wins, the others are named', () => {
    const dir = corpus({
      'a/first/index.md': article('First', 'same'),
      'b/same/index.md': article('Home', 'same'),
      'c/third/index.md': article('Third', 'same'),
    });
    const plan = planLegacyCorpus(dir, noNative());
    expect(plan.pages.map((p) => p.relPath)).toEqual(['b/same/index.md']);
    expect(plan.pages[0]!.warnings).toEqual([
      {
        category: 'duplicate-permalink',
        message:
          'permalink /docs/same/ is also claimed by a/first/index.md, c/third/index.md: this file is kept (its folder is named like the permalink)',
      },
    ]);
    expect(plan.skipped.map((s) => [s.relPath, s.warnings.at(-1)!.message])).toEqual([
      [
        'a/first/index.md',
        'permalink /docs/same/ is also claimed by b/same/index.md, which is kept (its folder is named like the permalink): this file is not built',
      ],
      [
        'c/third/index.md',
        'permalink /docs/same/ is also claimed by b/same/index.md, which is kept (its folder is named like the permalink): this file is not built',
      ],
    ]);
  });

  it('without such a folder the first in path order wins, and the reason says so', () => {
    const dir = corpus({ 'b/two/index.md': article('Two', 'same'), 'a/one/index.md': article('One', 'same') });
    const plan = planLegacyCorpus(dir, noNative());
    expect(plan.pages.map((p) => p.relPath)).toEqual(['a/one/index.md']);
    expect(plan.pages[0]!.warnings[0]!.message).toBe(
      'permalink /docs/same/ is also claimed by b/two/index.md: this file is kept (no file lives under a folder of that name, it comes first in path order)',
    );
  });

  it('pages come out in path order whatever their slugs', () => {
    const dir = corpus({ 'a/index.md': article('A', 'zzz'), 'b/index.md': article('B', 'aaa') });
    expect(planLegacyCorpus(dir, noNative()).pages.map((p) => p.meta.slug)).toEqual(['zzz', 'aaa']);
  });
});

describe('nativeArticles', () => {
  it('reads .md and .mdx file names as slugs, lower case, and their titles as keys', () => {
    const dir = corpus({
      'Secure-Mailbox.md': '---\ntitle: "Secure a Mailbox"\n---\n',
      'other.mdx': '---\ntitle: 5\n---\n',
      'notes.txt': '---\ntitle: Not an article\n---\n',
      'plain.md': 'no front matter',
    });
    const { slugs, titles } = nativeArticles(dir);
    expect([...slugs].sort()).toEqual(['other', 'plain', 'secure-mailbox']);
    expect([...titles]).toEqual([['secureamailbox', 'secure-mailbox']]);
  });

  it('a folder that does not exist has none', () => {
    expect(nativeArticles(join(tmpdir(), 'no-such-native-folder-xyz'))).toEqual({
      slugs: new Set(),
      titles: new Map(),
    });
  });
});

describe('links into another imported page’s section', () => {
  it('a fragment written encoded is compared decoded; a malformed one as written; another site is left alone', () => {
    const ids = new Map([['a', new Set(['x y', '50%'])]]);
    const { html, dropped } = dropMissingFragments(
      '<a href="/docs/a/#x%20y">1</a><a href="/docs/a/#50%">2</a><a href="/docs/a/#">3</a><a href="https://x/docs/a/#gone">4</a>',
      ids,
    );
    expect(html).toBe(
      '<a href="/docs/a/#x%20y">1</a><a href="/docs/a/#50%">2</a><a href="/docs/a/">3</a><a href="https://x/docs/a/#gone">4</a>',
    );
    expect(dropped).toBe(1);
  });

  it('every missing fragment on a page is counted', () => {
    const ids = new Map([['a', new Set<string>()]]);
    expect(dropMissingFragments('<a href="/docs/a/#p">1</a><a href="/docs/a/#q">2</a>', ids)).toEqual({
      html: '<a href="/docs/a/">1</a><a href="/docs/a/">2</a>',
      dropped: 2,
    });
  });
});

describe('the build log', () => {
  it('one line per warning: a file name or message cannot forge another line or reorder the text', () => {
    expect(formatWarning({ file: 'a\nb.md', category: 'noindex', message: 'x\u202ey\u0000' })).toBe(
      '[legacy:noindex] a\\u000ab.md: x\\u202ey\\u0000',
    );
  });

  it('the summary lists each category once, in the fixed order, with its count right-aligned', () => {
    const log = new WarningLog();
    log.add('a.md', 'noindex', 'x');
    log.add('b.md', 'missing-title', 'y');
    log.add('b.md', 'noindex', 'z');
    expect(log.summary()).toEqual([
      'legacy import: 3 repairs in 2 files',
      '      1  missing-title: title missing: derived one',
      '      2  noindex: noindex: built, kept out of search and sitemap',
    ]);
    expect(new WarningLog().summary()).toEqual(['legacy import: 0 repairs in 0 files']);
  });
});
