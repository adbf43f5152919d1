/**
 * Deep links on article pages: put the current id of a retired one in the
 * address bar, open any collapsed region around the target, glide to in-page
 * links, and make "#" links copy the full URL. Plain links, retired ids and
 * :target already work without this script.
 */
import { ALIAS_MARKER_ATTRIBUTE, fragmentId, itemUrl } from '../lib/deep-links';
import { announce } from '../lib/kit/announce';
import { copyText } from '../lib/kit/clipboard';

function landOnFragment(): void {
  const id = fragmentId(location.hash);
  if (id === null) return;
  const target = document.getElementById(id);
  if (target === null) return;
  const replacement = target.hasAttribute(ALIAS_MARKER_ATTRIBUTE) ? target.parentElement?.closest('[id]') : null;
  if (replacement) {
    // A real fragment navigation, so :target and a copied link name the current id.
    location.replace(`#${encodeURIComponent(replacement.id)}`);
    return;
  }
  let collapsed = target.closest('details:not([open])');
  while (collapsed !== null) {
    collapsed.setAttribute('open', '');
    collapsed = collapsed.parentElement?.closest('details:not([open])') ?? null;
  }
  target.scrollIntoView();
  keepInView(target);
}

/**
 * Islands above the target may grow as they hydrate and push it down. Until
 * the reader scrolls or types, keep the target where the link put it.
 */
function keepInView(target: Element): void {
  const stop = () => {
    observer.disconnect();
    for (const type of ['wheel', 'touchstart', 'keydown', 'mousedown'] as const) removeEventListener(type, stop);
  };
  const observer = new ResizeObserver(() => target.scrollIntoView());
  observer.observe(document.body);
  for (const type of ['wheel', 'touchstart', 'keydown', 'mousedown'] as const)
    addEventListener(type, stop, { once: true, passive: true });
  setTimeout(stop, 5000);
}

async function copyLink(event: MouseEvent): Promise<void> {
  const link = (event.target as Element | null)?.closest<HTMLAnchorElement>('a[data-copy-link]');
  if (!link) return;
  event.preventDefault();
  const id = link.hash.slice(1);
  const url = itemUrl(location.href, decodeURIComponent(id));
  history.replaceState(history.state, '', `#${id}`);
  if (!(await copyText(url))) {
    announce('Could not copy. The link is now in the address bar.');
    return;
  }
  link.dataset.copied = '';
  setTimeout(() => delete link.dataset.copied, 2000);
  announce('Link copied');
}

/**
 * Arriving from a ticket lands at once (the stylesheet sets no smooth
 * scrolling). Only a click on a link within the page glides, and never for
 * readers who asked for reduced motion.
 */
function glideToInPageLink(event: MouseEvent): void {
  const link = (event.target as Element | null)?.closest('a[href^="#"]:not([data-copy-link])');
  if (!link || !matchMedia('(prefers-reduced-motion: no-preference)').matches) return;
  const root = document.documentElement;
  root.dataset.glide = '';
  // Long enough for the longest glide; then a later jump (a ticket link in this tab) lands at once again.
  setTimeout(() => delete root.dataset.glide, 2000);
}

landOnFragment();
window.addEventListener('hashchange', landOnFragment);
document.addEventListener('click', (event) => void copyLink(event));
document.addEventListener('click', glideToInPageLink);

const highlightQuery = new URLSearchParams(location.search).get('highlight');
const articleBody = document.querySelector('.article__body');
if (highlightQuery && articleBody) {
  // Loaded only when someone arrives from a search result.
  void import('./highlight-terms').then(({ highlightSearchTerms }) =>
    highlightSearchTerms(articleBody, highlightQuery),
  );
}
