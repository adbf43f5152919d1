/**
 * Ids and link names: only [A-Za-z0-9_-], unique, never one the layout uses.
 * What the author wrote is remembered against what the page has, so in-page
 * links can follow a repaired id (`fragments.ts`).
 */
import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { walkElements } from './tree';
import { legacyPage, plural } from './page';

/** Ids the layout itself uses: content must not clobber them. */
export const RESERVED_IDS = [
  'main-content',
  'announcer',
  'anchor-aliases',
  'toc',
  'site-search',
  'home-search',
  'page-search',
];

const MAX_ID_CHARS = 64;

/** An id kept to [A-Za-z0-9_-] (`save-50%` → `save-50`); empty when nothing is left. */
export function safeId(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .slice(0, MAX_ID_CHARS)
    .replace(/^-+|-+$/g, '');
}

export function legacyIds() {
  return (tree: Root, file: VFile) => {
    const page = legacyPage(file);
    let repaired = 0;
    walkElements(tree, (el) => {
      for (const attribute of ['id', 'name'] as const) {
        if (attribute === 'name' && el.tagName !== 'a') continue;
        const raw = el.properties[attribute];
        if (typeof raw !== 'string') continue;
        // An id written with markup characters is an attack, not a typo: it goes rather than being repaired.
        const id = /[<>"'`=]/.test(raw) ? '' : safeId(raw);
        if (id === raw && !page.usedIds.has(id)) {
          page.usedIds.add(id);
          page.renamedIds.set(raw, id);
          continue;
        }
        repaired += 1;
        delete el.properties[attribute];
        if (!id || page.usedIds.has(id)) continue;
        el.properties[attribute] = id;
        page.usedIds.add(id);
        page.renamedIds.set(raw, id);
      }
    });
    if (repaired)
      page.warnings.push({
        category: 'id-repaired',
        message: `${plural(repaired, 'id')} outside [A-Za-z0-9_-], duplicated or reserved: rewritten or removed`,
      });
  };
}
