import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { repairDate } from '../../../src/lib/legacy/dates';
import { convertShortcodes, imageLabel } from '../../../src/lib/legacy/shortcodes';
import { mapFrontMatter, normalisePermalink, splitFrontMatter } from '../../../src/lib/legacy/front-matter';
import {
  clampDescription,
  normaliseLevels,
  processLegacyHtml,
  rewriteLegacyLink,
  sanitizeLegacyHtml,
} from '../../../src/lib/legacy/html';
import { productFromName, productSlug, compareProducts } from '../../../src/lib/products';
import { copyLinkHtml } from '../../../src/lib/markdown/copy-link';

describe('repairDate', () => {
  it.each([
    ['2019-02-01', { status: 'ok', date: '2019-02-01' }],
    ['2019-5-15', { status: 'repaired', date: '2019-05-15', raw: '2019-5-15' }],
    ['2019-12-020', { status: 'repaired', date: '2019-12-20', raw: '2019-12-020' }],
    ['‘2020-03-04’', { status: 'repaired', date: '2020-03-04', raw: '‘2020-03-04’' }],
    ["‘2022-01-07'", { status: 'repaired', date: '2022-01-07', raw: "‘2022-01-07'" }],
  ])('%s', (input, expected) => expect(repairDate(input)).toEqual(expected));

  it('leaves out what is ambiguous or empty', () => {
    expect(repairDate('20121-07-07').status).toBe('invalid');
    expect(repairDate('2020-05-128').status).toBe('invalid');
    expect(repairDate('2021-02-30').status).toBe('invalid');
    expect(repairDate('').status).toBe('empty');
    expect(repairDate(null).status).toBe('empty');
    expect(repairDate('soon').status).toBe('invalid');
  });

  it('any real day, however padded, comes back as itself', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        fc.boolean(),
        (date, pad) => {
          const [y, m, d] = date.toISOString().slice(0, 10).split('-');
          const raw = pad ? `${y}-${m}-${d}` : `${y}-${Number(m)}-${Number(d)}`;
          const result = repairDate(raw);
          expect(result.status === 'ok' || result.status === 'repaired').toBe(true);
          expect('date' in result && result.date).toBe(date.toISOString().slice(0, 10));
        },
      ),
    );
  });
});

describe('convertShortcodes', () => {
  it('turns image shortcodes into labelled placeholders, never an image', () => {
    const { text, images } = convertShortcodes(
      'Step 1\n\n   {{<image src="rgs-ami-confirm-screen.png" alt="" title="">}}\n\n{{< image src="a/b.png" alt="The panel" >}}',
    );
    expect(images).toBe(2);
    expect(text).toContain('Image not included: rgs-ami-confirm-screen.png');
    expect(text).toContain('Image not included: The panel');
    expect(text).not.toMatch(/<img|\{\{/);
  });

  it('strips other shortcodes and Liquid tags, keeping their content', () => {
    const source =
      '{{<accordion title="Windows servers" col="in" href="w">}}\nDo this.\n{{</accordion>}}\n{{< table "table" >}}\n| a |\n{{< /table >}}\n{% include x/y.sh %}\n{{<list product_url="general">}}';
    const result = convertShortcodes(source);
    expect(result.text).toContain('**Windows servers**');
    expect(result.text).toContain('Do this.');
    expect(result.text).toContain('| a |');
    expect(result.text).not.toMatch(/\{\{|\{%/);
    expect(result.liquid).toBe(1);
    expect(result.listsProduct).toBe('general');
    expect(new Set(result.stripped)).toEqual(new Set(['accordion', 'table', 'list']));
  });

  it('turns highlight shortcodes on their own lines into fenced code', () => {
    expect(convertShortcodes('{{< highlight sh >}}\nls -l\n{{< /highlight >}}').text).toBe('```sh\nls -l\n```');
  });

  it('labels an image by alt, then title, then file name', () => {
    expect(imageLabel({ alt: ' ', title: 'T', src: 'x.png' })).toBe('T');
    expect(imageLabel({ src: 'img/dir/shot.png?x=1' })).toBe('shot.png');
  });
});

describe('front matter', () => {
  it('reads front matter that sits inside an HTML comment', () => {
    const split = splitFrontMatter(
      '<!---\n---\ntitle: Synchronize files\npermalink: sync-files\n---\n--->\n\nBody text.',
    );
    expect(split.location).toBe('comment');
    expect(split.data.title).toBe('Synchronize files');
    expect(split.body.trim()).toBe('Body text.');
    const { meta, warnings } = mapFrontMatter('cloud-files/sync/index.md', split);
    expect(meta.slug).toBe('sync-files');
    expect(warnings.map((w) => w.category)).toContain('front-matter-in-comment');
  });

  it('derives a missing title and URL, with warnings', () => {
    const { meta, warnings } = mapFrontMatter(
      'retired-articles/RETIRING-CONTENT/index.md',
      splitFrontMatter('### GitHub Interface Instructions\n\ntext'),
    );
    expect(meta.title).toBe('GitHub Interface Instructions');
    expect(meta.slug).toBe('retiring-content');
    expect(meta.product).toEqual({ slug: 'retired-articles', name: 'Retired articles' });
    expect(warnings.map((w) => w.category).sort()).toEqual(['missing-permalink', 'missing-product', 'missing-title']);
  });

  it('honours permalink over a stray slug, reads the misspelt date key, and flags noindex', () => {
    const source =
      "---\ntitle: T\npermalink: /support/how-to/real-url/\nslug: other\nproduct: Cloud Servers\ncreated_date: '20121-07-07'\nlas_modified_date: '2019-12-20'\nnoindex: true\n---\nx";
    const { meta, warnings } = mapFrontMatter('a/b/index.md', splitFrontMatter(source));
    expect(meta).toMatchObject({
      slug: 'real-url',
      updated: '2019-12-20',
      noindex: true,
      product: { slug: 'cloud-servers', name: 'Cloud Servers' },
    });
    expect(meta.created).toBeUndefined();
    expect(warnings.map((w) => w.category).sort()).toEqual(['date-dropped', 'date-key-typo', 'noindex', 'stray-slug']);
  });

  it('marks _index.md as a section of its folder', () => {
    const { meta } = mapFrontMatter(
      'cloud-servers/_index.md',
      splitFrontMatter('---\ntitle: Cloud Servers\npermalink: cloud-servers\n---\n'),
    );
    expect(meta).toMatchObject({ section: true, folder: 'cloud-servers', slug: 'cloud-servers' });
  });

  it.each([
    ['/support/how-to/', 'how-to'],
    ['/access-cloud-files-with-transmit/', 'access-cloud-files-with-transmit'],
    ['/support/how-to/Foo Bar', 'foo-bar'],
  ])('normalisePermalink(%s)', (input, expected) => expect(normalisePermalink(input)).toBe(expected));
});

describe('products', () => {
  it('keeps the native ids and slugs any other name', () => {
    expect(productFromName('Rackspace Email')).toEqual({ slug: 'rackspace-email', name: 'Rackspace Email' });
    expect(productFromName('Office 365')).toEqual({ slug: 'office-365', name: 'Office 365' });
    expect(productSlug('Rackspace Email & Apps')).toBe('rackspace-email-and-apps');
    const sorted = [productFromName('Cloud Servers'), productFromName('Cloud Office'), productFromName('Abc')].sort(
      compareProducts,
    );
    expect(sorted.map((p) => p.slug)).toEqual(['cloud-office', 'abc', 'cloud-servers']);
  });
});

describe('headings', () => {
  it.each([
    [
      [3, 3, 4, 3],
      [2, 2, 3, 2],
    ],
    [
      [1, 2, 6, 2],
      [2, 3, 4, 3],
    ],
    [
      [2, 4, 4, 2],
      [2, 3, 3, 2],
    ],
    [
      [4, 2, 3],
      [2, 2, 3],
    ],
  ])('%j → %j', (input, expected) => expect(normaliseLevels(input)).toEqual(expected));

  it('never starts below h2 and never skips a level', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 6 }), { maxLength: 30 }), (levels) => {
        const out = normaliseLevels(levels);
        if (out.length) expect(out[0]).toBe(2);
        out.forEach((level, i) => {
          expect(level).toBeGreaterThanOrEqual(2);
          if (i > 0) expect(level - out[i - 1]!).toBeLessThanOrEqual(1);
        });
      }),
    );
  });
});

describe('processLegacyHtml', () => {
  it('drops its own H1, normalises levels, ids every heading and adds copy-links', () => {
    const out = processLegacyHtml(
      '<h1>PHP Errors</h1><p>PHP errors are logged in many places on a server.</p><h3>Where</h3><h5>Deep</h5><h3>Where</h3>',
      'PHP errors',
    );
    expect(out.headings).toEqual([
      { depth: 2, slug: 'where', text: 'Where' },
      { depth: 3, slug: 'deep', text: 'Deep' },
      { depth: 2, slug: 'where-1', text: 'Where' },
    ]);
    expect(out.html).not.toContain('<h1');
    expect(out.html).toContain('<div class="heading-row"><h2 id="where">Where</h2><a class="copy-link" href="#where"');
    expect(out.description).toBe('PHP errors are logged in many places on a server.');
    expect(out.warnings.map((w) => w.category)).toEqual(['own-h1-removed', 'headings-normalised']);
  });

  it('keeps safe raw HTML and drops scripts, handlers, styles and frames, with a warning', () => {
    const out = processLegacyHtml(
      '<div class="row" style="position:fixed;top:0"><p onclick="steal()">Quickly find answers and troubleshooting resources here.</p><script>alert(1)</script><style>body{display:none}</style><iframe src="https://x"></iframe><a href="javascript:alert(1)">x</a><table><tr><td colspan="2">cell</td></tr></table></div>',
      'T',
    );
    expect(out.html).not.toMatch(/script|style|onclick|iframe|javascript:|position/);
    expect(out.html).toContain('<td colspan="2">cell</td>');
    expect(out.html).toContain('Quickly find answers');
    expect(out.warnings[0]?.category).toBe('unsafe-html-dropped');
  });

  it('does not count the highlighter’s own inline styles as unsafe HTML', () => {
    const out = processLegacyHtml(
      '<pre class="astro-code github-dark" style="background-color:#24292e" tabindex="0"><code><span style="color:#e1e4e8">ls</span></code></pre>',
      'T',
    );
    expect(out.warnings.map((w) => w.category)).not.toContain('unsafe-html-dropped');
    expect(out.html).not.toContain('style=');
  });

  it('replaces images by placeholders, whatever marked them', () => {
    const out = processLegacyHtml(
      '<p><img src="shot.png" alt="The Control Panel"></p><p><img __ASTRO_IMAGE_="{&quot;src&quot;:&quot;x/y.png&quot;,&quot;alt&quot;:&quot;&quot;}"></p>',
      'T',
    );
    expect(out.html).not.toContain('<img');
    expect(out.html).toContain('Image not included: The Control Panel');
    expect(out.html).toContain('Image not included: y.png');
  });

  it('gives tables and links accessible names: empty header cells become data cells, empty links go', () => {
    const out = processLegacyHtml(
      '<table><tr><th>Name</th><th></th></tr></table><p><a href="https://x.example/"></a><a href="#a" id="keep"> </a></p>',
      'T',
    );
    expect(out.html).toContain('<th>Name</th><td></td>');
    expect(out.html).not.toContain('x.example');
    expect(out.html).toContain('<span id="keep"></span>');
  });

  it('keeps an in-page link to a missing section as text, with a warning', () => {
    const out = processLegacyHtml('<p><a href="#where">Where</a> and <a href="#gone">gone</a></p><h2>Where</h2>', 'T');
    expect(out.html).toContain('<a href="#where">Where</a>');
    expect(out.html).toContain('<span>gone</span>');
    expect(out.warnings.map((w) => w.category)).toContain('broken-fragment');
  });

  it('writes each copy-link with the site’s own markup (one source with CopyLink.astro and the Markdown plugin)', () => {
    const out = processLegacyHtml('<h2>Save & restore</h2><p>x</p>', 'T');
    expect(out.html).toContain(
      `<div class="heading-row"><h2 id="save-restore">Save &amp; restore</h2>${copyLinkHtml('save-restore', 'Save & restore')}</div>`,
    );
  });

  it('replaces a copy-link already in the HTML (an author’s or the Markdown plugin’s) by its own', () => {
    const out = processLegacyHtml(
      '<div class="heading-row"><h3 id="x">X</h3><a class="copy-link" data-copy-link href="https://evil.example/">#</a></div>',
      'T',
    );
    expect(out.html).not.toContain('evil.example');
    expect(out.html.match(/data-copy-link/g)).toHaveLength(1);
    expect(out.html).toContain(`<div><div class="heading-row"><h2 id="x">X</h2>${copyLinkHtml('x', 'X')}</div></div>`);
  });

  it('reads the HTML as a browser does: a row without <tbody>, a cell without its row and CRLF line ends', () => {
    const out = processLegacyHtml('<table><tr><th>a</th></tr><td>b</td></table><p>one\r\ntwo</p>', 'T');
    expect(out.html).toBe(
      '<table tabindex="0"><tbody><tr><th>a</th></tr><tr><td>b</td></tr></tbody></table><p>one\ntwo</p>',
    );
  });

  it('falls back to the title for a description, with a warning', () => {
    const out = processLegacyHtml('<ul><li>only a list</li></ul>', 'Cloud Servers – All Articles');
    expect(out.description).toBe('Cloud Servers – All Articles: an imported article.');
    expect(out.warnings.map((w) => w.category)).toEqual(['description-fallback']);
  });

  it('clamps long descriptions at a word', () => {
    const text = clampDescription('word '.repeat(100));
    expect(text.length).toBeLessThanOrEqual(160);
    expect(text.endsWith('word…')).toBe(true);
  });
});

describe('links in imported pages', () => {
  const known = new Set(['account-management', 'cloud-servers', 'how-to']);
  it.each([
    ['/support/how-to/account-management', '/docs/account-management/'],
    ['https://docs.rackspace.com/support/how-to/cloud-servers/#top', '/docs/cloud-servers/#top'],
    ['/how-to/cloud-servers', '/docs/cloud-servers/'],
    ['/support/how-to/', '/docs/how-to/'],
    ['/support/how-to/not-imported', 'https://docs.rackspace.com/support/how-to/not-imported'],
    ['/forgot-password', 'https://docs.rackspace.com/forgot-password'],
    ['cp.rackspace.com', 'https://cp.rackspace.com/'],
    ['#step-2', '#step-2'],
    ['mailto:a@b.c', 'mailto:a@b.c'],
  ])('%s → %s', (href, expected) => expect(rewriteLegacyLink(href, 'page', known)).toBe(expected));

  it('keeps the text of a link whose address cannot be a URL', () => {
    expect(rewriteLegacyLink('https://<endpoint>/healthcheck', 'page', known)).toBeUndefined();
    expect(rewriteLegacyLink('https://%3Cendpoint%3E/healthcheck', 'page', known)).toBeUndefined();
    expect(sanitizeLegacyHtml('<a href="https://<endpoint>/x">the endpoint</a>')).toBe('<span>the endpoint</span>');
  });

  it('sanitises javascript: links away', () => {
    expect(sanitizeLegacyHtml('<a href="javascript:alert(1)">x</a>')).toBe('<a>x</a>');
  });
});
