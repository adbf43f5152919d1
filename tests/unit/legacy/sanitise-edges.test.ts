/**
 * The sanitiser's edges, one behaviour per test (written to kill the mutants Stryker found surviving in
 * `src/lib/legacy/html/sanitise.ts`, `author-markup.ts` and `accessibility.ts`): what is counted as removed and how
 * the warning says it, which empty attributes go, and what the author's images and form controls become.
 * Every fixture is built inside its test: Stryker switches a mutant on per test.
 */
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { processLegacyHtml, sanitizeLegacyHtml } from '../../../src/lib/legacy/html';
import { legacyLinks } from '../../../src/lib/legacy/html/links';
import { outsideAllowlist } from './html-reparse';

const warning = (html: string, category: string) =>
  processLegacyHtml(html, 'T').warnings.find((w) => w.category === category)?.message;

describe('what the warnings count as removed', () => {
  it('names every unsafe element by tag in alphabetical order, then handlers, styles and links, in that order', () => {
    const out = processLegacyHtml(
      '<p onclick="a()" onmouseover="b()" style="color:red">t</p><script>s</script><iframe></iframe><form></form>' +
        '<script>t</script><a href="javascript:x">j</a><a href="data:text/html,x">d</a>',
      'T',
    );
    expect(out.warnings[0]).toEqual({
      category: 'unsafe-html-dropped',
      message:
        'raw HTML: removed elements 1 <form>, 1 <iframe>, 2 <script>; 2 event handler attributes; 1 style attribute; ' +
        '2 links to a scheme other than http, https, mailto or tel',
    });
    expect(outsideAllowlist(out.html)).toEqual([]);
    expect(out.html).toBe('<p>t</p><a>j</a><a>d</a>');
  });

  it('one of each is named in the singular, each on its own', () => {
    expect(warning('<p onclick="x()">t</p>', 'unsafe-html-dropped')).toBe(
      'raw HTML: removed 1 event handler attribute',
    );
    expect(warning('<p style="x">t</p>', 'unsafe-html-dropped')).toBe('raw HTML: removed 1 style attribute');
    expect(warning('<a href="vbscript:x">t</a>', 'unsafe-html-dropped')).toBe(
      'raw HTML: removed 1 link to a scheme other than http, https, mailto or tel',
    );
    expect(warning('<object></object>', 'unsafe-html-dropped')).toBe('raw HTML: removed elements 1 <object>');
  });

  it('a safe page has no removal warning at all', () => {
    const out = processLegacyHtml('<p title="on the way">A plain paragraph, long enough to describe a page.</p>', 'T');
    expect(out.warnings).toEqual([]);
  });

  it('any attribute named on… counts as an event handler, even one no browser knows; a value of onclick does not', () => {
    // `onfoo` is no attribute the HTML spec knows: its property name is kept as written, and it starts with "on".
    expect(warning('<p onfoo="x">t</p>', 'unsafe-html-dropped')).toBe('raw HTML: removed 1 event handler attribute');
    expect(warning('<p title="onclick">t</p>', 'unsafe-html-dropped')).toBeUndefined();
  });

  it('a checkbox is no unsafe input; any other input is, and goes', () => {
    const checkbox = processLegacyHtml('<input type="checkbox" checked><input type="checkbox">', 'T');
    expect(checkbox.warnings.map((w) => w.category)).not.toContain('unsafe-html-dropped');
    expect(checkbox.html).toBe('<input type="checkbox" disabled checked /><input type="checkbox" disabled />');
    const text = processLegacyHtml('<p>a<input type="text" value="v">b<input>c</p>', 'T');
    expect(text.warnings[0]?.message).toBe('raw HTML: removed elements 2 <input>');
    expect(text.html).toBe('<p>abc</p>');
  });

  it('elements outside the allowlist are unwrapped with their text, and named apart from the unsafe ones', () => {
    const out = processLegacyHtml('<font>f</font><blink>b</blink><font>g</font>', 'T');
    expect(out.html).toBe('fbg');
    expect(out.warnings[0]).toEqual({
      category: 'html-unwrapped',
      message: 'raw HTML outside the allowlist unwrapped, text kept: 1 <blink>, 2 <font>',
    });
    expect(out.warnings.map((w) => w.category)).not.toContain('unsafe-html-dropped');
  });

  it('images, <center> and <section> are transformed, not counted as unwrapped', () => {
    const out = processLegacyHtml('<center>c</center><section>s</section><img src="a.png"><img alt="B">', 'T');
    expect(out.html).toBe(
      '<div>c</div><div>s</div>' +
        '<span class="legacy-image" data-pagefind-ignore>[Image not included: a.png]</span>' +
        '<span class="legacy-image" data-pagefind-ignore>[Image not included: B]</span>',
    );
    expect(out.warnings.slice(0, 1)).toEqual([
      {
        category: 'image-removed',
        message: '2 images replaced by a labelled placeholder (the files are not part of the import)',
      },
    ]);
    expect(warning('<img src="x.png">', 'image-removed')).toBe(
      '1 image replaced by a labelled placeholder (the files are not part of the import)',
    );
  });

  it('the highlighter’s code block is skipped with everything inside it, the author’s own styles are not', () => {
    const out = processLegacyHtml(
      '<pre class="astro-code" style="a"><code><span style="b" onclick="c()">x</span></code></pre><pre style="d">y</pre>',
      'T',
    );
    expect(out.warnings[0]?.message).toBe('raw HTML: removed 1 style attribute');
    expect(out.html).not.toContain('style');
  });

  it('only the highlighter’s <pre> is skipped: another element with its class is counted like any other', () => {
    expect(warning('<div class="astro-code" onclick="x()">t</div>', 'unsafe-html-dropped')).toBe(
      'raw HTML: removed 1 event handler attribute',
    );
  });
});

describe('empty attributes', () => {
  it('go when empty means nothing, stay when they mean something empty', () => {
    expect(processLegacyHtml('<ol reversed start="3"><li id="">x</li></ol><p class="" title="">y</p>', 'T').html).toBe(
      '<ol reversed start="3"><li>x</li></ol><p>y</p>',
    );
    expect(sanitizeLegacyHtml('<p lang="" dir="">z</p><code class="">c</code>')).toBe('<p>z</p><code>c</code>');
  });

  it('the page keeps its own empty markers (the placeholder’s and the copy-link’s)', () => {
    const out = processLegacyHtml('<h2>Step</h2><p><img src="a.png"></p>', 'T');
    expect(out.html).toContain('<a class="copy-link" href="#step" data-copy-link data-pagefind-ignore>');
    expect(out.html).toContain('<span class="legacy-image" data-pagefind-ignore>');
  });
});

describe('the author’s markup', () => {
  it('an image is labelled by alt, then title, then file name, from the tag or from Astro’s marker', () => {
    const out = sanitizeLegacyHtml(
      '<img src="d/a.png" alt=" " title="Its title"><img src="d/b.png"><img __ASTRO_IMAGE_="{&quot;src&quot;:&quot;c.png&quot;,&quot;alt&quot;:&quot;Marked&quot;}">' +
        '<img __ASTRO_IMAGE_="not json" alt="Kept"><img>',
    );
    expect(out.match(/\[Image not included: [^\]]*\]/g)).toEqual([
      '[Image not included: Its title]',
      '[Image not included: b.png]',
      '[Image not included: Marked]',
      '[Image not included: Kept]',
      '[Image not included: image]',
    ]);
  });

  it('the tag’s own alt wins over the marker’s', () => {
    const out = sanitizeLegacyHtml(
      '<img alt="Own" src="own.png" __ASTRO_IMAGE_="{&quot;src&quot;:&quot;m.png&quot;,&quot;alt&quot;:&quot;Marker&quot;}">',
    );
    expect(out).toContain('[Image not included: Own]');
  });

  it('a label is text, never markup', () => {
    const out = processLegacyHtml('<img alt="<b onclick=x>bold</b>">', 'T');
    expect(out.html).toBe(
      '<span class="legacy-image" data-pagefind-ignore>[Image not included: &lt;b onclick=x>bold&lt;/b>]</span>',
    );
    expect(outsideAllowlist(out.html)).toEqual([]);
  });

  it('a checked checkbox stays checked only when it was, and every checkbox is disabled', () => {
    expect(sanitizeLegacyHtml('<input type="checkbox" name="n" value="v" checked onclick="x">')).toBe(
      '<input type="checkbox" disabled checked />',
    );
    expect(sanitizeLegacyHtml('<input type="checkbox">')).toBe('<input type="checkbox" disabled />');
  });

  it('a copy-link already in the HTML goes, a plain link beside it stays', () => {
    expect(
      sanitizeLegacyHtml('<a data-copy-link href="#x">#</a><a href="#y">y</a><a class="copy-link" href="#z">z</a>'),
    ).toBe('<a href="#y">y</a><a href="#z">z</a>');
  });

  it('only a link is a copy-link: another element marked as one keeps its text, and a copy-link never becomes a control', () => {
    expect(
      sanitizeLegacyHtml('<span data-copy-link>kept</span><a data-copy-link type="checkbox" href="#x">#</a>'),
    ).toBe('<span>kept</span>');
  });
});

describe('accessible names and keyboard reach', () => {
  it('every table and code block can take focus; an empty or blank header cell becomes a data cell', () => {
    const out = processLegacyHtml('<table><tr><th> </th><th></th><th>H</th></tr></table><pre>code</pre><p>x</p>', 'T');
    expect(out.html).toBe(
      '<table tabindex="0"><tbody><tr><td> </td><td></td><th>H</th></tr></tbody></table><pre tabindex="0">code</pre><p>x</p>',
    );
  });

  it('a link with no text goes; its id stays on a span; a link with text or without an address stays', () => {
    const out = processLegacyHtml(
      '<p>a<a href="https://x.example/" id="k"> </a>b<a href="https://y.example/"></a>c<a id="anchor"></a>' +
        '<a href="https://z.example/">z</a></p>',
      'T',
    );
    expect(out.html).toBe('<p>a<span id="k"></span>bc<a id="anchor"></a><a href="https://z.example/">z</a></p>');
  });
});

describe('the plugins’ shared page', () => {
  it('a plugin run without the page’s data refuses to work rather than guess', () => {
    expect(() => legacyLinks()({ type: 'root', children: [] }, new VFile())).toThrow(
      'legacy HTML plugins need file.data.legacyPage',
    );
  });
});
