/**
 * Deep links in imported pages, at their edges (written to kill the mutants Stryker found surviving in
 * `src/lib/legacy/html/links.ts`, `ids.ts` and `fragments.ts`): where a link goes, which addresses may stay, which
 * ids are kept, repaired or dropped, and how in-page links follow them. Fixtures are built inside each test.
 */
import { describe, expect, it } from 'vitest';
import { processLegacyHtml, rewriteLegacyLink, sanitizeLegacyHtml } from '../../../src/lib/legacy/html';
import { safeId } from '../../../src/lib/legacy/html/ids';
import { outsideAllowlist } from './html-reparse';

describe('rewriteLegacyLink', () => {
  const known = () => new Set(['other', 'b', 'how-to', 'cloud-servers']);
  it.each([
    ['', ''],
    ['  #x  ', '#x'],
    ['MAILTO:a@b.example', 'MAILTO:a@b.example'],
    ['Tel:+441234', 'Tel:+441234'],
    ['www.example.com/x', 'https://www.example.com/x'],
    ['example.com?x=1', 'https://example.com/?x=1'],
    ['example.com#top', 'https://example.com/#top'],
    ['cp.rackspace.com', 'https://cp.rackspace.com/'],
    // A file name is a relative link, not a host.
    ['notes.md', 'https://docs.rackspace.com/support/how-to/page/notes.md'],
    ['shot.PNG', 'https://docs.rackspace.com/support/how-to/page/shot.PNG'],
    ['page.html', 'https://docs.rackspace.com/support/how-to/page/page.html'],
    ['a.b', 'https://docs.rackspace.com/support/how-to/page/a.b'],
    ['1.2.3.4', 'https://docs.rackspace.com/support/how-to/page/1.2.3.4'],
    ['../other/', '/docs/other/'],
    ['http://docs.rackspace.com/not-imported', 'https://docs.rackspace.com/not-imported'],
    ['http://www.rackspace.com/support/how-to/Other/#h', '/docs/other/#h'],
    ['http://www.rackspace.com/support/how-to/missing', 'https://www.rackspace.com/support/how-to/missing'],
    ['http://www.rackspace.com/about', 'http://www.rackspace.com/about'],
    ['https://example.com/support/how-to/other/', 'https://example.com/support/how-to/other/'],
    ['/support/how-to', '/docs/how-to/'],
    ['/support/how-to/a/b/', '/docs/b/'],
    ['/how-to/Cloud-Servers?x=1#y', '/docs/cloud-servers/#y'],
    ['/docs/other/', 'https://docs.rackspace.com/docs/other/'],
    ['ftp://files.example/x', 'ftp://files.example/x'],
    // Only a mailto: or tel: at the start is a scheme; a two-letter top-level domain is a host too.
    ['guide?tel:1', 'https://docs.rackspace.com/support/how-to/page/guide?tel:1'],
    ['example.io/x', 'https://example.io/x'],
    // A file name only when the whole address is one: a host with a page, or a host named like a file, is a host.
    ['www.example.com/guide.html', 'https://www.example.com/guide.html'],
    ['help.md.example.com', 'https://help.md.example.com/'],
    ['page.htm', 'https://docs.rackspace.com/support/how-to/page/page.htm'],
    ['shot.jpg', 'https://docs.rackspace.com/support/how-to/page/shot.jpg'],
    // Another scheme on the old site's host is no link to an imported page: it stays as written (and is refused).
    ['ftp://docs.rackspace.com/support/how-to/other', 'ftp://docs.rackspace.com/support/how-to/other'],
    ['FTP://Files.Example/x', 'FTP://Files.Example/x'],
  ])('%j → %j', (href, expected) => expect(rewriteLegacyLink(href, 'page', known())).toBe(expected));

  it('resolves a relative link against the page’s own old address', () => {
    expect(rewriteLegacyLink('sibling', 'cloud-servers', new Set())).toBe(
      'https://docs.rackspace.com/support/how-to/cloud-servers/sibling',
    );
  });

  it('an address no URL parser reads, or one the browser could not read back, keeps only its text', () => {
    expect(rewriteLegacyLink('http://[::1', 'page', new Set())).toBeUndefined();
    expect(rewriteLegacyLink('https://<endpoint>/x', 'page', new Set())).toBeUndefined();
  });
});

describe('which addresses may stay on a link', () => {
  it('http, https, mailto, tel, relative paths and fragments stay', () => {
    expect(
      sanitizeLegacyHtml(
        '<a href="https://a.example/">a</a><a href="mailto:x@y.example">m</a><a href="tel:1">t</a><a href="#f">f</a>',
      ),
    ).toBe(
      '<a href="https://a.example/">a</a><a href="mailto:x@y.example">m</a><a href="tel:1">t</a><a href="#f">f</a>',
    );
  });

  it('any other scheme goes, also when the browser would read it as javascript:, and the link keeps its text', () => {
    const out = processLegacyHtml(
      '<a href="java\tscript:alert(1)">t</a><a href="ftp://x.example/">f</a><a href=" data:text/html,x">d</a>',
      'T',
    );
    expect(out.html).toBe('<a>t</a><a>f</a><a>d</a>');
    expect(out.warnings[0]?.message).toBe(
      'raw HTML: removed 3 links to a scheme other than http, https, mailto or tel',
    );
  });

  it('a link whose address is no URL becomes a bare span: its id and name go with it', () => {
    const out = sanitizeLegacyHtml('<a href="https://<x>/" id="keep" name="n" title="t">text</a><a>plain</a>');
    expect(out).toBe('<span>text</span><a>plain</a>');
  });
});

describe('ids', () => {
  it('safeId keeps [A-Za-z0-9_-], drops accents, joins the rest with one hyphen, trims hyphens and cuts at 64', () => {
    expect(safeId('Café Crème')).toBe('Cafe-Creme');
    expect(safeId('--a  b%%c--')).toBe('a-b-c');
    expect(safeId('under_score')).toBe('under_score');
    expect(safeId('%%%')).toBe('');
    expect(safeId('x'.repeat(70))).toBe('x'.repeat(64));
    expect(safeId(`${'y'.repeat(63)} z`)).toBe('y'.repeat(63));
  });

  it('a valid id stays; a repaired id is taken when free; a duplicate or a reserved one goes; with one warning', () => {
    const out = processLegacyHtml(
      '<span id="ok">a</span><span id="ok">b</span><span id="a b">c</span><span id="a-b">d</span>' +
        '<span id="toc">e</span><span id="announcer">f</span>',
      'T',
    );
    expect(out.html).toBe(
      '<span id="ok">a</span><span>b</span><span id="a-b">c</span><span>d</span><span>e</span><span>f</span>',
    );
    expect(out.warnings[0]).toEqual({
      category: 'id-repaired',
      message: '5 ids outside [A-Za-z0-9_-], duplicated or reserved: rewritten or removed',
    });
  });

  it('an id with markup characters goes entirely, even when the rest would make a valid id', () => {
    for (const raw of ['a<b', 'a>b', 'a"b', "a'b", 'a`b', 'a=b']) {
      const page = processLegacyHtml(`<span id="${raw.replace(/"/g, '&quot;')}">t</span>`, 'T');
      expect(page.html).toBe('<span>t</span>');
      expect(outsideAllowlist(page.html)).toEqual([]);
      expect(page.warnings[0]?.message).toMatch(/^1 id /);
    }
  });

  it('a link’s name is an id too, repaired the same way; a name on anything else is not kept', () => {
    const out = processLegacyHtml('<a name="step 1">s</a><a name="step-1">t</a><span name="x">u</span>', 'T');
    expect(out.html).toBe('<a name="step-1">s</a><a>t</a><span>u</span>');
  });
});

describe('in-page links', () => {
  it('follow a repaired id, written encoded or not', () => {
    const out = processLegacyHtml(
      '<a href="#x%20y">enc</a><a href="#save-50%">raw</a><span id="x y">t</span><span id="save-50%">u</span>',
      'T',
    );
    expect(out.html).toBe(
      '<a href="#x-y">enc</a><a href="#save-50">raw</a><span id="x-y">t</span><span id="save-50">u</span>',
    );
  });

  it('an empty fragment stays a link to the top; a link to a missing section keeps its text only', () => {
    const out = processLegacyHtml('<a href="#">top</a><a href="#none" name="n">n</a><a href="#gone">g</a>', 'T');
    expect(out.html).toBe('<a href="#">top</a><span>n</span><span>g</span>');
    expect(out.warnings.find((w) => w.category === 'broken-fragment')?.message).toBe(
      '2 in-page links to a missing section: kept as text',
    );
  });

  it('one broken link is named in the singular; a working one gives no warning', () => {
    expect(
      processLegacyHtml('<a href="#gone">g</a>', 'T').warnings.find((w) => w.category === 'broken-fragment')?.message,
    ).toBe('1 in-page link to a missing section: kept as text');
    const fine = processLegacyHtml('<a href="#here">h</a><h2 id="here">Here</h2>', 'T');
    expect(fine.warnings.map((w) => w.category)).not.toContain('broken-fragment');
  });

  it('a link to another page is no in-page link, whatever ids the page has', () => {
    const out = processLegacyHtml('<a href="https://a.example/#gone">a</a><a href="/x#gone">b</a>', 'T');
    expect(out.html).toBe('<a href="https://a.example/#gone">a</a><a href="https://docs.rackspace.com/x#gone">b</a>');
  });

  it('a link to a heading follows the id the heading was given', () => {
    const out = processLegacyHtml('<a href="#where">w</a><h2>Where</h2>', 'T');
    expect(out.html.startsWith('<a href="#where">w</a>')).toBe(true);
  });
});
