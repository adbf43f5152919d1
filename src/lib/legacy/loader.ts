/**
 * Astro content loader for a folder of legacy Hugo/Jekyll Markdown articles
 * (`KB_LEGACY_DIR`). Front matter is mapped onto the legacy article model,
 * shortcodes are handled on the source, the Markdown is rendered by the
 * site's own processor (`renderMarkdown`), and the HTML is sanitised and its
 * headings normalised. Every repair is a warning naming the file.
 */
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader } from 'astro/loaders';
import { convertShortcodes } from './shortcodes';
import { pageLanguage } from './language';
import { SITE_LANG } from '../site';
import { processLegacyHtml } from './html';
import { LegacyHtmlFiles, type LegacyHtmlRef } from './html-files';
import { nativeArticles, planLegacyCorpus, readLegacyText, type ReadLegacyFile } from './plan';
import { recordNoindexPaths } from './noindex';
import { formatWarning, resetBuildWarningLog, type WarningCategory } from './warnings';
import type { MappedWarning } from './front-matter';

/** Bump when the conversion changes, so cached entries are rebuilt. */
const CONVERSION_VERSION = 12;

export interface LegacyLoaderOptions {
  /** The corpus folder; unset or empty: no legacy articles. */
  dir: string | undefined;
  /** The native articles, whose slugs win over legacy ones. */
  nativeDir: string;
}

/** Shortcode and Liquid handling, as warnings. */
function shortcodeWarnings(result: ReturnType<typeof convertShortcodes>): MappedWarning[] {
  const warnings: MappedWarning[] = [];
  if (result.images)
    warnings.push({
      category: 'image-shortcode',
      message: `${result.images} image shortcode${result.images === 1 ? '' : 's'} shown as a labelled placeholder (no image request)`,
    });
  if (result.stripped.length) {
    // Names as written can be anything a hostile file puts there: a few, each cut short.
    const unique = [...new Set(result.stripped)];
    const names =
      unique
        .slice(0, 8)
        .map((name) => (name.length > 40 ? `${name.slice(0, 39)}…` : name))
        .join(', ') + (unique.length > 8 ? `, and ${unique.length - 8} more` : '');
    warnings.push({
      category: 'shortcode-stripped',
      message: `${result.stripped.length} Hugo shortcode tag${result.stripped.length === 1 ? '' : 's'} stripped (${names}), their content kept`,
    });
  }
  if (result.liquid)
    warnings.push({
      category: 'liquid-stripped',
      message: `${result.liquid} Liquid tag${result.liquid === 1 ? '' : 's'} stripped`,
    });
  return warnings;
}

export function legacyLoader(options: LegacyLoaderOptions): Loader {
  return {
    name: 'kb-legacy-markdown',
    async load(ctx) {
      const log = resetBuildWarningLog();
      if (!options.dir) {
        ctx.store.clear();
        return;
      }
      const dir = resolve(options.dir);
      const started = performance.now();
      const { pages, skipped } = planLegacyCorpus(dir, nativeArticles(resolve(options.nativeDir)));
      recordNoindexPaths(pages.filter((page) => page.meta.noindex).map((page) => `/docs/${page.meta.slug}/`));
      const report = (file: string, warnings: readonly MappedWarning[]) => {
        for (const w of warnings) {
          log.add(file, w.category as WarningCategory, w.message);
          ctx.logger.warn(formatWarning({ file, category: w.category as WarningCategory, message: w.message }));
        }
      };
      for (const file of skipped) report(file.relPath, file.warnings);

      const knownSlugs = new Set(pages.map((page) => page.meta.slug));
      // Links between imported pages depend on which slugs exist: part of every entry's digest.
      const slugsDigest = ctx.generateDigest([...knownSlugs].join('\n'));
      // The HTML lives in files beside the content store, not in it (html-files.ts says why).
      const htmlFiles = new LegacyHtmlFiles(fileURLToPath(new URL('kb-legacy-html/', ctx.config.cacheDir)));
      /** id → digest of its source: names its converted HTML file. */
      const keep = new Map<string, string>();
      let failed = 0;
      let rendered = 0;
      for (const planned of pages) {
        const id = planned.meta.slug;
        // The plan keeps no text: read again here, one file at a time.
        const read = readLegacyText(dir, planned.relPath);
        if (!('source' in read)) {
          failed += 1;
          report(planned.relPath, read.warnings);
          continue;
        }
        // Meta and warnings as planned (URL clashes were settled on them); the text as read now.
        const file = { ...planned, source: read.source, body: read.body };
        const digest = ctx.generateDigest(
          `${CONVERSION_VERSION}\n${slugsDigest}\n${id}\n${file.relPath}\n${file.source}`,
        );
        const cached = ctx.store.get(id);
        if (
          cached &&
          typeof cached.digest === 'string' &&
          (cached.digest === digest || cached.digest.startsWith(`${digest}:`)) &&
          htmlFiles.has(`${digest}.html`)
        ) {
          keep.set(id, digest);
          report(file.relPath, (cached.data as { repairs: MappedWarning[] }).repairs);
          continue;
        }
        try {
          const entry = await convert(file, ctx, knownSlugs);
          const data = await ctx.parseData({ id, data: entry.data });
          report(file.relPath, entry.repairs);
          const htmlPath = htmlFiles.write(`${digest}.html`, entry.html);
          // `rendered.html` stays empty: the page reads `htmlPath` (never `render()` an entry of this collection).
          ctx.store.set({ id, data, digest, rendered: { html: '', metadata: { headings: entry.headings, htmlPath } } });
          keep.set(id, digest);
          rendered += 1;
        } catch (error) {
          // One file the renderer or the schema cannot take is left out, named; the build goes on.
          failed += 1;
          report(file.relPath, [
            {
              category: 'file-skipped',
              message: `could not be converted (${String((error as Error).message)
                .split('\n')[0]!
                .slice(0, 200)}): not built`,
            },
          ]);
        }
      }
      for (const id of ctx.store.keys()) if (!keep.has(id)) ctx.store.delete(id);

      // Links into another imported page's section: the old site made other ids, so a fragment
      // that does not exist there is dropped (the link still goes to the page). Done on every build,
      // cached entries too (it depends on the other pages), from the HTML as converted, so a warm
      // build warns exactly like a cold one.
      const idsBySlug = new Map<string, Set<string>>();
      // The few pages that link into another page's section (34 of the corpus's 1,580), kept from this first read:
      // the others cannot change below, so they are not read a second time.
      const linkingIntoSections = new Map<string, string>();
      for (const [id, digest] of keep) {
        const html = htmlFiles.read(`${digest}.html`);
        idsBySlug.set(id, new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!)));
        if (html.search(SECTION_LINK) !== -1) linkingIntoSections.set(id, html);
      }
      const used = new Set<string>();
      for (const file of pages) {
        const digest = keep.get(file.meta.slug);
        if (digest === undefined) continue;
        let name = `${digest}.html`;
        const linking = linkingIntoSections.get(file.meta.slug);
        const repaired = linking === undefined ? undefined : dropMissingFragments(linking, idsBySlug);
        if (repaired?.dropped) {
          const { html, dropped } = repaired;
          report(file.relPath, [
            {
              category: 'broken-fragment',
              message: `${dropped} link${dropped === 1 ? '' : 's'} to a missing section of another page: now to the page`,
            },
          ]);
          used.add(name);
          name = `${digest}-${ctx.generateDigest(html)}.html`;
          htmlFiles.write(name, html);
        }
        used.add(name);
        const htmlPath = htmlFiles.path(name);
        const entry = ctx.store.get(file.meta.slug)!;
        if ((entry.rendered?.metadata as Partial<LegacyHtmlRef> | undefined)?.htmlPath === htmlPath) continue;
        // A new digest (the store skips an unchanged one), still recognised as this source by the cache check above.
        ctx.store.set({
          ...entry,
          digest: `${digest}:${ctx.generateDigest(htmlPath)}`,
          rendered: { html: '', metadata: { ...entry.rendered?.metadata, htmlPath } },
        });
      }
      htmlFiles.prune(used);

      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      ctx.logger.info(
        `imported ${keep.size} legacy articles from ${options.dir} (${rendered} rendered, ${keep.size - rendered} from cache, ${skipped.length + failed} left out) in ${seconds}s`,
      );
      // Which pages carry another language than the site's, so a wrong guess is seen in the build log.
      const byLang = new Map<string, string[]>();
      for (const id of keep.keys()) {
        const lang = (ctx.store.get(id)?.data as { lang?: string } | undefined)?.lang ?? SITE_LANG;
        if (lang !== SITE_LANG) byLang.set(lang, [...(byLang.get(lang) ?? []), id]);
      }
      for (const [lang, ids] of byLang)
        ctx.logger.info(
          `lang="${lang}" on ${ids.length} imported page${ids.length === 1 ? '' : 's'}: ${ids.slice(0, 10).join(', ')}${ids.length > 10 ? ', …' : ''}`,
        );
      for (const line of log.summary()) ctx.logger.warn(line);
    },
  };
}

async function convert(file: ReadLegacyFile, ctx: Parameters<Loader['load']>[0], knownSlugs: ReadonlySet<string>) {
  const shortcodes = convertShortcodes(file.body);
  // An empty front matter block, so a body opening with `---` is never read as front matter.
  const result = await ctx.renderMarkdown(`---\n---\n${shortcodes.text}`, { fileURL: pathToFileURL(file.absPath) });
  const processed = processLegacyHtml(result.html, file.meta.title, { pageSlug: file.meta.slug, knownSlugs });
  const repairs = [...file.warnings, ...shortcodeWarnings(shortcodes), ...processed.warnings];
  const { meta } = file;
  const { lang } = pageLanguage({ declared: meta.lang, title: meta.title, markdown: shortcodes.text });
  return {
    html: processed.html,
    headings: processed.headings,
    repairs,
    data: {
      title: meta.title,
      description: processed.description,
      product: meta.product,
      ...(meta.created ? { created: meta.created } : {}),
      ...(meta.updated ? { updated: meta.updated } : {}),
      ...(meta.audited ? { audited: meta.audited } : {}),
      noindex: meta.noindex,
      retired: meta.retired,
      section: meta.section,
      folder: meta.folder,
      source: file.relPath,
      lang,
      ...(shortcodes.listsProduct ? { listsProduct: shortcodes.listsProduct } : {}),
      repairs: repairs.map(({ category, message }) => ({ category, message })),
    },
  };
}

/** A link into a section of an imported page: `href="/docs/<slug>/#<id>"`. */
const SECTION_LINK = /href="\/docs\/([^"#]+?)\/#([^"]*)"/g;

/** `/docs/<slug>/#missing` → `/docs/<slug>/` when that page has no such id. */
export function dropMissingFragments(
  html: string,
  idsBySlug: ReadonlyMap<string, ReadonlySet<string>>,
): { html: string; dropped: number } {
  let dropped = 0;
  const out = html.replace(SECTION_LINK, (match, slug: string, fragment: string) => {
    const ids = idsBySlug.get(slug);
    if (!ids) return match;
    let id = fragment;
    try {
      id = decodeURIComponent(fragment);
    } catch {
      // keep it as written
    }
    if (ids.has(id)) return match;
    dropped += 1;
    return `href="/docs/${slug}/"`;
  });
  return { html: out, dropped };
}
