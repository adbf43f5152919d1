/** Site-wide names used in titles, meta tags and the header. */
export const SITE_NAME = 'Mailbox Rescue';
export const SITE_TAGLINE = 'Help for securing a Rackspace Email mailbox that has been broken into';

/** `Page title · Site name`, or the site name alone for the home page. */
export function documentTitle(pageTitle?: string): string {
  return pageTitle ? `${pageTitle} · ${SITE_NAME}` : SITE_NAME;
}
