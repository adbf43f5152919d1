/**
 * The element the URL fragment points at, for islands: read through
 * `fragmentId` (src/lib/deep-links.ts), the one reader of fragments, so every
 * island and the page script agree on what a pasted fragment may be.
 */
import { fragmentId } from '../deep-links';

/** null for an empty, malformed or absurdly long fragment, or an id the page does not have; never throws. */
export function fragmentTarget<T>(hash: string, byId: (id: string) => T | null): T | null {
  const id = fragmentId(hash);
  return id === null ? null : byId(id);
}
