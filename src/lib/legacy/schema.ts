/** The model of an imported legacy article, as stored by the loader. */
import { z } from 'astro/zod';
import { SITE_LANG } from '../site';

export const legacyArticleSchema = z.object({
  title: z.string().min(1),
  description: z.string().min(1),
  product: z.object({ slug: z.string().regex(/^[a-z0-9-]+$/), name: z.string().min(1) }),
  created: z.coerce.date().optional(),
  updated: z.coerce.date().optional(),
  /** When support last checked it (`audit_date`). */
  audited: z.coerce.date().optional(),
  noindex: z.boolean(),
  /** Front matter `retired: true`; the page stays reachable but is left out of search. */
  retired: z.boolean().default(false),
  /** A Hugo `_index.md`: a section landing page. */
  section: z.boolean(),
  /** The folder it describes, relative to the corpus (`cloud-servers/foo`). */
  folder: z.string(),
  /** The file it came from, relative to the corpus. */
  source: z.string(),
  /** The page was a `{{<list product_url=…>}}`: it links to that product's landing page. */
  listsProduct: z.string().optional(),
  /**
   * BCP 47 language of the article's text: `en` (the site's) unless front matter declares another
   * or the text is clearly in another language (`language.ts`).
   */
  lang: z.string().min(2).default(SITE_LANG),
  /** Every repair made on the way in (replayed as warnings when the entry comes from the cache). */
  repairs: z.array(z.object({ category: z.string(), message: z.string() })),
});
