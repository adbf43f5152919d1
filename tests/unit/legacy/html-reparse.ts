/**
 * Test helper: parse imported HTML the way a browser does (parse5, the HTML
 * standard's algorithm) and list everything in it that the allowlist does not
 * allow. An empty list means no markup outside the sanitised tree.
 */
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['documentFragment'];
type Element = DefaultTreeAdapterMap['element'];

const TAGS = new Set([
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'a',
  'ul',
  'ol',
  'li',
  'blockquote',
  'pre',
  'code',
  'em',
  'strong',
  'b',
  'i',
  'u',
  's',
  'del',
  'ins',
  'sup',
  'sub',
  'br',
  'hr',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'caption',
  'dl',
  'dt',
  'dd',
  'div',
  'span',
  'kbd',
  'samp',
  'var',
  'abbr',
  'details',
  'summary',
  'figure',
  'figcaption',
  'mark',
  'small',
  'cite',
  'q',
  'input',
]);
const ATTRIBUTES = new Set([
  'id',
  'title',
  'lang',
  'dir',
  'href',
  'name',
  'start',
  'reversed',
  'type',
  'colspan',
  'rowspan',
  'align',
  'scope',
  'class',
  'tabindex',
  'data-language',
  'data-pagefind-ignore',
  'checked',
  'disabled',
  'data-copy-link',
  'aria-hidden',
]);
const SAFE_ID = /^[A-Za-z0-9_-]+$/;

function* elements(node: Node): Generator<Element> {
  if ('tagName' in node) yield node;
  // <template> content is a separate fragment: look inside it too.
  if ('content' in node && node.content) yield* elements(node.content as Node);
  if ('childNodes' in node) for (const child of node.childNodes) yield* elements(child as Node);
}

/** Everything in `html` that must not be on an imported page; [] when it is clean. */
export function outsideAllowlist(html: string): string[] {
  const problems: string[] = [];
  for (const el of elements(parseFragment(html))) {
    if (!TAGS.has(el.tagName) || el.namespaceURI !== 'http://www.w3.org/1999/xhtml')
      problems.push(`element <${el.tagName}>`);
    if (el.tagName === 'input' && !el.attrs.some((a) => a.name === 'type' && a.value === 'checkbox'))
      problems.push('non-checkbox input');
    for (const { name, value } of el.attrs) {
      if (!ATTRIBUTES.has(name)) problems.push(`attribute ${name} on <${el.tagName}>`);
      if ((name === 'id' || name === 'name') && !SAFE_ID.test(value)) problems.push(`${name}="${value}"`);
      if (name === 'href' && !/^(?:#[A-Za-z0-9_-]*$|\/(?!\/)|https?:|mailto:|tel:)/i.test(value))
        problems.push(`href="${value}"`);
    }
  }
  return problems;
}
