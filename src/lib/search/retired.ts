/**
 * Retired articles stay reachable by URL (old links keep working) with a
 * notice that says so, but search leaves them out: the corpus folder
 * `retired-articles`, and any article whose front matter says `retired: true`.
 */
const RETIRED_FOLDER = 'retired-articles';

export interface RetirablePage {
  retired?: boolean | undefined;
  /** Legacy folder, relative to the corpus (`retired-articles/foo`). */
  folder?: string | undefined;
}

export function isRetired(page: RetirablePage): boolean {
  if (page.retired === true) return true;
  const top = page.folder?.split('/')[0];
  return top === RETIRED_FOLDER;
}
