/**
 * Printed links show their full address, and CSS cannot know the site's
 * origin: this Vite plugin appends it to the global stylesheet as
 * --site-origin, which only print uses, from the SITE_URL the site is built for.
 */

const STYLESHEET = '/src/styles/global.css';

/** The rule that declares the origin (only print uses it), as a CSS string. */
export function siteOriginRule(siteUrl: string): string {
  // URL#origin holds no quote or backslash, so JSON's quoting is valid CSS.
  return `:root{--site-origin:${JSON.stringify(new URL(siteUrl).origin)}}`;
}

export function siteOriginCss(siteUrl: string) {
  const rule = siteOriginRule(siteUrl);
  return {
    name: 'site-origin-css',
    enforce: 'pre' as const,
    transform(code: string, id: string) {
      return id.split('?')[0]!.endsWith(STYLESHEET) ? `${code}\n${rule}\n` : undefined;
    },
  };
}
