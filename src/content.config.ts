import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { articleFields, checkAnchorContract } from './lib/content/article-schema';
import { legacyLoader } from './lib/legacy/loader';
import { legacyArticleSchema } from './lib/legacy/schema';

const articles = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './src/content/articles' }),
  // The fields are in article-schema.ts (alsoSearchedAs and retired included).
  // `related` names other articles; a slug that doesn't exist fails the build.
  schema: articleFields
    .extend({ related: z.array(reference('articles')).default([]) })
    .superRefine(checkAnchorContract),
});

/**
 * Legacy Hugo/Jekyll Markdown articles from the folder named by KB_LEGACY_DIR
 * (relative to the project root). Unset: this collection is empty.
 */
const legacy = defineCollection({
  loader: legacyLoader({ dir: process.env.KB_LEGACY_DIR?.trim() || undefined, nativeDir: './src/content/articles' }),
  schema: legacyArticleSchema,
});

export const collections = { articles, legacy };
