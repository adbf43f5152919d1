/** Reads the articles' front matter straight from src/content, for tests. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { SHARED_DIR } from './shared';

const ARTICLES_DIR = join(import.meta.dirname, '../../src/content/articles');

export interface ArticleSource {
  slug: string;
  path: string;
  frontmatter: Record<string, unknown> & { anchors: string[]; anchorAliases?: Record<string, string> };
  body: string;
}

export function readArticles(): ArticleSource[] {
  return readdirSync(ARTICLES_DIR)
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .map((name) => {
      const text = readFileSync(join(ARTICLES_DIR, name), 'utf8');
      const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
      if (!match) throw new Error(`${name}: no front matter`);
      return {
        slug: name.replace(/\.mdx$/, ''),
        path: `/docs/${name.replace(/\.mdx$/, '')}/`,
        frontmatter: parse(match[1]!),
        body: match[2]!,
      };
    });
}

/** Published-anchor contract: page path -> every id ever published there. */
const CONTRACT_PATH = join(import.meta.dirname, '../published-anchors.json');

export function readContract(): Record<string, string[]> {
  return JSON.parse(readFileSync(CONTRACT_PATH, 'utf8')) as Record<string, string[]>;
}

/** The facts sheet's anchor ids (backticked ids such as `symptom-bounce-messages`). */
export function factsSheetIds(): string[] {
  const sheet = readFileSync(join(SHARED_DIR, 'article-facts.md'), 'utf8');
  const mainPart = sheet.split('# Companion articles')[0]!;
  const ids = [
    ...mainPart.matchAll(/`((?:symptom|risk|step)-[a-z-]+|prerequisites|symptoms|risk-factors|secure-your-mailbox)`/g),
  ].map((m) => m[1]!);
  return [...new Set(ids)];
}
