/**
 * Pure helpers behind deep links from support tickets: reading a fragment
 * safely, marking retired ids at their replacement, and building the URL
 * that "copy link" puts on the clipboard.
 */

/** Longest fragment we try to resolve; anything longer is not one of our ids. */
const MAX_FRAGMENT_LENGTH = 200;

/**
 * The id a `location.hash` points at, or null when it is empty, malformed or
 * absurdly long. Never throws, whatever was pasted into the address bar.
 */
export function fragmentId(hash: string): string | null {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  if (raw === '' || raw.length > MAX_FRAGMENT_LENGTH * 3) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return null;
  }
  return decoded.length > 0 && decoded.length <= MAX_FRAGMENT_LENGTH ? decoded : null;
}

/** The attribute that marks an empty element carrying a retired id. */
export const ALIAS_MARKER_ATTRIBUTE = 'data-anchor-alias';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Retired ids (an article's `anchorAliases`) as empty elements placed first
 * inside their replacement, in rendered HTML. A browser then lands an old link
 * on the right item without any script. Throws when a replacement id is not in
 * the HTML, so a broken alias fails the build instead of a reader's link.
 */
export function insertAliasMarkers(html: string, aliases: Readonly<Record<string, string>>): string {
  let result = html;
  for (const [retiredId, replacementId] of Object.entries(aliases)) {
    // The opening tag carrying id="replacementId"; quoted values may hold ">".
    const openingTag = new RegExp(
      `<[a-zA-Z][\\w-]*(?:\\s+[^\\s=>"]+(?:="[^"]*")?)*?\\s+id="${escapeRegExp(replacementId)}"(?:\\s+[^\\s=>"]+(?:="[^"]*")?)*\\s*>`,
    );
    const match = openingTag.exec(result);
    if (match === null)
      throw new Error(`anchorAliases: "${retiredId}" points to "${replacementId}", which the page does not render`);
    const end = match.index + match[0].length;
    result = `${result.slice(0, end)}<span id="${retiredId}" ${ALIAS_MARKER_ATTRIBUTE}></span>${result.slice(end)}`;
  }
  return result;
}

/**
 * The absolute link to one item: the page's address without its query (which
 * may hold someone's search or checker answers) plus the fragment.
 */
export function itemUrl(pageUrl: string, id: string): string {
  const url = new URL(pageUrl);
  url.search = '';
  url.hash = id;
  return url.href;
}
