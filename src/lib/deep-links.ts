/**
 * Pure helpers behind deep links from support tickets: reading a fragment
 * safely, following retired ids to their replacement, and building the URL
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

/**
 * Where a fragment should land: the id itself when the page has it, else its
 * alias target (followed through chains, guarding against loops), else null.
 */
export function resolveAnchor(
  id: string,
  pageHasId: (id: string) => boolean,
  aliases: Readonly<Record<string, string>>,
): string | null {
  const seen = new Set<string>();
  let current = id;
  while (!pageHasId(current)) {
    if (seen.has(current) || !Object.hasOwn(aliases, current)) return null;
    seen.add(current);
    current = aliases[current]!;
  }
  return current;
}

/** Parse the page's alias table; bad JSON or wrong shapes give an empty table. */
export function parseAliases(json: string | null | undefined): Record<string, string> {
  if (!json) return {};
  try {
    const value: unknown = JSON.parse(json);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    return Object.fromEntries(
      Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    );
  } catch {
    return {};
  }
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
