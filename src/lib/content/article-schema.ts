/**
 * The front matter every article carries. Kept free of `astro:content` so
 * Vitest can check it directly; `content.config.ts` adds the build-time
 * reference check on `related`.
 */
import { z } from 'astro/zod';
import { PRODUCT_IDS } from '../products';

/** An id that can sit in a URL fragment for years: lowercase words joined by hyphens. */
const anchorId = z
  .string()
  .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'must be lowercase words joined by hyphens, e.g. "step-scan-devices"');

export const articleFields = z.object({
  title: z.string().min(5).max(120),
  description: z.string().min(50).max(200),
  product: z.enum(PRODUCT_IDS),
  appliesTo: z.array(z.enum(['user', 'administrator'])).min(1),
  difficulty: z.enum(['easy', 'moderate']),
  timeNeeded: z.string().min(3),
  toolsRequired: z.array(z.string().min(3)).min(1),
  updated: z.coerce.date(),
  related: z.array(z.string().regex(/^[a-z0-9-]+$/)).default([]),
  /** Every fragment id this page publishes: support tickets link to them. */
  anchors: z.array(anchorId).min(1),
  /** Old fragment ids that must keep landing on their replacement. */
  anchorAliases: z.record(anchorId, anchorId).default({}),
  /** The words readers use for this article ("also searched as"): Pagefind metadata, searched with the page. */
  alsoSearchedAs: z.array(z.string().min(2).max(60)).max(12).default([]),
  /** Kept reachable by URL with a "retired" notice, but left out of search. */
  retired: z.boolean().default(false),
});

type AnchorFields = Pick<z.infer<typeof articleFields>, 'anchors' | 'anchorAliases'>;

/** Published ids are unique, and an alias maps a retired id onto a published one. */
export function checkAnchorContract(data: AnchorFields, ctx: z.RefinementCtx): void {
  const published = new Set(data.anchors);
  if (published.size !== data.anchors.length) {
    ctx.addIssue({ code: 'custom', path: ['anchors'], message: 'lists the same id twice' });
  }
  for (const [oldId, newId] of Object.entries(data.anchorAliases)) {
    if (published.has(oldId)) {
      ctx.addIssue({
        code: 'custom',
        path: ['anchorAliases', oldId],
        message: `"${oldId}" is still published: an alias is only for an id that is gone`,
      });
    }
    if (!published.has(newId)) {
      ctx.addIssue({
        code: 'custom',
        path: ['anchorAliases', oldId],
        message: `points to "${newId}", which is not in anchors`,
      });
    }
  }
}

export const articleSchema = articleFields.superRefine(checkAnchorContract);
