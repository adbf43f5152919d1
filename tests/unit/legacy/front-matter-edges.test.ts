/**
 * Front matter, permalinks, dates and labels of legacy files, at their edges (written to kill the mutants Stryker
 * found surviving in `src/lib/legacy/front-matter.ts`, `dates.ts` and `text.ts`). A legacy file is
 * attacker-controlled text: what it says decides a URL, a title and the warnings. Fixtures are built in each test.
 */
import { describe, expect, it } from 'vitest';
import { repairDate } from '../../../src/lib/legacy/dates';
import {
  declaredLanguage,
  findFrontMatter,
  mapFrontMatter,
  normalisePermalink,
  safeDecode,
  splitFrontMatter,
} from '../../../src/lib/legacy/front-matter';
import { capLabel, cleanLabel, decodeSource, printable, truncateAtWord } from '../../../src/lib/legacy/text';

const map = (path: string, source: string) => mapFrontMatter(path, splitFrontMatter(source));
const front = (lines: string) => `---\n${lines}\n---\n`;

describe('finding the front matter', () => {
  it('after a byte order mark, with spaces after the fences and CRLF line ends', () => {
    expect(findFrontMatter('\uFEFF---  \r\ntitle: a\r\n--- \r\nbody')).toEqual({
      yaml: 'title: a',
      body: 'body',
      location: 'front',
    });
    expect(findFrontMatter('---\ntitle: a\n---')).toEqual({ yaml: 'title: a', body: '', location: 'front' });
  });

  it('only at the very start of the file', () => {
    expect(findFrontMatter(' ---\ntitle: a\n---\n')).toEqual({ body: ' ---\ntitle: a\n---\n', location: 'none' });
    expect(findFrontMatter('x\n---\ntitle: a\n---\n').location).toBe('none');
  });

  it('inside an HTML comment, with any run of dashes and spaces around it', () => {
    expect(findFrontMatter('\uFEFF <!-- \n---\ntitle: c\n---\n  --> \nb')).toEqual({
      yaml: 'title: c',
      body: 'b',
      location: 'comment',
    });
    expect(findFrontMatter('<!--\r\n---\r\ntitle: d\r\n---\r\n---->')).toEqual({
      yaml: 'title: d',
      body: '',
      location: 'comment',
    });
  });

  it('YAML that is no mapping gives no data; YAML that does not parse gives its error', () => {
    for (const yaml of ['- a', 'plain', 'null', '42'])
      expect(splitFrontMatter(front(yaml))).toEqual({ data: {}, body: '', location: 'front' });
    const broken = splitFrontMatter(`${front('title: [x')}after`);
    expect(broken.data).toEqual({});
    expect(broken.body).toBe('after');
    expect(broken.error).toMatch(/^Flow sequence/);
    expect(splitFrontMatter('plain text')).toEqual({ data: {}, body: 'plain text', location: 'none' });
  });
});

describe('normalisePermalink', () => {
  it.each([
    ['docs/foo', 'foo'],
    ['/how-to/', 'how-to'],
    ['/docs/', 'docs'],
    ['support/how-to/x/y', 'x-y'],
    ['how-to/a', 'a'],
    ['support/x', 'support-x'],
    ['x/./y', 'x-y'],
    ['./docs/foo', 'foo'],
    ['A%20B', 'a-b'],
    ['é/ü', 'e-u'],
    ['_a_/-b-', 'a-b'],
    ['a.b_c-d', 'a.b_c-d'],
    ['a!!b', 'a-b'],
    ['%E0%A4%A', 'e0-a4-a'],
  ])('%j → %j', (input, expected) => expect(normalisePermalink(input)).toBe(expected));

  it('is cut to 100 characters at a hyphen in the second half, else where the limit falls', () => {
    expect(normalisePermalink(`${'a'.repeat(60)}-${'b'.repeat(60)}`)).toBe('a'.repeat(60));
    expect(normalisePermalink('a'.repeat(120))).toBe('a'.repeat(100));
    expect(normalisePermalink(`${'a'.repeat(99)}-b`)).toBe('a'.repeat(99));
    expect(normalisePermalink(`${'a'.repeat(98)}-b`)).toBe(`${'a'.repeat(98)}-b`);
    expect(normalisePermalink(`${'a'.repeat(30)}-${'b'.repeat(80)}`)).toBe(`${'a'.repeat(30)}-${'b'.repeat(69)}`);
    expect(normalisePermalink(`${'a'.repeat(98)}._x`)).toBe('a'.repeat(98));
    // A hyphen at exactly half the limit is too early to cut at.
    expect(normalisePermalink(`${'a'.repeat(50)}-${'b'.repeat(60)}`)).toBe(`${'a'.repeat(50)}-${'b'.repeat(49)}`);
  });

  it('safeDecode decodes what it can and keeps a malformed escape as written', () => {
    expect(safeDecode('%2e%2e')).toBe('..');
    expect(safeDecode('50%')).toBe('50%');
  });
});

describe('declaredLanguage', () => {
  it.each([
    [' en ', 'en'],
    ['pt_br', 'pt-BR'],
    ['EN-gb', 'en-GB'],
    ['zh-Hant-TW', 'zh-Hant-TW'],
    ['fil', 'fil'],
  ])('%j → %j', (input, expected) => expect(declaredLanguage(input)).toBe(expected));

  it.each([['Spanish'], ['xx-'], [5], ['en-a'], ['abcd'], ['e'], ['en-toolongsubtag'], [''], ['x-en']])(
    '%j is no language tag',
    (input) => expect(declaredLanguage(input)).toBeUndefined(),
  );
});

describe('mapFrontMatter', () => {
  it('a file not named index.md describes a folder of its own name; numbers are read as text', () => {
    const { meta, warnings } = map('a/b.md', front('title: 42\npermalink: 7\nproduct: P'));
    expect(meta).toEqual({
      title: '42',
      slug: '7',
      product: { slug: 'p', name: 'P' },
      noindex: false,
      retired: false,
      section: false,
      folder: 'a/b',
    });
    expect(warnings).toEqual([]);
  });

  it('YAML that does not parse is named by its first line; the title then comes from the first heading', () => {
    const { meta, warnings } = map('a/b/index.md', `${front('title: [x')}# *Bold* \`t\` _u_\n`);
    expect(meta.title).toBe('Bold t u');
    expect(warnings.slice(0, 2)).toEqual([
      {
        category: 'missing-title',
        message:
          'front matter is not valid YAML (Flow sequence in block collection must be sufficiently indented and end with a ] at line 1, column 10:)',
      },
      { category: 'missing-title', message: 'no title: using "Bold t u"' },
    ]);
  });

  it('without a title or heading, the folder’s name, humanised; says so when there is no front matter', () => {
    const { meta, warnings } = map('a/my_page--name/index.md', 'no front matter');
    expect(meta.title).toBe('My page name');
    expect(warnings[0]).toEqual({
      category: 'missing-title',
      message: 'no title: using "My page name" (the file has no front matter)',
    });
    expect(map('README.md', front('permalink: x')).meta.title).toBe('Readme');
    expect(map('a/b/index.md', front('title: ""\npermalink: x')).warnings[0]?.message).toBe('no title: using "B"');
  });

  it('an index.md at the corpus root is named Index; a folder name of only dashes gives Untitled and General', () => {
    expect(map('index.md', 'x').meta).toMatchObject({ title: 'Index', slug: 'untitled', folder: '' });
    expect(map('---/b/index.md', front('permalink: p')).meta).toMatchObject({ product: { name: 'General' } });
    expect(map('a/---/index.md', front('permalink: p')).meta.title).toBe('Untitled');
  });

  it('a file deeper down is named, and served, after its own folder, not an ancestor', () => {
    expect(map('a/b/c/index.md', 'x').meta).toMatchObject({ title: 'C', slug: 'c', folder: 'a/b/c' });
    expect(map('a/b/c.md', 'x').meta).toMatchObject({ title: 'C', slug: 'c', folder: 'a/b/c' });
  });

  it('front matter in a comment and a title with invisible characters are each named in their warning', () => {
    expect(map('a/b/index.md', '<!--\n---\ntitle: T\npermalink: p\nproduct: P\n---\n-->\n').warnings).toEqual([
      { category: 'front-matter-in-comment', message: 'front matter is inside an HTML comment: read it anyway' },
    ]);
    expect(map('a/b/index.md', front('title: "T\u200b"\npermalink: p\nproduct: P')).warnings).toEqual([
      { category: 'text-repaired', message: 'title: control, zero-width or direction-override characters removed' },
    ]);
  });

  it('a title that cleans to nothing falls back like a missing one', () => {
    expect(map('a/b/index.md', front('title: "\u200b\u200b"\npermalink: x')).meta.title).toBe('B');
  });

  it('a title of only a heading of stars and marks falls back to the folder', () => {
    expect(map('a/b/index.md', `${front('permalink: x')}# **\n`).meta.title).toBe('B');
  });

  it('a capped heading as title is named in its warnings as the first heading', () => {
    const { meta, warnings } = map('a/b/index.md', `${front('permalink: x')}# ${'word '.repeat(40)}\n`);
    expect([...meta.title].length).toBeLessThanOrEqual(150);
    expect(warnings.map((w) => w.message)).toContain('first heading of 199 characters cut to 150');
  });

  it('a permalink that needed repair is named with where it is served', () => {
    expect(map('README.md', front('title: T\npermalink: Foo')).warnings[0]).toEqual({
      category: 'permalink-repaired',
      message: 'permalink "Foo" served at /docs/foo/ (no ".", "..", nested folders or more than 100 characters)',
    });
    const long = map('a/b/index.md', front(`title: T\npermalink: "${'x'.repeat(90)}/${'y'.repeat(20)}"`));
    expect(long.meta.slug).toBe('x'.repeat(90));
    expect(long.warnings[0]?.message).toBe(
      `permalink "${'x'.repeat(79)}…" served at /docs/${'x'.repeat(90)}/ (no ".", "..", nested folders or more than 100 characters)`,
    );
  });

  it('a permalink of exactly 80 characters is quoted whole in its warning', () => {
    const permalink = 'X'.repeat(80);
    expect(map('a/b/index.md', front(`title: T\npermalink: ${permalink}`)).warnings[0]?.message).toBe(
      `permalink "${permalink}" served at /docs/${'x'.repeat(80)}/ (no ".", "..", nested folders or more than 100 characters)`,
    );
  });

  it('a well-formed permalink is no repair: plain, under /support/how-to/, or that folder itself', () => {
    for (const permalink of ['foo', '/foo/', '/support/how-to/foo/', 'support/how-to', 'a.b_c-1', '" foo "'])
      expect(map('a/b/index.md', front(`title: T\npermalink: ${permalink}\nproduct: P`)).warnings).toEqual([]);
  });

  it.each(['foo-', 'Foo', '-foo', 'a/b', '/how-to/foo/', 'foo.', 'foo bar'])(
    'permalink %j is repaired, with a warning',
    (permalink) =>
      expect(map('a/b/index.md', front(`title: T\npermalink: "${permalink}"`)).warnings[0]?.category).toBe(
        'permalink-repaired',
      ),
  );

  it('a permalink that is no URL, or none, gives the folder’s name, with a warning saying which', () => {
    expect(map('a/b/index.md', front('title: T\npermalink: "/"')).warnings[0]).toEqual({
      category: 'missing-permalink',
      message: 'permalink "/" is no URL: served at /docs/b/',
    });
    expect(map('a/b/index.md', front('title: T\npermalink: "  "')).warnings[0]?.message).toBe(
      'no permalink: served at /docs/b/',
    );
    expect(map('a/%%%/index.md', front('title: T')).meta.slug).toBe('a');
    expect(map('%%%/_index.md', front('title: T')).meta.slug).toBe('untitled');
  });

  it('a stray slug is named and ignored', () => {
    const { meta, warnings } = map('a/b/index.md', front('title: T\npermalink: p\nslug: 3\nproduct: P'));
    expect(meta.slug).toBe('p');
    expect(warnings).toEqual([
      { category: 'stray-slug', message: 'ignored "slug: 3" (the URL comes from the permalink: /docs/p/)' },
    ]);
  });

  it('without a product, the first folder; a file at the root is General', () => {
    const { meta, warnings } = map('cloud-files/b/index.md', front('title: T\npermalink: p\nproduct: "  "'));
    expect(meta.product).toEqual({ slug: 'cloud-files', name: 'Cloud files' });
    expect(warnings).toEqual([{ category: 'missing-product', message: 'no product: filed under "Cloud files"' }]);
    expect(map('README.md', front('title: T\npermalink: p')).meta.product).toEqual({
      slug: 'general',
      name: 'General',
    });
    expect(map('a/b/index.md', front('title: T\npermalink: p\nproduct: 5')).meta.product.name).toBe('A');
  });

  it('a section at the top of a product needs no product; one further down does', () => {
    expect(map('x/_index.md', front('title: X\npermalink: x')).warnings).toEqual([]);
    expect(map('x/_index.md', front('title: X\npermalink: x')).meta).toMatchObject({ section: true, folder: 'x' });
    expect(map('x/y/_index.md', front('title: X\npermalink: y')).warnings.map((w) => w.category)).toEqual([
      'missing-product',
    ]);
  });

  it('a product name is cleaned and capped, with a warning for each', () => {
    const { meta, warnings } = map(
      'a/b/index.md',
      front(`title: T\npermalink: p\nproduct: "A\u200bB ${'c '.repeat(40)}"`),
    );
    expect(meta.product.name.length).toBeLessThanOrEqual(60);
    expect(warnings).toEqual([
      {
        category: 'text-repaired',
        message: 'product name: control, zero-width or direction-override characters removed',
      },
      { category: 'length-capped', message: 'product name of 84 characters cut to 60' },
    ]);
  });

  it('reads each date key, saying what it repaired or left out and why', () => {
    const { meta, warnings } = map(
      'a/b/index.md',
      front(
        'title: T\npermalink: p\nproduct: P\ncreated_date: 2019-5-1\naudit_date: ""\nlast_modified_date: soon\nlas_modified_date: 2019-01-01',
      ),
    );
    expect(meta.created).toBe('2019-05-01');
    expect(meta.audited).toBeUndefined();
    expect(meta.updated).toBeUndefined();
    expect(warnings).toEqual([
      { category: 'date-repaired', message: 'created_date "2019-5-1" read as 2019-05-01' },
      { category: 'date-dropped', message: 'audit_date is empty: left out' },
      { category: 'date-dropped', message: 'last_modified_date "soon" left out: not a YYYY-MM-DD date' },
      {
        category: 'date-key-typo',
        message: 'ignored the misspelt key "las_modified_date": last_modified_date is set',
      },
    ]);
  });

  it('every date a file gives is kept: created, audited, updated', () => {
    const { meta, warnings } = map(
      'a/b/index.md',
      front(
        'title: T\npermalink: p\nproduct: P\ncreated_date: 2019-01-02\naudit_date: 2020-03-04\nlast_modified_date: 2021-05-06',
      ),
    );
    expect(meta).toMatchObject({ created: '2019-01-02', audited: '2020-03-04', updated: '2021-05-06' });
    expect(warnings).toEqual([]);
  });

  it('the misspelt key stands in for a missing last_modified_date', () => {
    const { meta, warnings } = map(
      'a/b/index.md',
      front('title: T\npermalink: p\nproduct: P\nlas_modified_date: 2019-01-01'),
    );
    expect(meta.updated).toBe('2019-01-01');
    expect(warnings).toEqual([
      { category: 'date-key-typo', message: 'read the misspelt key "las_modified_date" as last_modified_date' },
    ]);
  });

  it('noindex and retired are true only for true or "true"', () => {
    const flags = (value: string) => map('a/b/index.md', front(`title: T\nnoindex: ${value}\nretired: ${value}`)).meta;
    expect(flags('true')).toMatchObject({ noindex: true, retired: true });
    expect(flags('"true"')).toMatchObject({ noindex: true, retired: true });
    expect(flags('yes')).toMatchObject({ noindex: false, retired: false });
    expect(flags('1')).toMatchObject({ noindex: false, retired: false });
    expect(map('a/b/index.md', front('title: T\npermalink: p\nproduct: P\nnoindex: true')).warnings).toEqual([
      { category: 'noindex', message: 'noindex: built, but kept out of search and the sitemap' },
    ]);
  });

  it('reads lang, else language; one that is no tag is named and ignored', () => {
    const base = 'title: T\npermalink: p\nproduct: P';
    expect(map('a/b/index.md', front(`${base}\nlanguage: pt_br`)).meta.lang).toBe('pt-BR');
    expect(map('a/b/index.md', front(`${base}\nlang: fr\nlanguage: de`)).meta.lang).toBe('fr');
    const ignored = map('a/b/index.md', front(`${base}\nlang: english\nlanguage: de`));
    expect('lang' in ignored.meta).toBe(false);
    expect(ignored.warnings).toEqual([
      {
        category: 'lang-ignored',
        message: '"lang: english" is not a language tag: ignored, the language is detected from the text',
      },
    ]);
    expect(map('a/b/index.md', front(base)).warnings).toEqual([]);
  });
});

describe('repairDate', () => {
  it('reads a YAML date, and refuses an invalid one', () => {
    expect(repairDate(new Date(Date.UTC(2020, 1, 29)))).toEqual({ status: 'ok', date: '2020-02-29' });
    expect(repairDate(new Date(Number.NaN))).toEqual({ status: 'invalid', raw: 'Invalid Date', reason: 'not a date' });
  });

  it('names what is ambiguous', () => {
    expect(repairDate('20121-07-07')).toEqual({
      status: 'invalid',
      raw: '20121-07-07',
      reason: 'the year "20121" is ambiguous',
    });
    expect(repairDate('2020-123-01')).toMatchObject({ reason: 'the month "123" is ambiguous' });
    expect(repairDate('2020-05-128')).toMatchObject({ reason: 'the day "128" is ambiguous' });
    expect(repairDate('2021-13-01')).toMatchObject({ reason: 'no such day' });
    expect(repairDate('2021-00-10')).toMatchObject({ reason: 'no such day' });
    expect(repairDate('2021-01-00')).toMatchObject({ reason: 'no such day' });
    expect(repairDate('2021-1-2x')).toMatchObject({ reason: 'not a YYYY-MM-DD date' });
  });

  it('repairs leading zeros, quotes and a time, and says ok only for the date exactly', () => {
    expect(repairDate('2019-0012-0020')).toEqual({ status: 'repaired', date: '2019-12-20', raw: '2019-0012-0020' });
    expect(repairDate(' 2019-12-20 ')).toEqual({ status: 'ok', date: '2019-12-20' });
    expect(repairDate('2019-12-20T10:00:00Z')).toMatchObject({ status: 'repaired', date: '2019-12-20' });
    expect(repairDate('2019-12-20 10:00')).toMatchObject({ status: 'repaired', date: '2019-12-20' });
    expect(repairDate('"“2019-12-20”"')).toMatchObject({ status: 'repaired', date: '2019-12-20' });
    expect(repairDate(`'  '`)).toEqual({ status: 'empty' });
    expect(repairDate(`"'`)).toEqual({ status: 'empty' });
    expect(repairDate(undefined)).toEqual({ status: 'empty' });
  });
});

describe('text', () => {
  it('decodeSource refuses UTF-16 either way round, and a file of more than 1 % bad bytes', () => {
    expect(decodeSource(new Uint8Array([0xfe, 0xff, 0x00, 0x41]))).toEqual({
      ok: false,
      warning: { category: 'file-skipped', message: 'UTF-16 text, not UTF-8: not built' },
    });
    const manyBad = new Uint8Array(100).fill(0x61);
    manyBad.fill(0xff, 0, 9);
    expect(decodeSource(manyBad)).toEqual({
      ok: false,
      warning: {
        category: 'file-skipped',
        message: '9 bytes are not valid UTF-8 (binary, or another encoding): not built',
      },
    });
    const fewBad = new Uint8Array(100).fill(0x61);
    fewBad.fill(0xff, 0, 8);
    expect(decodeSource(fewBad)).toMatchObject({
      ok: true,
      warnings: [{ category: 'text-repaired', message: '8 invalid UTF-8 sequences shown as �' }],
    });
  });

  it('decodeSource names its limits in its warnings', () => {
    expect(decodeSource(new Uint8Array(512 * 1024 + 1).fill(0x61))).toEqual({
      ok: false,
      warning: {
        category: 'file-skipped',
        message: '524289 bytes, over the 524288-byte limit for one article: not built',
      },
    });
    expect(decodeSource(new Uint8Array(512 * 1024).fill(0x61)).ok).toBe(true);
    expect(decodeSource(new Uint8Array([0x61, 0, 0x62]))).toEqual({
      ok: false,
      warning: {
        category: 'file-skipped',
        message: 'contains NUL bytes (binary or UTF-16 without a byte order mark): not built',
      },
    });
  });

  it('decodeSource drops a byte order mark and counts one repair in the singular', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xff, 0x01]);
    expect(decodeSource(bytes)).toEqual({
      ok: true,
      text: 'a\uFFFD',
      warnings: [
        { category: 'text-repaired', message: '1 invalid UTF-8 sequence shown as �' },
        { category: 'text-repaired', message: '1 control or direction-override character removed' },
      ],
    });
    expect(decodeSource(new TextEncoder().encode('clean\ttext\n'))).toEqual({
      ok: true,
      text: 'clean\ttext\n',
      warnings: [],
    });
  });

  it('cleanLabel and capLabel: invisible characters go, spaces are single, a change is reported', () => {
    expect(cleanLabel(' a\u00ad\u200b\u2060\ufeff\u180e  b\u0007 ')).toBe('a b');
    expect(capLabel('  a   b ', 10)).toEqual({ text: 'a b', cleaned: false, truncated: false });
    expect(capLabel('a\u200bb', 10)).toEqual({ text: 'ab', cleaned: true, truncated: false });
    expect(capLabel('abcdefghijkl', 10)).toEqual({ text: 'abcdefghi…', cleaned: false, truncated: true });
  });

  it('truncateAtWord counts characters, not UTF-16 units, and cuts at a space in the second half', () => {
    expect(truncateAtWord('😀'.repeat(5), 5)).toBe('😀'.repeat(5));
    expect(truncateAtWord('😀'.repeat(6), 5)).toBe(`${'😀'.repeat(4)}…`);
    expect(truncateAtWord('abc def ghij', 10)).toBe('abc def…');
    expect(truncateAtWord('ab cdefghijkl', 10)).toBe('ab cdefgh…');
    expect(truncateAtWord('abcd, efghij', 8)).toBe('abcd…');
  });

  it('printable escapes controls, direction overrides and line separators, nothing else', () => {
    expect(printable('a\nb\u202ec\u2028d\u0085é')).toBe('a\\u000ab\\u202ec\\u2028d\\u0085é');
  });
});
