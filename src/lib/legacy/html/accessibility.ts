/**
 * Accessible names and keyboard reach: wide tables and code scroll in their
 * own box (legacy-article.css), so keyboard users must be able to focus it;
 * an empty header cell is a data cell; a link with no text is no link (its
 * id, if any, stays on a `<span>`).
 */
import type { Element, ElementContent, Parents, Root } from 'hast';
import { squash } from './page';
import { elements, elementsWithParents, replaceNodes, textOf } from './tree';

export function legacyAccessibility() {
  return (tree: Root) => {
    for (const box of elements(tree, 'table', 'pre')) box.properties.tabIndex = 0;
    for (const th of elements(tree, 'th')) if (!squash(textOf(th))) th.tagName = 'td';

    const emptyLinks = elementsWithParents(
      tree,
      (node) => node.tagName === 'a' && node.properties.href !== undefined && !squash(textOf(node)),
    );
    const replacements = new Map<ElementContent, ElementContent | null>();
    for (const { node } of emptyLinks) {
      const { id } = node.properties;
      const span: Element | null =
        typeof id === 'string' ? { type: 'element', tagName: 'span', properties: { id }, children: [] } : null;
      replacements.set(node, span);
    }
    replaceNodes(
      replacements,
      emptyLinks.map(({ parent }): Parents => parent),
    );
  };
}
