/**
 * The one way an island or page script speaks a short status to screen
 * readers: through the page's polite live region (BaseLayout's #announcer).
 * Islands show their own visible text where sighted readers need it, but
 * never a second live region.
 */

/** Long enough for screen readers to notice the region was emptied. */
export const ANNOUNCE_DELAY_MS = 50;

/** The part of an element the announcer writes to (a fake one in unit tests). */
export interface LiveRegion {
  textContent: string | null;
}

/** Speak `message`. Clearing first makes a repeated message ("Link copied" twice) heard again. */
export function announce(
  message: string,
  region: LiveRegion | null = typeof document === 'undefined' ? null : document.getElementById('announcer'),
): void {
  if (!region) return;
  region.textContent = '';
  setTimeout(() => {
    region.textContent = message;
  }, ANNOUNCE_DELAY_MS);
}
