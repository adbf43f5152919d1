/**
 * The author's markup the allowlist would otherwise lose or keep wrongly,
 * turned into what the page shows: images become labelled placeholders (the
 * files are not part of the import), `<center>` and `<section>` become
 * `<div>`, a checkbox stays a disabled checkbox and any other `<input>` goes,
 * and a copy-link the site's own heading plugin added goes (the headings
 * plugin adds its own once the levels are known).
 */
import type { Element, ElementContent, Parents, Root } from 'hast';
import type { VFile } from 'vfile';
import { imageLabel } from '../shortcodes';
import { legacyPage } from './page';
import { elementsWithParents, replaceNodes } from './tree';

/** The placeholder an image turns into; `label` is text, never markup. */
function imagePlaceholder(label: string): Element {
  return {
    type: 'element',
    tagName: 'span',
    properties: { className: ['legacy-image'], dataPagefindIgnore: '' },
    children: [{ type: 'text', value: `[Image not included: ${label}]` }],
  };
}

/** Astro marks Markdown images with a JSON attribute instead of `src` and `alt`. */
function astroImageMarker(node: Element): { alt?: string; src?: string } {
  const marker = node.properties.__astro_image_;
  if (typeof marker !== 'string') return {};
  try {
    return JSON.parse(marker) as { alt?: string; src?: string };
  } catch {
    return {};
  }
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

function placeholderFor(img: Element): Element {
  const marker = astroImageMarker(img);
  return imagePlaceholder(
    imageLabel({
      alt: text(img.properties.alt) ?? marker.alt,
      title: text(img.properties.title),
      src: text(img.properties.src) ?? marker.src,
    }),
  );
}

function checkbox(input: Element): Element {
  const checked = input.properties.checked !== undefined && input.properties.checked !== false;
  return {
    type: 'element',
    tagName: 'input',
    properties: { type: 'checkbox', disabled: true, ...(checked ? { checked: true } : {}) },
    children: [],
  };
}

export function authorMarkup() {
  return (tree: Root, file: VFile) => {
    const { report } = legacyPage(file);
    const found = elementsWithParents(
      tree,
      (node) =>
        ['img', 'center', 'section', 'input'].includes(node.tagName) ||
        (node.tagName === 'a' && node.properties.dataCopyLink !== undefined),
    );
    const replacements = new Map<ElementContent, ElementContent | null>();
    const parents: Parents[] = [];
    for (const { node, parent } of found) {
      if (node.tagName === 'center' || node.tagName === 'section') {
        node.tagName = 'div';
        continue;
      }
      let replacement: Element | null = null;
      if (node.tagName === 'img') {
        report.images += 1;
        replacement = placeholderFor(node);
      } else if (node.tagName === 'input' && node.properties.type === 'checkbox') replacement = checkbox(node);
      replacements.set(node, replacement);
      parents.push(parent);
    }
    replaceNodes(replacements, parents);
  };
}
