/**
 * A `<meta>` Content Security Policy governs only what comes after it in the
 * document, and Astro writes its policy where the head's generated content
 * goes, after everything the layout puts in `<head>`. Anything placed there
 * (a script, a base element, a stylesheet from a page's head slot) would
 * escape the policy. This moves the policy to right after `<meta charset>`,
 * once the pages are built, so it covers the whole document.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

const CSP_META = /<meta http-equiv="content-security-policy" content="[^"]*">/i;
const CHARSET_META = /<meta charset="[^"]*">/i;

/** The page with its CSP `<meta>` moved to right after `<meta charset>`; unchanged when either is missing. */
export function moveCspMetaAfterCharset(html: string): string {
  const policy = CSP_META.exec(html);
  if (!policy) return html;
  const without = html.slice(0, policy.index) + html.slice(policy.index + policy[0].length);
  const charset = CHARSET_META.exec(without);
  if (!charset) return html;
  const at = charset.index + charset[0].length;
  return without.slice(0, at) + policy[0] + without.slice(at);
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The Astro integration that applies moveCspMetaAfterCharset to every built page. */
export function cspMetaFirst(): AstroIntegration {
  return {
    name: 'kb-csp-meta-first',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        for (const file of await htmlFiles(fileURLToPath(dir))) {
          const html = await readFile(file, 'utf8');
          const moved = moveCspMetaAfterCharset(html);
          if (moved !== html) await writeFile(file, moved);
        }
      },
    },
  };
}
