/**
 * Hugo shortcodes and Liquid tags in legacy Markdown source. They are
 * template syntax, not Markdown, so they are handled on the source text before
 * the Markdown processor sees it:
 * - `{{<image src alt title>}}` becomes a labelled placeholder (no request for a file that is not there);
 * - `{{<highlight lang>}}…{{</highlight>}}` on their own lines become a fenced code block;
 * - `{{<accordion title="…">}}` keeps its title as a bold line; its closing tag goes;
 * - every other shortcode (`list`, `table`, …) and Liquid tag (`{% … %}`) is stripped, its inner content kept.
 */
import { findLiquidTags, findShortcodes, highlightTag, shortcodeParams, spliceRanges } from './scan';

export interface ShortcodeResult {
  text: string;
  images: number;
  stripped: string[];
  liquid: number;
  /** `product_url` of a `{{<list>}}` shortcode: the page listed that product's articles. */
  listsProduct?: string;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The label a missing image gets: its alt text, else its title, else its file name. */
export function imageLabel(attrs: {
  alt?: string | undefined;
  title?: string | undefined;
  src?: string | undefined;
}): string {
  const label =
    attrs.alt?.trim() ||
    attrs.title?.trim() ||
    (attrs.src ?? '').split(/[?#]/)[0]!.split('/').filter(Boolean).pop() ||
    'image';
  return label.replace(/\s+/g, ' ');
}

/** Inline HTML every imported image turns into; the sanitizer lets exactly this through. */
function imagePlaceholder(label: string): string {
  return `<span class="legacy-image" data-pagefind-ignore>[Image not included: ${escapeHtml(label)}]</span>`;
}

export function convertShortcodes(source: string): ShortcodeResult {
  let images = 0;
  const stripped: string[] = [];
  let listsProduct: string | undefined;
  // Highlight blocks first: only when the tags sit on their own lines.
  let text = source
    .split('\n')
    .map((line) => {
      const tag = highlightTag(line);
      return tag ? `${tag.indent}\`\`\`${tag.closing ? '' : tag.lang}` : line;
    })
    .join('\n');
  text = spliceRanges(text, findShortcodes(text), ({ closing, name, params }) => {
    const lower = name.toLowerCase();
    if (lower === 'image' || lower === 'img' || lower === 'figure') {
      if (closing) return '';
      images += 1;
      return imagePlaceholder(imageLabel(shortcodeParams(params)));
    }
    stripped.push(lower);
    if (lower === 'list' && !closing) listsProduct ??= shortcodeParams(params).product_url?.trim() || undefined;
    if (lower === 'accordion' && !closing) {
      const title = shortcodeParams(params).title?.trim();
      return title ? `**${title.replace(/\*/g, '\\*')}**` : '';
    }
    return '';
  });
  const liquidTags = findLiquidTags(text);
  text = spliceRanges(text, liquidTags, () => '');
  return { text, images, stripped, liquid: liquidTags.length, ...(listsProduct ? { listsProduct } : {}) };
}
