import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LegacyHtmlFiles, readLegacyHtml } from '../../../src/lib/legacy/html-files';

const store = () => new LegacyHtmlFiles(join(mkdtempSync(join(tmpdir(), 'legacy-html-')), 'kb-legacy-html'));

describe('LegacyHtmlFiles (rendered legacy HTML beside the content store)', () => {
  it('writes a file once and reads it back; the page reads it by the path the entry holds', () => {
    const files = store();
    const path = files.write('0a1b2c.html', '<p>first</p>');
    expect(files.write('0a1b2c.html', '<p>never written: the name is a digest of the first</p>')).toBe(path);
    expect(files.read('0a1b2c.html')).toBe('<p>first</p>');
    expect(readLegacyHtml('some-page', { htmlPath: path })).toBe('<p>first</p>');
  });

  it('takes only names made of digests, so nothing is read or written outside its folder', () => {
    const files = store();
    for (const name of ['../escape.html', 'a/b.html', '0a1b.htm', '.html', 'x.html/..'])
      expect(() => files.path(name)).toThrow();
    expect(files.path('0a1b-9f8e.html')).toBe(join(files.dir, '0a1b-9f8e.html'));
  });

  it('prunes the files no entry names, and leftovers of interrupted writes, nothing else', () => {
    const files = store();
    files.write('aa.html', 'kept');
    files.write('bb.html', 'gone');
    writeFileSync(join(files.dir, 'cc.html.123.partial'), 'half');
    writeFileSync(join(files.dir, 'notes.txt'), 'not ours');
    files.prune(new Set(['aa.html']));
    expect(readdirSync(files.dir).sort()).toEqual(['aa.html', 'notes.txt']);
  });

  it('names the entry and the way out when its file is missing', () => {
    expect(() => readLegacyHtml('some-page', undefined)).toThrow(/some-page names no HTML file.*node_modules\/\.astro/);
    const missing = join(tmpdir(), 'no-such-dir', 'aa.html');
    expect(existsSync(missing)).toBe(false);
    expect(() => readLegacyHtml('some-page', { htmlPath: missing })).toThrow(/some-page.*cannot be read.*build again/);
  });
});
