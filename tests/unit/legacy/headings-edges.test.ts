/**
 * Headings and the description of an imported page, at their edges (written to kill the mutants Stryker found
 * surviving in `src/lib/legacy/html/headings.ts` and `description.ts`): which H1 goes, the levels and the warning
 * naming them, the ids a heading gets (deep links), and which paragraph describes the page.
 * Fixtures are built inside each test.
 */
import { describe, expect, it } from 'vitest';
import { clampDescription, normaliseLevels, processLegacyHtml } from '../../../src/lib/legacy/html';

const category = (html: string, title: string, name: string) =>
  processLegacyHtml(html, title).warnings.find((w) => w.category === name)?.message;

describe('the page’s own H1', () => {
  it('goes when it is the first heading and reads as the title, whatever its case, spacing and punctuation', () => {
    const out = processLegacyHtml('<h1> PHP  errors! </h1><h2>Next</h2>', 'PHP Errors');
    expect(out.html).not.toContain('<h1');
    expect(out.headings.map((h) => h.text)).toEqual(['Next']);
    expect(out.warnings[0]).toEqual({
      category: 'own-h1-removed',
      message: 'removed its own H1 "PHP errors!" (the page title is the H1)',
    });
  });

  it('goes also when no other heading shares its parent', () => {
    expect(processLegacyHtml('<div><h1>Title</h1></div><p>text</p>', 'Title').html).toBe('<div></div><p>text</p>');
  });

  it('its text in the warning is cut at 80 characters', () => {
    const long = `${'word '.repeat(30)}end`;
    expect(category(`<h1>${long}</h1>`, long, 'own-h1-removed')).toBe(
      `removed its own H1 "${'word '.repeat(15).trim()}…" (the page title is the H1)`,
    );
  });

  it('stays, as an h2, when it is another text, when it is not the first heading, or when it is no h1', () => {
    expect(processLegacyHtml('<h1>Other</h1>', 'Title').headings).toEqual([{ depth: 2, slug: 'other', text: 'Other' }]);
    expect(processLegacyHtml('<h2>A</h2><h1>Title</h1>', 'Title').headings.map((h) => h.text)).toEqual(['A', 'Title']);
    expect(processLegacyHtml('<h2>Title</h2>', 'Title').headings.map((h) => h.text)).toEqual(['Title']);
    expect(category('<h2>Title</h2>', 'Title', 'own-h1-removed')).toBeUndefined();
  });
});

describe('heading levels', () => {
  it('never go past h6, however deep the author nested them', () => {
    expect(normaliseLevels([1, 2, 3, 4, 5, 6])).toEqual([2, 3, 4, 5, 6, 6]);
    expect(normaliseLevels([])).toEqual([]);
    expect(normaliseLevels([5])).toEqual([2]);
  });

  it('a heading at the level of an earlier one is its sibling; a deeper one after a shallower is its child', () => {
    expect(normaliseLevels([2, 4, 3])).toEqual([2, 3, 3]);
    expect(normaliseLevels([3, 2, 3, 3])).toEqual([2, 2, 3, 3]);
  });

  it('the warning names the levels before and after, each run of one level once', () => {
    expect(category('<h3>a</h3><h3>b</h3><h5>c</h5><h3>d</h3>', 'T', 'headings-normalised')).toBe(
      'heading levels h3,h5,h3 → h2,h3,h2',
    );
  });

  it('levels already right give no warning', () => {
    expect(category('<h2>a</h2><h3>b</h3><h2>c</h2>', 'T', 'headings-normalised')).toBeUndefined();
  });

  it('a summary of more than eight runs stops with an ellipsis; eight are named in full', () => {
    const nine = '<h3>x</h3><h4>y</h4>'.repeat(4) + '<h3>z</h3>';
    expect(category(nine, 'T', 'headings-normalised')).toBe(
      'heading levels h3,h4,h3,h4,h3,h4,h3,h4,… → h2,h3,h2,h3,h2,h3,h2,h3,…',
    );
    const eight = '<h3>x</h3><h4>y</h4>'.repeat(4);
    expect(category(eight, 'T', 'headings-normalised')).toBe(
      'heading levels h3,h4,h3,h4,h3,h4,h3,h4 → h2,h3,h2,h3,h2,h3,h2,h3',
    );
  });
});

describe('heading ids (deep links)', () => {
  it('an id the author gave stays; one from the text drops apostrophes and joins words with hyphens', () => {
    const out = processLegacyHtml('<h2 id="own">Mine</h2><h2>Don’t  panic: it\'s fine</h2>', 'T');
    expect(out.headings.map((h) => h.slug)).toEqual(['own', 'dont-panic-its-fine']);
  });

  it('a heading with no usable text is numbered by its place; a taken id gets the next free suffix', () => {
    const out = processLegacyHtml(
      '<h1>T</h1><h2>!!!</h2><h2>Step</h2><h2>Step</h2><span id="step-2">x</span><h2>Step</h2><h2>Contents</h2>',
      'T',
    );
    expect(out.headings.map((h) => h.slug)).toEqual(['section-1', 'step', 'step-1', 'step-3', 'contents']);
  });

  it('a heading whose text makes a layout id gets a suffix instead', () => {
    expect(processLegacyHtml('<h2>TOC</h2>', 'T').headings[0]!.slug).toBe('toc-1');
  });

  it('h2 and h3 sit in a row with a copy-link, deeper ones do not', () => {
    const out = processLegacyHtml('<h2>A</h2><h3>B</h3><h4>C</h4>', 'T');
    expect(out.html.match(/class="heading-row"/g)).toHaveLength(2);
    expect(out.html).toContain('<h4 id="c">C</h4>');
    expect(out.html).not.toContain('href="#c"');
  });

  it('the text kept for the contents and the copy-link is squashed and cut at 150 characters', () => {
    const out = processLegacyHtml(`<h2>  ${'word  '.repeat(40)} </h2>`, 'T');
    const [heading] = out.headings;
    expect(heading!.text).toBe(`${'word '.repeat(29).trim()}…`);
    expect(out.html).toContain(`Copy link to: ${heading!.text}`);
    expect(processLegacyHtml('<h2>a\n  b</h2>', 'T').headings[0]).toEqual({ depth: 2, slug: 'a-b', text: 'a b' });
  });
});

describe('the description', () => {
  it('is the first paragraph of 40 characters or more, not an image placeholder', () => {
    const forty = 'x'.repeat(36) + ' end';
    const out = processLegacyHtml(
      `<p>${'y'.repeat(39)}</p><p><img alt="${'z'.repeat(60)}"></p><p>${forty}</p><p>${'w'.repeat(50)}</p>`,
      'T',
    );
    expect(out.description).toBe(forty);
    expect(out.warnings.map((w) => w.category)).not.toContain('description-fallback');
  });

  it('is squashed: runs of spaces and line ends are one space', () => {
    const out = processLegacyHtml('<p>  A paragraph\n  written   over  two lines,  long enough. </p>', 'T');
    expect(out.description).toBe('A paragraph written over two lines, long enough.');
  });

  it('falls back to the title, clamped, with a warning', () => {
    const out = processLegacyHtml('<p>short</p>', `${'Title '.repeat(40)}`);
    expect(out.description.length).toBeLessThanOrEqual(160);
    expect(out.description.endsWith('Title…')).toBe(true);
    expect(out.warnings).toEqual([
      { category: 'description-fallback', message: 'no first paragraph to describe it: description from the title' },
    ]);
  });

  it('clampDescription keeps 160 characters whole, cuts 161 at a word, and drops punctuation before the ellipsis', () => {
    const exact = 'a'.repeat(160);
    expect(clampDescription(exact)).toBe(exact);
    expect(clampDescription(`${'abcd '.repeat(31)}abcdef`)).toBe(`${'abcd '.repeat(31).trim()}…`);
    expect(clampDescription(`${'a'.repeat(100)}, b; c. ${'d'.repeat(60)}`)).toBe(`${'a'.repeat(100)}, b; c…`);
    // No space in the second half: cut where the limit falls.
    expect(clampDescription(`ab ${'c'.repeat(200)}`)).toBe(`ab ${'c'.repeat(156)}…`);
    expect(clampDescription('word '.repeat(10), 12)).toBe('word word…');
    // A space at exactly half the limit is too early to cut at; a run of punctuation before the cut goes whole.
    expect(clampDescription(`${'a'.repeat(80)} ${'b'.repeat(100)}`)).toBe(`${'a'.repeat(80)} ${'b'.repeat(78)}…`);
    expect(clampDescription(`${'a'.repeat(100)} b.., ${'d'.repeat(60)}`)).toBe(`${'a'.repeat(100)} b…`);
  });
});
