/**
 * Every page under /docs/, native and imported, as small summaries for the
 * home page, product landing pages and search page. A native article always
 * wins a slug (the loader already leaves such legacy files out).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { productRef, compareProducts, type ProductRef } from '../products';
import { isRetired } from '../search/retired';
import { SITE_LANG } from '../site';

export interface DocSummary {
  slug: string;
  title: string;
  description: string;
  product: ProductRef;
  native: boolean;
  /** Legacy section landing page (`_index.md`). */
  section: boolean;
  /** Legacy folder, relative to the corpus. */
  folder?: string;
  noindex: boolean;
  /** Reachable by URL, left out of search (src/lib/search/retired.ts). */
  retired: boolean;
  /** The language of its title and description when it is not the site's (`lang` on the list item). */
  lang?: string;
}

export interface ProductGroup {
  product: ProductRef;
  docs: DocSummary[];
  nativeDocs: DocSummary[];
}

let cached: Promise<DocSummary[]> | undefined;

/** The imported entries; none (and no "empty collection" warning) when KB_LEGACY_DIR is unset. */
export async function legacyEntries(): Promise<CollectionEntry<'legacy'>[]> {
  return process.env.KB_LEGACY_DIR?.trim() ? getCollection('legacy') : [];
}

export function allDocs(): Promise<DocSummary[]> {
  cached ??= (async () => {
    const [native, legacy] = await Promise.all([getCollection('articles'), legacyEntries()]);
    const taken = new Set(native.map((a) => a.id));
    const docs: DocSummary[] = native.map((a) => ({
      slug: a.id,
      title: a.data.title,
      description: a.data.description,
      product: productRef(a.data.product),
      native: true,
      section: false,
      noindex: false,
      retired: a.data.retired,
    }));
    for (const entry of legacy) {
      if (taken.has(entry.id)) continue;
      docs.push({
        slug: entry.id,
        title: entry.data.title,
        description: entry.data.description,
        product: entry.data.product,
        native: false,
        section: entry.data.section,
        folder: entry.data.folder,
        noindex: entry.data.noindex,
        retired: isRetired(entry.data),
        ...(entry.data.lang === SITE_LANG ? {} : { lang: entry.data.lang }),
      });
    }
    // A product named differently across files ("Cloud servers", "Cloud Servers") gets its most used name.
    const names = new Map<string, Map<string, number>>();
    for (const doc of docs) {
      const counts = names.get(doc.product.slug) ?? new Map<string, number>();
      counts.set(doc.product.name, (counts.get(doc.product.name) ?? 0) + (doc.native ? 1000 : doc.section ? 0.5 : 1));
      names.set(doc.product.slug, counts);
    }
    for (const doc of docs) {
      const counts = [...names.get(doc.product.slug)!.entries()].sort((a, b) => b[1] - a[1]);
      doc.product = { slug: doc.product.slug, name: counts[0]![0] };
    }
    return docs;
  })();
  return cached;
}

const byTitle = (a: DocSummary, b: DocSummary) => a.title.localeCompare(b.title);

/** Products with their pages, native products first. Section landing pages are not product articles. */
export async function productGroups(): Promise<ProductGroup[]> {
  const groups = new Map<string, ProductGroup>();
  for (const doc of await allDocs()) {
    if (doc.section) continue;
    const group = groups.get(doc.product.slug) ?? { product: doc.product, docs: [], nativeDocs: [] };
    group.docs.push(doc);
    if (doc.native) group.nativeDocs.push(doc);
    groups.set(doc.product.slug, group);
  }
  const list = [...groups.values()];
  for (const group of list) {
    group.docs.sort(byTitle);
    group.nativeDocs.sort(byTitle);
  }
  return list.sort((a, b) => compareProducts(a.product, b.product));
}

/** The name every page uses for a product slug. */
export async function productBySlug(slug: string): Promise<ProductRef | undefined> {
  return (await allDocs()).find((doc) => doc.product.slug === slug)?.product;
}

/** Legacy section landing pages by folder. */
export async function sectionsByFolder(): Promise<Map<string, DocSummary>> {
  const map = new Map<string, DocSummary>();
  for (const doc of await allDocs()) if (doc.section && doc.folder !== undefined) map.set(doc.folder, doc);
  return map;
}

export function parentFolder(folder: string): string | undefined {
  if (folder === '') return undefined;
  const i = folder.lastIndexOf('/');
  return i === -1 ? '' : folder.slice(0, i);
}

/** The pages directly inside a legacy section: its sub-sections, then its articles. */
export async function sectionChildren(folder: string): Promise<{ sections: DocSummary[]; articles: DocSummary[] }> {
  const sections: DocSummary[] = [];
  const articles: DocSummary[] = [];
  for (const doc of await allDocs()) {
    if (doc.native || doc.folder === undefined || doc.folder === folder) continue;
    if (parentFolder(doc.folder) !== folder) continue;
    (doc.section ? sections : articles).push(doc);
  }
  return { sections: sections.sort(byTitle), articles: articles.sort(byTitle) };
}
