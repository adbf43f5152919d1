/** The page's description: its first real paragraph (40+ characters, not an image placeholder), else its title. */
import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { legacyPage, squash } from './page';
import { elements, hasClass, textOf } from './tree';

/** A description of at most `max` characters, cut at a word. */
export function clampDescription(text: string, max = 160): string {
  const clean = squash(text);
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

export function legacyDescription() {
  return (tree: Root, file: VFile) => {
    const page = legacyPage(file);
    for (const p of elements(tree, 'p')) {
      if (elements(p, 'span').some((span) => hasClass(span, 'legacy-image'))) continue;
      const text = squash(textOf(p));
      if (text.length >= 40) {
        page.description = clampDescription(text);
        return;
      }
    }
    page.description = clampDescription(`${page.title}: an imported article.`);
    page.warnings.push({
      category: 'description-fallback',
      message: 'no first paragraph to describe it: description from the title',
    });
  };
}
