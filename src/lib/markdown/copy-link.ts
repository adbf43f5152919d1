/**
 * The copy-link control, as a tree: the one source of its markup for the
 * site's own Markdown (`heading-links-plugin.ts`), the imported articles
 * (`src/lib/legacy/html/headings.ts`) and the components
 * (`src/components/article/CopyLink.astro`). Without JavaScript it is a plain
 * "#" link; `src/scripts/deep-links.ts` turns a click into "copy the full URL".
 */
import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';

/** A link to `#id` that screen readers announce as "Copy link to: label". */
function copyLink(id: string, label: string): Element {
  return {
    type: 'element',
    tagName: 'a',
    properties: { className: ['copy-link'], href: `#${id}`, dataCopyLink: '', dataPagefindIgnore: '' },
    children: [
      {
        type: 'element',
        tagName: 'span',
        properties: { ariaHidden: 'true' },
        children: [{ type: 'text', value: '#' }],
      },
      {
        type: 'element',
        tagName: 'span',
        properties: { className: ['visually-hidden'] },
        children: [{ type: 'text', value: `Copy link to: ${label}` }],
      },
    ],
  };
}

/** A heading and its copy-link side by side (the row the article styles lay out). */
export function headingRow(heading: Element, id: string, label: string): Element {
  return {
    type: 'element',
    tagName: 'div',
    properties: { className: ['heading-row'] },
    children: [heading, copyLink(id, label)],
  };
}

/** How the site writes a tree out: empty attributes bare (`data-copy-link`), void elements as `<br />`. */
export const HTML_OPTIONS = {
  collapseEmptyAttributes: true,
  closeSelfClosing: true,
  characterReferences: { useNamedReferences: true },
} as const;

/** The copy-link as HTML, for an Astro component. */
export function copyLinkHtml(id: string, label: string): string {
  return toHtml(copyLink(id, label), HTML_OPTIONS);
}
