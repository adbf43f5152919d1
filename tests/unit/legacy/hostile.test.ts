/**
 * Hostile legacy content against the import's pure functions: the sanitiser
 * bypass of issue #11 and its class, malformed escapes, hostile permalinks and
 * labels, and any string at all (fast-check). Output is re-parsed as a browser
 * parses it (parse5) to prove nothing outside the allowlist survives.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { processLegacyHtml } from '../../../src/lib/legacy/html';
import { convertShortcodes } from '../../../src/lib/legacy/shortcodes';
import { mapFrontMatter, normalisePermalink, splitFrontMatter } from '../../../src/lib/legacy/front-matter';
import { decodeSource, MAX_PRODUCT_CHARS, MAX_SLUG_CHARS, MAX_TITLE_CHARS } from '../../../src/lib/legacy/text';
import { outsideAllowlist } from './html-reparse';

/** The payload from the issue, byte for byte. */
const ISSUE_PAYLOAD = `<a id='x"><meta http-equiv="refresh" content="1;url=http://127.0.0.2:9999/phish"><dialog open><form action="/search/"><input type="password" name="q"><button>Sign in</button></form></dialog><span y="' href="https://www.rackspace.com/"></a>`;
const HEADING_PAYLOAD = `<h2 id='x" autofocus onfocus="location=&apos;http://127.0.0.2:9999/&apos;" y="'>A heading</h2><p>Text under the heading, long enough to describe the page.</p>`;
const ENCODED_HEADING_PAYLOAD = '<h3 id="a&quot; autofocus onfocus=&quot;alert(1)">Encoded</h3>';

const categories = (out: { warnings: { category: string }[] }) => out.warnings.map((w) => w.category);

describe('ids cannot carry markup (issue #11, finding 1)', () => {
  it('the issue’s payload leaves no element or attribute outside the allowlist, and the warning says what happened', () => {
    const out = processLegacyHtml(`<p>Intro text that is long enough to be a description.</p>${ISSUE_PAYLOAD}`, 'T');
    expect(outsideAllowlist(out.html)).toEqual([]);
    expect(out.html).not.toMatch(/<(?:meta|dialog|form|input|button|iframe|script)\b/i);
    // Nothing was removed as an element: the "elements" were text inside an attribute. No warning may claim otherwise.
    expect(categories(out)).not.toContain('unsafe-html-dropped');
    expect(out.warnings.find((w) => w.category === 'id-repaired')?.message).toMatch(/^1 id /);
  });

  it('a heading’s hostile id never reaches the heading or its copy-link', () => {
    for (const payload of [HEADING_PAYLOAD, ENCODED_HEADING_PAYLOAD]) {
      const out = processLegacyHtml(payload, 'T');
      expect(outsideAllowlist(out.html)).toEqual([]);
      expect(out.html).not.toMatch(/autofocus|onfocus/);
      const [heading] = out.headings;
      expect(heading!.slug).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(out.html).toContain(`href="#${heading!.slug}"`);
    }
  });

  it('reports removed elements only when they were elements', () => {
    const real = processLegacyHtml(
      '<form action="https://x.example/"><input type="password"><button>Go</button></form><p onclick="x()">p</p>',
      'T',
    );
    expect(real.warnings.find((w) => w.category === 'unsafe-html-dropped')?.message).toBe(
      'raw HTML: removed elements 1 <button>, 1 <form>, 1 <input>; 1 event handler attribute',
    );
    const quoted = processLegacyHtml(
      '<p>Type <code>&lt;form onsubmit="x"&gt;</code> and <span title="<script>">this</span>.</p>',
      'T',
    );
    expect(categories(quoted)).not.toContain('unsafe-html-dropped');
    expect(outsideAllowlist(quoted.html)).toEqual([]);
  });

  it('repairs ids written with other characters and keeps links to them working', () => {
    const out = processLegacyHtml(
      '<p><a href="#save-50%">jump</a> <a href="#100%">gone</a></p><h2 id="save-50%">Save 50%</h2><span id="a b">x</span><span id="a-b">y</span>',
      'T',
    );
    expect(out.html).toContain('<a href="#save-50">jump</a>');
    expect(out.html).toContain('<h2 id="save-50">');
    expect(out.html).toContain('<span>gone</span>');
    // `a b` becomes `a-b`; the later `a-b` would clash, so it loses its id.
    expect(out.html).toContain('<span id="a-b">x</span><span>y</span>');
    expect(categories(out)).toEqual(expect.arrayContaining(['id-repaired', 'broken-fragment']));
  });

  it('keeps the layout’s own ids off imported content', () => {
    const out = processLegacyHtml('<h2 id="toc">Contents</h2><p id="main-content">x</p>', 'T');
    expect(out.html).not.toMatch(/id="(?:toc|main-content)"/);
    expect(out.headings[0]!.slug).toBe('contents');
  });
});

describe('hostile permalinks stay one segment under /docs/ (finding 2, 6)', () => {
  it.each([
    ['../search', 'search'],
    ['.', ''],
    ['..', ''],
    ['../../etc/passwd', 'etc-passwd'],
    ['../products/rackspace-email', 'products-rackspace-email'],
    ['x/../brand-new-page', 'brand-new-page'],
    ['%2e%2e/%2e%2e/search', 'search'],
    ['/docs/secure-a-compromised-rackspace-email-mailbox/', 'secure-a-compromised-rackspace-email-mailbox'],
    ['secure-a-compromised-rackspace-email-mailbox.', 'secure-a-compromised-rackspace-email-mailbox'],
    ['save-50%', 'save-50'],
    ['a\\..\\..\\b', 'b'],
  ])('%s → %s', (input, expected) => expect(normalisePermalink(input)).toBe(expected));

  it('cuts a permalink over the limit, with a warning naming the repair', () => {
    const { meta, warnings } = mapFrontMatter(
      'x/long/index.md',
      splitFrontMatter(`---\ntitle: T\npermalink: ${'a'.repeat(300)}\n---\n`),
    );
    expect(meta.slug.length).toBeLessThanOrEqual(MAX_SLUG_CHARS);
    expect(warnings.map((w) => w.category)).toContain('permalink-repaired');
  });

  it('gives a permalink that resolves to nothing the folder’s name, with a warning', () => {
    const { meta, warnings } = mapFrontMatter(
      'x/dot-dot/index.md',
      splitFrontMatter('---\ntitle: T\npermalink: ".."\n---\n'),
    );
    expect(meta.slug).toBe('dot-dot');
    expect(warnings.find((w) => w.category === 'missing-permalink')?.message).toBe(
      'permalink ".." is no URL: served at /docs/dot-dot/',
    );
  });
});

describe('labels are capped and cleaned (finding 5, 7)', () => {
  it('cuts titles and product names, and strips controls, direction overrides and zero-width characters', () => {
    const source = `---\ntitle: "Pay\u200b\u202eroll ${'x'.repeat(5000)}"\nproduct: "${'Rackspace '.repeat(40)}"\n---\n`;
    const { meta, warnings } = mapFrontMatter('a/b/index.md', splitFrontMatter(source));
    expect([...meta.title].length).toBeLessThanOrEqual(MAX_TITLE_CHARS);
    expect(meta.title).toMatch(/^Payroll x+…$/);
    expect(meta.product.name.length).toBeLessThanOrEqual(MAX_PRODUCT_CHARS);
    expect(meta.product.slug.length).toBeLessThanOrEqual(MAX_PRODUCT_CHARS);
    expect(warnings.map((w) => w.category)).toEqual(expect.arrayContaining(['length-capped', 'text-repaired']));
  });
});

describe('what is not UTF-8 text is refused or repaired (finding 7)', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  it('refuses binary, UTF-16 and oversized files', () => {
    expect(decodeSource(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2])).ok).toBe(false);
    expect(decodeSource(new Uint8Array([0xff, 0xfe, 0x41, 0x00])).ok).toBe(false);
    expect(decodeSource(new Uint8Array(600 * 1024).fill(0x61)).ok).toBe(false);
    expect(decodeSource(new Uint8Array(2000).fill(0xa0)).ok).toBe(false);
  });

  it('repairs a few invalid bytes and strips control characters (U+0010 as in two corpus files)', () => {
    const latin1 = decodeSource(new Uint8Array([...bytes('caf'), 0xe9, ...bytes(' au lait')]));
    expect(latin1).toMatchObject({ ok: true, text: 'caf\uFFFD au lait' });
    const controls = decodeSource(bytes('a\u0010b\u0007c\u202ed\u001b[0m\te\r\nf\u0085'));
    expect(controls).toMatchObject({ ok: true, text: 'abcd[0m\te\r\nf' });
    if (controls.ok)
      expect(controls.warnings.map((w) => w.message)).toEqual(['5 control or direction-override characters removed']);
  });
});

/** Fragments that make random bodies hit the sanitiser’s edges more often than uniform strings would. */
const HOSTILE_PIECES = [
  ISSUE_PAYLOAD,
  HEADING_PAYLOAD,
  ENCODED_HEADING_PAYLOAD,
  '<a id="',
  '" onfocus="x" ',
  "'",
  '"',
  '<',
  '>',
  '&quot;',
  '&#x22;',
  "<h2 id='",
  '</h2>',
  '<script>',
  '</script>',
  '<svg><a>',
  '<math>',
  '<template>',
  '<noscript>',
  '<!--',
  '-->',
  '<a href="#',
  '%',
  'javascript:',
  '<input type=password>',
  '<form>',
  '<img src=x onerror=y>',
  '<style>',
  '{{<',
  '>}}',
  '{%',
  '%}',
  '<table><tr><td>',
  '<p title="',
];
const hostileText = fc
  .array(fc.oneof(fc.constantFrom(...HOSTILE_PIECES), fc.string(), fc.string({ unit: 'binary' })), { maxLength: 12 })
  .map((parts) => parts.join(''));

describe('any string at all (fast-check)', () => {
  it('as a body, an id or a title: never throws, never yields markup outside the sanitised tree', () => {
    const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
    fc.assert(
      fc.property(hostileText, hostileText, fc.string(), (body, id, title) => {
        for (const html of [
          body,
          `<h2 id="${attr(id)}">${body}</h2><a id="${attr(id)}" href="#${attr(id)}"></a><a href="#${attr(id)}">x</a>`,
        ]) {
          const out = processLegacyHtml(html, title);
          expect(outsideAllowlist(out.html)).toEqual([]);
          for (const heading of out.headings) expect(heading.slug).toMatch(/^[A-Za-z0-9_-]+$/);
        }
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it('as a whole file: reading, mapping and shortcode handling never throw, and what comes out is bounded and clean', () => {
    fc.assert(
      fc.property(hostileText, hostileText, hostileText, hostileText, (title, permalink, product, body) => {
        const quote = (s: string) => JSON.stringify(s);
        const source = `---\ntitle: ${quote(title)}\npermalink: ${quote(permalink)}\nproduct: ${quote(product)}\n---\n${body}`;
        const decoded = decodeSource(new TextEncoder().encode(source));
        if (!decoded.ok) return;
        const split = splitFrontMatter(decoded.text);
        const { meta } = mapFrontMatter('hostile/file/index.md', split);
        expect(meta.slug).toMatch(/^[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?$/);
        expect(meta.slug.length).toBeLessThanOrEqual(MAX_SLUG_CHARS);
        expect(meta.slug.split(/[._-]/)).not.toContain('..');
        expect([...meta.title].length).toBeLessThanOrEqual(MAX_TITLE_CHARS);
        expect(meta.title).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/);
        expect(meta.title.length).toBeGreaterThan(0);
        expect(meta.product.slug).toMatch(/^[a-z0-9-]+$/);
        convertShortcodes(split.body);
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it('as a permalink: always one safe URL segment or nothing', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          hostileText,
          fc
            .array(fc.constantFrom('.', '..', '/', '\\', '%2e', 'a', '-', '_', 'docs', 'support', 'how-to'))
            .map((p) => p.join('')),
        ),
        (value) => {
          const slug = normalisePermalink(value);
          expect(slug === '' || /^[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?$/.test(slug)).toBe(true);
          expect(slug).not.toMatch(/(?:^|[/])\.\.?(?:$|[/])/);
        },
      ),
      { numRuns: 500 },
    );
  }, 120_000);
});
