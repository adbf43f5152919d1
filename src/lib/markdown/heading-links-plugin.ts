/**
 * Sätteri hast plugin: after every h2/h3 that carries an id, add a small
 * "link to this section" anchor (the copy-link control, `copy-link.ts`), and
 * refuse headings without an explicit id in our own MDX articles.
 */
import type { Element } from 'hast';
import { headingRow } from './copy-link';

interface HeadingContext {
  fileURL: URL | undefined;
  sourceFormat: string;
  textContent(node: Element): string;
  replaceNode(node: Element, newNode: Element): void;
}

export function headingLinksPlugin() {
  return {
    name: 'heading-links',
    element: {
      filter: ['h2', 'h3'],
      visit(node: Element, ctx: HeadingContext) {
        const id = node.properties?.id;
        const text = ctx.textContent(node).trim();
        if (typeof id !== 'string' || id === '') {
          if (ctx.sourceFormat === 'mdx') {
            throw new Error(
              `${ctx.fileURL?.pathname ?? 'an MDX file'}: the heading "${text}" has no id. ` +
                'Write it as `## Heading text { #stable-id }` and list the id in `anchors`.',
            );
          }
          return;
        }
        ctx.replaceNode(node, headingRow({ ...node }, id, text));
      },
    },
  };
}
