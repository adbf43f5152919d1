// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { headingLinksPlugin } from './src/lib/markdown/heading-links-plugin.ts';

// The public address the site is served from: canonical URLs, Open Graph and
// the sitemap are absolute, so a link pasted into a ticket unfurls correctly.
const site = process.env.SITE_URL ?? 'https://mailbox-help.example';
const NOINDEX_PATHS = ['/search/', '/404/'];

export default defineConfig({
  site,
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: {
    processor: satteri({
      // `## Heading { #stable-id }`: ids are written by authors, never derived
      // from heading text, so rewording a heading never breaks a deep link.
      features: { headingAttributes: true },
      hastPlugins: [headingLinksPlugin],
    }),
  },
  integrations: [
    mdx(),
    preact(),
    // Pages marked noindex stay out of the sitemap.
    sitemap({ filter: (page) => !NOINDEX_PATHS.some((path) => new URL(page).pathname === path) }),
  ],
});
