import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { articleFields, checkAnchorContract } from './lib/content/article-schema';

const articles = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './src/content/articles' }),
  // `related` names other articles; a slug that doesn't exist fails the build.
  schema: articleFields
    .extend({ related: z.array(reference('articles')).default([]) })
    .superRefine(checkAnchorContract),
});

export const collections = { articles };
