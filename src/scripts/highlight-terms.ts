/**
 * On a page opened from a search result (`?highlight=words`), mark the
 * searched words in the article text.
 */
import { highlightTerms } from '../lib/search/query';
import { matchRanges } from '../lib/search/highlight';

const SKIP = new Set(['SCRIPT', 'STYLE', 'MARK', 'BUTTON', 'INPUT', 'TEXTAREA', 'SELECT']);
const MAX_MARKS = 200;

export function highlightSearchTerms(root: Element, query: string): void {
  const terms = highlightTerms(query);
  if (terms.length === 0) return;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement &&
      !SKIP.has(node.parentElement.tagName) &&
      !node.parentElement.closest('[data-island], .copy-link')
        ? NodeFilter.FILTER_ACCEPT
        : NodeFilter.FILTER_REJECT,
  });
  const textNodes: Text[] = [];
  while (walker.nextNode()) textNodes.push(walker.currentNode as Text);
  let marks = 0;
  for (const node of textNodes) {
    const ranges = matchRanges(node.data, terms);
    // Work from the end so earlier offsets stay valid.
    for (const [start, end] of ranges.reverse()) {
      if (marks >= MAX_MARKS) return;
      const word = node.splitText(start);
      word.splitText(end - start);
      const mark = document.createElement('mark');
      mark.className = 'search-highlight';
      word.replaceWith(mark);
      mark.append(word);
      marks += 1;
    }
  }
}
