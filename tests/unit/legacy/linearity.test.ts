/**
 * Import time grows linearly with a hostile file's size (issue #11, finding 3),
 * measured by the shared harness in ../support/linearity.ts. A deliberately
 * quadratic pattern (the old shortcode regex) proves the harness can tell the two apart.
 */
import { describe, expect, it } from 'vitest';
import { convertShortcodes } from '../../../src/lib/legacy/shortcodes';
import { mapFrontMatter, splitFrontMatter } from '../../../src/lib/legacy/front-matter';
import { processLegacyHtml } from '../../../src/lib/legacy/html';
import { repairDate } from '../../../src/lib/legacy/dates';
import { shortcodeParams } from '../../../src/lib/legacy/scan';
import { pageLanguage } from '../../../src/lib/legacy/language';
import { doublingRatio, LINEAR_LIMIT } from '../support/linearity';

/** Over 40 different words, so language detection goes as far as franc. */
const SPANISH_LINE =
  'Antes de cambiar de servidor revise qué servicios ofrece la máquina actual, como sitios web, correo electrónico o bases de datos; los cambios en los registros de dominio no son inmediatos, así que conviene reducir el tiempo de vida de cada registro unos días antes y probar todo desde su equipo.';

// A measurement, not a count: on a busy CI machine one sample in many runs can land past the limit
// (a GC pause in the fastest run, a cache miss at one size). A real quadratic fails every attempt.
describe('hostile inputs are handled in linear time', { retry: 2 }, () => {
  it.each([
    ['unclosed shortcodes `{{<a `', (n: number) => '{{<a '.repeat(n), (s: string) => convertShortcodes(s), 1_000],
    ['unclosed Liquid tags `{% `', (n: number) => '{% '.repeat(n), (s: string) => convertShortcodes(s), 1_000],
    [
      'a closed shortcode full of almost-parameters',
      (n: number) => `{{<x ${'a'.repeat(n)} b="${'c'.repeat(n)} >}}`,
      (s: string) => convertShortcodes(s),
      1_000,
    ],
    ['shortcode parameters without `=`', (n: number) => 'key '.repeat(n), (s: string) => shortcodeParams(s), 1_000],
    [
      'highlight lines padded with spaces',
      (n: number) => `{{< highlight ${' '.repeat(n)}\n`.repeat(20),
      (s: string) => convertShortcodes(s),
      1_000,
    ],
    [
      'a heading line of `# a` and spaces (first-heading title)',
      (n: number) => `---\n---\n# a${' '.repeat(n)}a\n`,
      (s: string) => mapFrontMatter('x/y/index.md', splitFrontMatter(s)),
      1_000,
    ],
    [
      'many heading-like lines',
      (n: number) => `---\n---\n${'#'.repeat(7)}${' a'.repeat(4)}\n`.repeat(n),
      (s: string) => mapFrontMatter('x/y/index.md', splitFrontMatter(s)),
      1_000,
    ],
    ['a date of quote marks', (n: number) => `${"'".repeat(n)}x`, (s: string) => repairDate(s), 1_000],
    [
      'unclosed code spans, tags and link targets on one line (language detection)',
      (n: number) => '`a <b ](c '.repeat(n),
      (s: string) => pageLanguage({ title: 't', markdown: s }),
      1_000,
    ],
    [
      'a fence never closed, then many lines (language detection)',
      (n: number) => `\`\`\`\n${`${'palabra otra '.repeat(10)}\n`.repeat(n)}`,
      (s: string) => pageLanguage({ title: 't', markdown: s }),
      100,
    ],
    [
      'a long run of punctuation between letters (language detection)',
      (n: number) => `a${'*'.repeat(n)}b `.repeat(4),
      (s: string) => pageLanguage({ title: 't', markdown: s }),
      1_000,
    ],
    [
      'long Spanish prose, read up to its cap (language detection)',
      (n: number) => `${SPANISH_LINE}\n`.repeat(n),
      (s: string) => pageLanguage({ title: 't', markdown: s }),
      100,
    ],
  ])(
    '%s',
    (_name, make, work, n) => {
      expect(doublingRatio(make, work, n)).toBeLessThan(LINEAR_LIMIT);
    },
    120_000,
  );

  it.each([
    ['unclosed tags `<a `', (n: number) => '<a '.repeat(n)],
    ['unclosed attributes `<p title="`', (n: number) => '<p title="'.repeat(n)],
    [
      'links with hostile ids',
      (n: number) => `<a id='x"><meta http-equiv="refresh"><span y="' href="#a"></a>`.repeat(n),
    ],
    ['headings', (n: number) => '<h2>Heading</h2><p>text</p>'.repeat(n)],
  ])(
    'the HTML pass: %s',
    (_name, make) => {
      expect(doublingRatio(make, (s) => processLegacyHtml(s, 'T'), 50)).toBeLessThan(LINEAR_LIMIT);
    },
    120_000,
  );

  it('the harness tells a quadratic pattern apart (the old shortcode regex)', () => {
    const oldShortcode = /\{\{([<%])\s*(\/?)\s*([A-Za-z][\w-]*)([\s\S]*?)\s*[>%]\}\}/g;
    expect(
      doublingRatio(
        (n) => '{{<a '.repeat(n),
        (s) => s.replace(oldShortcode, ''),
        500,
      ),
    ).toBeGreaterThan(LINEAR_LIMIT);
  }, 120_000);
});
