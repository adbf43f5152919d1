/**
 * Loads an island's stylesheet once, when the island mounts rather than with
 * the page, so an article's first load does not pay for it. Resolves when the
 * sheet has applied (or failed: the island still works, unstyled). `href` is
 * a bundled asset's URL, never text from the page's address.
 */
export function loadStylesheet(href: string): Promise<void> {
  if (document.querySelector(`link[rel="stylesheet"][href="${href}"]`)) return Promise.resolve();
  return new Promise((resolve) => {
    const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href });
    link.addEventListener('load', () => resolve(), { once: true });
    link.addEventListener('error', () => resolve(), { once: true });
    document.head.append(link);
  });
}
