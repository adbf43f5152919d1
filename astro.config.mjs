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
const NOINDEX_PATHS = ['/404/'];

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
  },
  integrations: [
    mdx(),
    preact(),
    // Pages marked noindex stay out of the sitemap.
    sitemap({ filter: (page) => !NOINDEX_PATHS.some((path) => new URL(page).pathname === path) }),
  ],
});
