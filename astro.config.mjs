// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { headingLinksPlugin } from './src/lib/markdown/heading-links-plugin.ts';
import { legacyNoindexPaths } from './src/lib/legacy/plan.ts';
import { buildWarningLog } from './src/lib/legacy/warnings.ts';

// The public address the site is served from: canonical URLs, Open Graph and
// the sitemap are absolute, so a link pasted into a ticket unfurls correctly.
const site = process.env.SITE_URL ?? 'https://mailbox-help.example';
const NOINDEX_PATHS = ['/404/'];
// Imported legacy articles (KB_LEGACY_DIR, see README): those marked noindex stay out of the sitemap too.
const LEGACY_DIR = process.env.KB_LEGACY_DIR?.trim() || undefined;
const legacyNoindex = legacyNoindexPaths(LEGACY_DIR, './src/content/articles');

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
  security: {
    // Astro hashes every script and style it emits into a <meta> CSP. The only
    // allowance beyond hashes: Pagefind compiles WebAssembly. frame-ancestors
    // cannot live in a <meta> policy; public/_headers sends it.
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "worker-src 'self'",
        "connect-src 'self'",
        'upgrade-insecure-requests',
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  vite: {
    // Lazy chunks (search, highlighting) are few and small: skip the preload helper it would ship on every page.
    build: { modulePreload: false },
    plugins: [
      {
        // An island that loads part of its code later (the symptom checker's
        // verdict) shares modules with that lazy chunk. Astro keeps island
        // entries' exports strict, so those modules would go to a third chunk
        // that every first load fetches: one request more. Letting the entry
        // carry extra exports puts them in the island's own chunk instead.
        name: 'island-entries-take-shared-modules',
        configEnvironment(name, config) {
          if (name === 'client' && config.build?.rolldownOptions) config.build.rolldownOptions.preserveEntrySignatures = 'allow-extension';
        },
      },
    ],
  },
  integrations: [
    mdx(),
    preact(),
    // Pages marked noindex stay out of the sitemap.
    sitemap({
      filter: (page) => {
        const { pathname } = new URL(page);
        return !NOINDEX_PATHS.includes(pathname) && !legacyNoindex.has(pathname);
      },
    }),
    // The legacy import's repairs, counted once more at the very end of the build.
    {
      name: 'kb-legacy-summary',
      hooks: {
        'astro:build:done': ({ logger }) => {
          if (!LEGACY_DIR) return;
          for (const line of buildWarningLog().summary()) logger.warn(line);
        },
      },
    },
  ],
});
