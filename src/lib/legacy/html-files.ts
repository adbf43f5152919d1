/**
 * The rendered HTML of imported legacy articles, kept as files in Astro's cache
 * folder (`<cacheDir>/kb-legacy-html/`) instead of inside the content store.
 *
 * Why: Astro bundles the whole content store into the server build as one
 * JavaScript module and loads it again to render the pages. With the HTML of
 * 1,583 articles inside (about 10 MB), the bundler and the page renderer each
 * held several copies of it, and the corpus build peaked well over 1 GB. The
 * store now keeps only the small data of each entry and the path of its HTML
 * file; a page reads its own file when it is rendered.
 *
 * Files are named by content digest, so a name never points to other HTML:
 * `<source digest>.html` is the page as converted, `<source digest>-<html
 * digest>.html` the same after links to missing sections of other pages were
 * repaired (that needs every page's ids, so it is redone on every build).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const NAME = /^[0-9a-z]+(-[0-9a-z]+)?\.html$/;

export class LegacyHtmlFiles {
  readonly dir: string;
  constructor(dir: string) {
    this.dir = dir;
    mkdirSync(dir, { recursive: true });
  }

  /** The absolute path of a file name made of digests. */
  path(name: string): string {
    if (!NAME.test(name)) throw new Error(`not a legacy HTML file name: ${name}`);
    return join(this.dir, name);
  }

  has(name: string): boolean {
    return existsSync(this.path(name));
  }

  read(name: string): string {
    return readFileSync(this.path(name), 'utf8');
  }

  /** Writes the file unless it exists (same name, same content); returns its path. */
  write(name: string, html: string): string {
    const path = this.path(name);
    if (!existsSync(path)) {
      // Written aside then renamed: a build stopped half-way never leaves a truncated page behind.
      const partial = `${path}.${process.pid}.partial`;
      writeFileSync(partial, html);
      renameSync(partial, path);
    }
    return path;
  }

  /** Removes the files (and leftovers of interrupted writes) that no entry of the store names any more. */
  prune(keep: ReadonlySet<string>): void {
    for (const name of readdirSync(this.dir)) {
      if (!keep.has(name) && (NAME.test(name) || name.endsWith('.partial')))
        rmSync(join(this.dir, name), { force: true });
    }
  }
}

/** What the loader stores in `rendered.metadata` of an entry: the file its page reads. */
export interface LegacyHtmlRef {
  htmlPath: string;
}

/** The HTML of an imported page, read when the page is rendered (see the note at the top). */
export function readLegacyHtml(entryId: string, metadata: Partial<LegacyHtmlRef> | undefined): string {
  const path = metadata?.htmlPath;
  if (typeof path !== 'string' || !path)
    throw new Error(
      `legacy entry ${entryId} names no HTML file: clear the content cache (node_modules/.astro) and build again`,
    );
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(
      `legacy entry ${entryId}: its HTML file ${path} cannot be read (${(error as Error).message}); clear the content cache (node_modules/.astro) and build again`,
    );
  }
}
