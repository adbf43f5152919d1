/** The products the knowledge base covers, in the order the home page lists them. */
export const PRODUCTS = {
  'rackspace-email': {
    name: 'Rackspace Email',
    summary: 'Hosted email: webmail, passwords, security and spam settings.',
  },
  'microsoft-exchange': { name: 'Microsoft Exchange', summary: 'Hosted Exchange mailboxes and Outlook Web App.' },
  'cloud-office': { name: 'Cloud Office', summary: 'The account, the Control Panel and the words support uses.' },
} as const;

export type ProductId = keyof typeof PRODUCTS;
export const PRODUCT_IDS = Object.keys(PRODUCTS) as [ProductId, ...ProductId[]];

export function productName(id: ProductId): string {
  return PRODUCTS[id].name;
}

/**
 * Any product, native or named in imported front matter: a URL slug and the
 * name people read. The three native products keep their ids as slugs.
 */
export interface ProductRef {
  slug: string;
  name: string;
}

function isNativeProduct(slug: string): slug is ProductId {
  return Object.hasOwn(PRODUCTS, slug);
}

/** `Cloud Servers` → `cloud-servers`; `Office 365` → `office-365`. */
export function productSlug(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/&/g, ' and ')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'general'
  );
}

/** The product a free-form name stands for; a native product keeps its own name. */
export function productFromName(name: string): ProductRef {
  const slug = productSlug(name);
  return { slug, name: isNativeProduct(slug) ? PRODUCTS[slug].name : name.trim() };
}

export function productRef(id: ProductId): ProductRef {
  return { slug: id, name: PRODUCTS[id].name };
}

/** One-line summary: the native text, else a generic one. */
export function productSummary(product: ProductRef, articleCount?: number): string {
  if (isNativeProduct(product.slug)) return PRODUCTS[product.slug].summary;
  return articleCount === undefined
    ? `Articles about ${product.name}.`
    : `${articleCount} ${articleCount === 1 ? 'article' : 'articles'} about ${product.name}.`;
}

/** The landing page of a product. */
export function productPath(slug: string): string {
  return `/products/${slug}/`;
}

/** Native products first in their fixed order, then the rest by name. */
export function compareProducts(a: ProductRef, b: ProductRef): number {
  const ia = PRODUCT_IDS.indexOf(a.slug as ProductId);
  const ib = PRODUCT_IDS.indexOf(b.slug as ProductId);
  if (ia !== -1 || ib !== -1) return (ia === -1 ? Infinity : ia) - (ib === -1 ? Infinity : ib);
  return a.name.localeCompare(b.name);
}
