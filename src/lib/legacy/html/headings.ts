/**
 * Headings: the page title is the only H1 (a copy of it at the top goes),
 * levels start at h2 and skip none, every heading gets an id, and each h2 and
 * h3 sits in a row with its copy-link (the site's own markup, `copy-link.ts`).
 */
import type { ElementContent, Parents, Root } from 'hast';
import type { VFile } from 'vfile';
import { headingRow } from '../../markdown/copy-link';
import { truncateAtWord } from '../text';
import { safeId } from './ids';
import { legacyPage, squash } from './page';
import { elementsWithParents, replaceNodes, textOf } from './tree';

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
/** Longest heading text kept for the table of contents and the copy-link's label. */
const MAX_HEADING_LABEL_CHARS = 150;

/**
 * New heading levels: the first heading becomes h2 and no level is skipped,
 * keeping the nesting the author meant (`###, ####, ###` → `2, 3, 2`).
 */
export function normaliseLevels(levels: readonly number[]): number[] {
  const stack: { from: number; to: number }[] = [];
  return levels.map((level) => {
    while (stack.length && stack.at(-1)!.from >= level) stack.pop();
    const to = Math.min(6, stack.length ? stack.at(-1)!.to + 1 : 2);
    stack.push({ from: level, to });
    return to;
  });
}

const comparable = (text: string) =>
  squash(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

/** A heading id from its text: lowercase words joined by hyphens, ASCII only. */
function headingSlug(text: string): string {
  return safeId(text.toLowerCase().replace(/['’]/g, ''));
}

function summariseLevels(levels: readonly number[]): string {
  const out: string[] = [];
  for (const level of levels) if (out.at(-1) !== `h${level}`) out.push(`h${level}`);
  return out.length > 8 ? `${out.slice(0, 8).join(',')},…` : out.join(',');
}

export function legacyHeadings() {
  return (tree: Root, file: VFile) => {
    const page = legacyPage(file);
    let found = elementsWithParents(tree, (node) => HEADINGS.includes(node.tagName));
    const replacements = new Map<ElementContent, ElementContent | null>();
    const parents: Parents[] = [];

    // The layout prints the title as the page's only H1: drop a copy of it at the top of the body.
    const first = found[0];
    if (first && first.node.tagName === 'h1' && comparable(textOf(first.node)) === comparable(page.title)) {
      replacements.set(first.node, null);
      parents.push(first.parent);
      found = found.slice(1);
      page.warnings.push({
        category: 'own-h1-removed',
        message: `removed its own H1 "${truncateAtWord(squash(textOf(first.node)), 80)}" (the page title is the H1)`,
      });
    }

    const levels = found.map(({ node }) => Number(node.tagName[1]));
    const next = normaliseLevels(levels);
    if (levels.some((level, i) => level !== next[i]))
      page.warnings.push({
        category: 'headings-normalised',
        message: `heading levels ${summariseLevels(levels)} → ${summariseLevels(next)}`,
      });

    found.forEach(({ node, parent }, i) => {
      const depth = next[i]!;
      node.tagName = `h${depth}`;
      const text = truncateAtWord(squash(textOf(node)), MAX_HEADING_LABEL_CHARS);
      let id = typeof node.properties.id === 'string' ? node.properties.id : '';
      if (!id) {
        const base = headingSlug(text) || `section-${i + 1}`;
        id = base;
        for (let n = 1; page.usedIds.has(id); n += 1) id = `${base}-${n}`;
        page.usedIds.add(id);
        node.properties.id = id;
      }
      page.headings.push({ depth, slug: id, text });
      if (depth <= 3) {
        replacements.set(node, headingRow(node, id, text));
        parents.push(parent);
      }
    });
    replaceNodes(replacements, parents);
  };
}
