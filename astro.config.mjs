// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { headingLinksPlugin } from './src/lib/markdown/heading-links-plugin.ts';
import { noindexPaths as legacyNoindexPaths } from './src/lib/legacy/noindex.ts';
import { buildWarningLog } from './src/lib/legacy/warnings.ts';
import { cspMetaFirst } from './src/lib/security/csp-meta-first.ts';
import { previousBuildAway } from './src/lib/build/previous-build-away.ts';
import { siteOriginCss } from './src/lib/site-origin-css.ts';
import { breachCheckUrl } from './src/lib/password/breach-endpoint.mjs';
import { passwordDictionaries } from './src/lib/password/dictionaries-plugin.mjs';

// The public address the site is served from: canonical URLs, Open Graph and
// the sitemap are absolute, so a link pasted into a ticket unfurls correctly.
const site = process.env.SITE_URL ?? 'https://mailbox-help.example';
const NOINDEX_PATHS = ['/404/'];
// Imported legacy articles (KB_LEGACY_DIR, see README).
const LEGACY_DIR = process.env.KB_LEGACY_DIR?.trim() || undefined;
// The password meter's opt-in breach check: the only other origin a page may connect to.
const BREACH_CHECK_URL = breachCheckUrl(process.env.PUBLIC_BREACH_CHECK_URL);

export default defineConfig({
  site,
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: {
    // Shiki colours code with inline styles, which the CSP below blocks: no highlighting at all.
    syntaxHighlight: false,
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
        `connect-src 'self' ${new URL(BREACH_CHECK_URL).origin}`,
        'upgrade-insecure-requests',
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  vite: {
    build: {
      // Lazy chunks (search, highlighting) are few and small: skip the preload helper it would ship on every page.
      modulePreload: false,
      rolldownOptions: {
        output: {
          codeSplitting: {
            groups: [
              // What the page's deep-link script shares with the islands (the fragment reader, the announcer
              // and the clipboard writer): one chunk on the first load rather than one per module. First, so
              // that island-common, whose kit imports them, does not take them with it.
              { name: 'page-common', test: /[\\/]src[\\/]lib[\\/](deep-links|kit[\\/](announce|clipboard))\.ts$/ },
              // Preact, its JSX runtime and the island kit (portal, copy control, stylesheet loader, readiness mark) in one chunk
              // that every island loads anyway: left to itself the bundler would split them per set of sharers,
              // one more request per island added (the kit alone cost the checker 190 B in a chunk of its own).
              // The symptom data stay out of it, so pages whose only island is the password meter do not
              // download them.
              {
                name: 'island-common',
                test: /[\\/](node_modules[\\/]preact[\\/](dist|jsx-runtime)[\\/]|src[\\/]components[\\/]kit[\\/]|src[\\/]lib[\\/]kit[\\/]stylesheet\.ts$)/,
              },
            ],
          },
        },
      },
    },
    // The password estimator's trimmed word lists (src/lib/password/estimator-config.mjs), built into its worker.
    worker: { format: 'es', plugins: () => [passwordDictionaries()] },
    define: { 'import.meta.env.PUBLIC_BREACH_CHECK_URL': JSON.stringify(BREACH_CHECK_URL) },
    plugins: [
      {
        // Astro's MDX modules start with the marker "use astro:head-inject", which Astro reads
        // itself before bundling; the bundler dropping it afterwards changes nothing. The warning
        // is harmless and came once per article, so it is filtered out in every build environment
        // (Astro gives each its own bundler options, so a top-level onwarn would not reach them).
        name: 'kb-quiet-head-inject-directive',
        configEnvironment: () => ({
          build: {
            rolldownOptions: {
              onwarn(warning, warn) {
                if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
                warn(warning);
              },
            },
          },
        }),
      },
      // Printed links carry the site's full address (src/styles/global.css).
      siteOriginCss(site),
      {
        // An island that loads part of its code later (the symptom checker's
        // verdict) shares modules with that lazy chunk. Astro keeps island
        // entries' exports strict, so those modules would go to a third chunk
        // that every first load fetches: one request more. Letting the entry
        // carry extra exports puts them in the island's own chunk instead.
        name: 'island-entries-take-shared-modules',
        configEnvironment(name, config) {
          if (name !== 'client') return;
          if (config.build?.rolldownOptions) config.build.rolldownOptions.preserveEntrySignatures = 'allow-extension';
          // Astro sets its own modulePreload for the client build, which brings Vite's preload helper
          // (about 900 B gzip, one request) to every page for a handful of small lazy chunks.
          if (config.build) config.build.modulePreload = false;
        },
      },
    ],
  },
  integrations: [
    // The last build deleted while this one runs, not before it (src/lib/build/previous-build-away.ts).
    previousBuildAway(),
    mdx(),
    // Preact's integration runs Babel over every .ts/.tsx/.mjs module of ours for its JSX; only .tsx files have any.
    // Babel reprinting the rest changed nothing in the output (dist-corpus identical) and cost ~10% of the build's CPU.
    preact({ include: [/\.tsx$/] }),
    // The CSP <meta> right after <meta charset>, so the policy covers all of <head> too.
    cspMetaFirst(),
    // Pages marked noindex stay out of the sitemap.
    sitemap({
      filter: (page) => {
        const { pathname } = new URL(page);
        // Imported pages marked noindex too, as the content loader found them (it runs before the sitemap).
        return !NOINDEX_PATHS.includes(pathname) && !legacyNoindexPaths().has(pathname);
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
