/** Small helpers over a hast tree, shared by the legacy HTML plugins. */
import type { Element, ElementContent, Parents, Root } from 'hast';
import { toString } from 'hast-util-to-string';

export { toString as textOf };

export function hasClass(node: Element, name: string): boolean {
  const value = node.properties.className;
  return Array.isArray(value) && value.includes(name);
}

/**
 * Call `enter` on every element under `tree`, in document order, with its parent; when it returns
 * false, the element's own children are not entered. A plain recursive walk: unist-util-visit keeps
 * a stack of ancestors per node, which made each pass over the corpus several times slower.
 */
export function walkElements(tree: Parents, enter: (node: Element, parent: Parents) => boolean | void): void {
  for (const child of tree.children) {
    if (child.type !== 'element') continue;
    if (enter(child, tree) !== false) walkElements(child, enter);
  }
}

/** Every element with one of `tagNames` (all elements when none), in document order. */
export function elements(tree: Root | Element, ...tagNames: string[]): Element[] {
  const found: Element[] = [];
  walkElements(tree, (node) => {
    if (tagNames.length === 0 || tagNames.includes(node.tagName)) found.push(node);
  });
  return found;
}

/** Elements matching `test`, each with its parent; the subtree under a match where `skipInside` is true is not entered. */
export function elementsWithParents(
  tree: Root,
  test: (node: Element) => boolean,
  skipInside: (node: Element) => boolean = () => false,
): { node: Element; parent: Parents }[] {
  const found: { node: Element; parent: Parents }[] = [];
  walkElements(tree, (node, parent) => {
    if (test(node)) found.push({ node, parent });
    return !skipInside(node);
  });
  return found;
}

/**
 * Put each node of `replacements` in the place of its key (null: remove it):
 * one pass over each parent's children, so many replacements under one parent
 * stay linear (replacing one at a time would shift the array each time).
 */
export function replaceNodes(
  replacements: ReadonlyMap<ElementContent, ElementContent | null>,
  parents: Iterable<Parents>,
): void {
  for (const parent of new Set(parents)) {
    const children: ElementContent[] = [];
    for (const child of parent.children as ElementContent[]) {
      const replacement = replacements.has(child) ? replacements.get(child)! : child;
      if (replacement !== null) children.push(replacement);
    }
    parent.children = children;
  }
}
