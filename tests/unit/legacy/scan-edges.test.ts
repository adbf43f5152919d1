/**
 * The hand-written scanners of template syntax in legacy files (`src/lib/legacy/scan.ts`) and the shortcode
 * handling on top of them (`shortcodes.ts`), at their edges: written to kill the mutants Stryker found surviving.
 * All of this reads attacker-controlled text. Fixtures are built inside each test.
 */
import { describe, expect, it } from 'vitest';
import {
  findLiquidTags,
  findShortcodes,
  firstAtxHeading,
  highlightTag,
  shortcodeParams,
  spliceRanges,
} from '../../../src/lib/legacy/scan';
import { convertShortcodes, imageLabel } from '../../../src/lib/legacy/shortcodes';

describe('findShortcodes', () => {
  it('reads opening and closing tags of both kinds, with their names, parameters and bounds', () => {
    const text = 'a{{< note x="1" >}}b{{% / note %}}c';
    expect(findShortcodes(text)).toEqual([
      { start: 1, end: 19, closing: false, name: 'note', params: 'x="1"' },
      { start: 20, end: 34, closing: true, name: 'note', params: '' },
    ]);
  });

  it('allows spaces, tabs and line ends before the name and after the slash', () => {
    expect(findShortcodes('{{<\t\n /\r\fx>}}')).toEqual([{ start: 0, end: 13, closing: true, name: 'x', params: '' }]);
    expect(findShortcodes('{{<\vy>}}').map((s) => s.name)).toEqual(['y']);
  });

  it('a name starts with a letter and runs over letters, digits, _ and -', () => {
    expect(findShortcodes('{{<a_b-1.c>}}')).toEqual([
      { start: 0, end: 13, closing: false, name: 'a_b-1', params: '.c' },
    ]);
    expect(findShortcodes('{{<1a>}}')).toEqual([]);
    expect(findShortcodes('{{< >}}')).toEqual([]);
    expect(findShortcodes('{{<_a>}}')).toEqual([]);
  });

  it('is no tag without `<` or `%` after the braces, or without `>}}` / `%}}` after the name', () => {
    expect(findShortcodes('{{ x }} {{x>}} {{<x}} {{<x>} }')).toEqual([]);
    expect(findShortcodes('{{<x >}')).toEqual([]);
    expect(findShortcodes('{{<x %}}')).toEqual([{ start: 0, end: 8, closing: false, name: 'x', params: '' }]);
  });

  it('after a failed start it tries the next `{{`, also one inside the failed one', () => {
    expect(findShortcodes('{{{<x>}}').map((s) => [s.start, s.name])).toEqual([[1, 'x']]);
    expect(findShortcodes('{{<1 {{<y>}}').map((s) => [s.start, s.name])).toEqual([[5, 'y']]);
  });

  it('after a tag it reads on from its end, not inside it', () => {
    expect(findShortcodes('{{<a p="{{<b>}}" >}}').map((s) => [s.start, s.end, s.name])).toEqual([[0, 15, 'a']]);
    expect(findShortcodes('{{<a>}}{{<b>}}').map((s) => [s.start, s.end])).toEqual([
      [0, 7],
      [7, 14],
    ]);
  });

  it('every tag closes at the first close after its own name, however many tags share it', () => {
    expect(findShortcodes('{{<a {{<b c>}}').map((s) => [s.start, s.end, s.name, s.params])).toEqual([
      [0, 14, 'a', '{{<b c'],
    ]);
    expect(findShortcodes('{{<a>}} x {{<b y z>}}').map((s) => s.params)).toEqual(['', 'y z']);
  });
});

describe('findLiquidTags', () => {
  it('finds each tag from `{%` to the first `%}` after it', () => {
    expect(findLiquidTags('a{% if x %}b{%- endif -%}c')).toEqual([
      { start: 1, end: 11 },
      { start: 12, end: 25 },
    ]);
  });

  it('a `%}` inside the opening does not close it; an unclosed tag ends the search', () => {
    expect(findLiquidTags('{%}x%}')).toEqual([{ start: 0, end: 6 }]);
    expect(findLiquidTags('{% a {% b %}')).toEqual([{ start: 0, end: 12 }]);
    expect(findLiquidTags('{% open')).toEqual([]);
    expect(findLiquidTags('x %} {% y %} {% z')).toEqual([{ start: 5, end: 12 }]);
  });
});

describe('spliceRanges', () => {
  it('replaces each range and keeps the text between and after them', () => {
    const ranges = [
      { start: 1, end: 3 },
      { start: 5, end: 6 },
    ];
    expect(spliceRanges('abcdefgh', ranges, (r) => `[${r.start}]`)).toBe('a[1]de[5]gh');
    expect(spliceRanges('abc', [], () => 'x')).toBe('abc');
  });
});

describe('shortcodeParams', () => {
  it('reads double-quoted, single-quoted and bare values, with spaces around `=`', () => {
    expect(shortcodeParams(`a="x y" b='z "q"' c=bare d = "sp"`)).toEqual({ a: 'x y', b: 'z "q"', c: 'bare', d: 'sp' });
  });

  it('a key starts at its first letter or underscore; a word with none is no key', () => {
    expect(shortcodeParams('12ab=1 _k=2 -x=3 9=4')).toEqual({ ab: '1', _k: '2', x: '3' });
  });

  it('a word without `=` is skipped and the next pair still read', () => {
    expect(shortcodeParams('flag other="v"')).toEqual({ other: 'v' });
  });

  it('a bare value stops at a space or a quote; an empty bare value is none', () => {
    expect(shortcodeParams('a=x"y b=z\tc=w')).toEqual({ a: 'x', b: 'z', c: 'w' });
    expect(shortcodeParams('a= "v"')).toEqual({ a: 'v' });
    expect(shortcodeParams('a=')).toEqual({});
  });

  it('an unclosed quote gives no value, and the rest is read on from after the key', () => {
    expect(shortcodeParams('a="open b=2')).toEqual({ b: '2' });
    expect(shortcodeParams(`a='x" b=2`)).toEqual({ b: '2' });
  });

  it('the value of one pair may hold what looks like another pair', () => {
    expect(shortcodeParams('a="b=c" d=e')).toEqual({ a: 'b=c', d: 'e' });
  });

  it('a later pair with the same key wins', () => {
    expect(shortcodeParams('a=1 a=2')).toEqual({ a: '2' });
  });
});

describe('highlightTag', () => {
  it.each([
    ['{{< highlight sh >}}', { indent: '', lang: 'sh', closing: false }],
    ['  {{% highlight c++ linenos=table %}}', { indent: '  ', lang: 'c++', closing: false }],
    ['\t{{<highlight c# >}} \t', { indent: '\t', lang: 'c#', closing: false }],
    ['{{< highlight objective-c >}}\r', { indent: '', lang: 'objective-c', closing: false }],
    ['{{< /highlight >}}', { indent: '', lang: '', closing: true }],
    ['   {{% / highlight %}}  ', { indent: '   ', lang: '', closing: true }],
    ['{{</highlight>}}\r', { indent: '', lang: '', closing: true }],
    ['{{< highlight >}}', { indent: '', lang: '', closing: false }],
  ])('%j', (line, expected) => expect(highlightTag(line)).toEqual(expected));

  it.each([
    'x {{< highlight sh >}}',
    '{ { highlight sh >}}',
    '{{ highlight sh >}}',
    '{{< highlights sh >}}',
    '{{< highlightsh >}}',
    '{{< highlight sh >}} text',
    '{{< highlight sh >}}\r\r',
    '{{< highlight sh }}',
    '{{< highlight sh >} }',
    '{{< highlight sh',
    '{{< highlight sh }>}}',
    '{{< /highlight >}} x',
    '{{< /highlight }}',
    '{{< /highlight >}',
    '{{< /highlight >}x',
    '{{< /highlight',
    '{{< note >}}',
  ])('%j is no highlight line', (line) => expect(highlightTag(line)).toBeUndefined());
});

describe('firstAtxHeading', () => {
  it.each([
    ['# Title', 'Title'],
    ['text\n## Second line', 'Second line'],
    ['###### Six', 'Six'],
    ['####### Seven\n# One', 'One'],
    ['#NoSpace\n#\tTab', 'Tab'],
    ['#  Closed ##  ', 'Closed'],
    ['# A # b #', 'A # b'],
    ['# Line\r\nnext', 'Line'],
    ['#  \n# Real', 'Real'],
    ['# #', '#'],
    ['# x', 'x'],
  ])('%j → %j', (body, expected) => expect(firstAtxHeading(body)).toBe(expected));

  it.each(['', 'no heading', ' # indented? no: not at the start', '#', '#\n'])('%j has none', (body) =>
    expect(firstAtxHeading(body)).toBeUndefined(),
  );
});

describe('convertShortcodes', () => {
  it('counts images of every spelling, drops their closing tags, and names what it stripped in lower case', () => {
    const result = convertShortcodes('{{<IMG src="a.png">}}{{<figure alt="F">}}{{</figure>}}{{<Note>}}x{{</Note>}}');
    expect(result.images).toBe(2);
    expect(result.text).toBe(
      '<span class="legacy-image" data-pagefind-ignore>[Image not included: a.png]</span>' +
        '<span class="legacy-image" data-pagefind-ignore>[Image not included: F]</span>x',
    );
    expect(result.stripped).toEqual(['note', 'note']);
    expect(result.liquid).toBe(0);
    expect('listsProduct' in result).toBe(false);
  });

  it('escapes an image label: it is text, never markup', () => {
    expect(convertShortcodes(`{{<image alt="<b a=&quot;x&quot;>&amp;</b>">}}`).text).toBe(
      '<span class="legacy-image" data-pagefind-ignore>[Image not included: &lt;b a=&amp;quot;x&amp;quot;&gt;&amp;amp;&lt;/b&gt;]</span>',
    );
    expect(convertShortcodes(`{{<image alt='"q"'>}}`).text).toContain('[Image not included: &quot;q&quot;]');
  });

  it('an accordion keeps its title bold, its stars escaped; without a title, or closing, it leaves nothing', () => {
    expect(convertShortcodes('{{<accordion title=" A *b* ">}}x{{</accordion>}}').text).toBe('**A \\*b\\***x');
    expect(convertShortcodes('{{<accordion title="  ">}}x').text).toBe('x');
    expect(convertShortcodes('{{</accordion title="T">}}x').text).toBe('x');
  });

  it('a list names the first product it lists; an empty one or a closing tag names none', () => {
    expect(convertShortcodes('{{<list product_url=" a ">}}{{<list product_url="b">}}').listsProduct).toBe('a');
    expect('listsProduct' in convertShortcodes('{{<list product_url=" ">}}')).toBe(false);
    expect('listsProduct' in convertShortcodes('{{</list product_url="c">}}')).toBe(false);
    expect(convertShortcodes('{{<list product_url=" ">}}{{<list product_url="d">}}').listsProduct).toBe('d');
  });

  it('a highlight pair on their own lines becomes a fence with its indentation; inline ones are stripped', () => {
    expect(convertShortcodes('  {{< highlight sh >}}\n  ls\n  {{< /highlight >}}').text).toBe('  ```sh\n  ls\n  ```');
    const inline = convertShortcodes('see {{< highlight sh >}}ls{{< /highlight >}}');
    expect(inline.text).toBe('see ls');
    expect(inline.stripped).toEqual(['highlight', 'highlight']);
  });

  it('Liquid tags go after shortcodes, counted', () => {
    const result = convertShortcodes('{% a %}x{%b%}y');
    expect(result).toEqual({ text: 'xy', images: 0, stripped: [], liquid: 2 });
  });
});

describe('imageLabel', () => {
  it('uses the first of alt, title and file name that has text, single-spaced', () => {
    expect(imageLabel({ alt: ' a \n b ', title: 'T', src: 's.png' })).toBe('a b');
    expect(imageLabel({ alt: '', title: ' T ', src: 's.png' })).toBe('T');
    expect(imageLabel({ title: '  ', src: 'dir/s.png#frag' })).toBe('s.png');
    expect(imageLabel({ src: 'dir/' })).toBe('dir');
    expect(imageLabel({ src: '?x' })).toBe('image');
    expect(imageLabel({})).toBe('image');
  });
});
