/**
 * Deep links on article pages: follow retired ids to their replacement, open
 * any collapsed region around the target, and make "#" links copy the full URL.
 * Plain links and :target already work without this script.
 */
import { fragmentId, itemUrl, parseAliases, resolveAnchor } from '../lib/deep-links';
import { announce } from './announce';

const aliases = parseAliases(document.getElementById('anchor-aliases')?.textContent);

function landOnFragment(): void {
  const id = fragmentId(location.hash);
  if (id === null) return;
  const targetId = resolveAnchor(id, (candidate) => document.getElementById(candidate) !== null, aliases);
  if (targetId === null) return;
  if (targetId !== id) {
    // A real fragment navigation, so :target and scrolling follow the new id.
    location.replace(`#${encodeURIComponent(targetId)}`);
    return;
  }
  const target = document.getElementById(targetId)!;
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
  for (const type of ['wheel', 'touchstart', 'keydown', 'mousedown'] as const) addEventListener(type, stop, { once: true, passive: true });
  setTimeout(stop, 5000);
}

async function copyLink(event: MouseEvent): Promise<void> {
  const link = (event.target as Element | null)?.closest<HTMLAnchorElement>('a[data-copy-link]');
  if (!link) return;
  event.preventDefault();
  const id = link.hash.slice(1);
  const url = itemUrl(location.href, decodeURIComponent(id));
  history.replaceState(history.state, '', `#${id}`);
  try {
    await navigator.clipboard.writeText(url);
    link.dataset.copied = '';
    setTimeout(() => delete link.dataset.copied, 2000);
    announce('Link copied');
  } catch {
    announce('Could not copy. The link is now in the address bar.');
  }
}

landOnFragment();
window.addEventListener('hashchange', landOnFragment);
document.addEventListener('click', (event) => void copyLink(event));

const highlightQuery = new URLSearchParams(location.search).get('highlight');
const articleBody = document.querySelector('.article__body');
if (highlightQuery && articleBody) {
  // Loaded only when someone arrives from a search result.
  void import('./highlight-terms').then(({ highlightSearchTerms }) => highlightSearchTerms(articleBody, highlightQuery));
}
