/** Site-wide names used in titles, meta tags and the header. */
export const SITE_NAME = 'Mailbox Rescue';
/** The language of the site (`<html lang>`); an imported article in another language says so on its `<article>`. */
export const SITE_LANG = 'en';
export const SITE_TAGLINE = 'Help for securing a Rackspace Email mailbox that has been broken into';

/** `Page title · Site name`, or the site name alone for the home page. */
export function documentTitle(pageTitle?: string): string {
  return pageTitle ? `${pageTitle} · ${SITE_NAME}` : SITE_NAME;
}
