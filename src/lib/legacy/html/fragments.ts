/**
 * In-page links: a link to a repaired id follows it; a link to a section that
 * does not exist here (the old site made other ids) keeps its text, not the link.
 */
import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { safeDecode } from '../front-matter';
import { legacyPage, plural } from './page';
import { elements } from './tree';

export function legacyFragments() {
  return (tree: Root, file: VFile) => {
    const page = legacyPage(file);
    const all = elements(tree);
    const ids = new Set(all.map((el) => el.properties.id).filter((id) => typeof id === 'string'));
    let broken = 0;
    for (const a of all) {
      const { href } = a.properties;
      if (a.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#')) continue;
      const written = safeDecode(href.slice(1));
      if (written === '') continue;
      const target = page.renamedIds.get(written) ?? written;
      if (ids.has(target)) {
        a.properties.href = `#${target}`;
        continue;
      }
      broken += 1;
      a.tagName = 'span';
      delete a.properties.href;
      delete a.properties.name;
    }
    if (broken)
      page.warnings.push({
        category: 'broken-fragment',
        message: `${plural(broken, 'in-page link')} to a missing section: kept as text`,
      });
  };
}
