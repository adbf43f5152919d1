/**
 * The allowlist of imported HTML, as `hast-util-sanitize` schemas: what an
 * author's page may keep, and what the page may hold once this import has
 * added its own markup (heading rows, copy-links, scroll boxes).
 */
import type { Schema } from 'hast-util-sanitize';

export const ALLOWED_TAGS = [
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
];

/** Elements whose removal is a security repair (the rest of what the allowlist drops is only unwrapped). */
export const UNSAFE_TAGS = new Set([
  'script',
  'style',
  'link',
  'meta',
  'base',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'portal',
  'form',
  'button',
  'select',
  'option',
  'textarea',
  'input',
  'dialog',
  'template',
  'noscript',
  'svg',
  'math',
  'audio',
  'video',
  'source',
  'track',
  'picture',
  'canvas',
  'html',
  'head',
  'body',
  'title',
  'slot',
]);

/** Elements that go with their content: what is inside them is code or form state, not text for the reader. */
const DROPPED_WITH_CONTENT = [
  'script',
  'style',
  'textarea',
  'option',
  'noscript',
  'iframe',
  'object',
  'template',
  'select',
  'button',
  'title',
];

export const ALLOWED_SCHEMES = ['http', 'https', 'mailto', 'tel'];

/** Attributes that mean something when empty; any other attribute left empty goes. */
export const BOOLEAN_ATTRIBUTES = new Set(['checked', 'disabled', 'reversed', 'dataPagefindIgnore', 'dataCopyLink']);

const authorAttributes: NonNullable<Schema['attributes']> = {
  '*': ['id', 'title', 'lang', 'dir'],
  a: ['href', 'name'],
  ol: ['start', 'reversed', 'type'],
  td: ['colSpan', 'rowSpan', 'align'],
  th: ['colSpan', 'rowSpan', 'align', 'scope'],
  code: [['className', /^language-/]],
  pre: ['tabIndex', 'dataLanguage'],
  span: [['className', 'legacy-image'], 'dataPagefindIgnore'],
  input: [['type', 'checkbox'], 'checked', 'disabled'],
};

const common = {
  tagNames: ALLOWED_TAGS,
  strip: DROPPED_WITH_CONTENT,
  protocols: { href: ALLOWED_SCHEMES },
  // Ids stay as they are (the ids plugin keeps them safe): no `user-content-` prefix.
  clobber: [],
  clobberPrefix: '',
  ancestors: {},
  required: {},
  allowComments: false,
  allowDoctypes: false,
} satisfies Schema;

/** What the author's HTML may keep. */
export const AUTHOR_SCHEMA: Schema = { ...common, attributes: authorAttributes };

/** What the page may hold: the author's allowlist and exactly what this import adds. */
export const PAGE_SCHEMA: Schema = {
  ...common,
  attributes: {
    ...authorAttributes,
    a: [...authorAttributes.a!, ['className', 'copy-link'], 'dataCopyLink', 'dataPagefindIgnore'],
    div: [['className', 'heading-row']],
    span: [['className', 'legacy-image', 'visually-hidden'], 'dataPagefindIgnore', 'ariaHidden'],
    table: ['tabIndex'],
  },
};
