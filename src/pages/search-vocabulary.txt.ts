/**
 * The site's own words for the search page's "Did you mean …?": fetched only
 * when a search finds a word nowhere. Built from what search indexes (titles,
 * descriptions, headings, article text, the symptom/risk/step data and the
 * equivalences), leaving out retired and noindex pages.
 */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { legacyEntries } from '../lib/legacy/catalogue';
import { isRetired } from '../lib/search/retired';
import { buildVocabulary } from '../lib/search/vocabulary';
import { RISK_FACTORS, STEPS, SYMPTOMS } from '../lib/compromise/items';
import equivalences from '../lib/search/equivalences.json';

async function* searchableTexts(): AsyncGenerator<string> {
  for (const article of await getCollection('articles')) {
    if (article.data.retired) continue;
    yield article.data.title;
    yield article.data.description;
    yield article.data.alsoSearchedAs.join(' ');
    // The prose only: no component tags, `{ #id }` attributes or link targets.
    yield (article.body ?? '').replace(/<[^>]*>|\{[^}]*\}|\]\([^)]*\)/g, ' ');
  }
  for (const entry of await legacyEntries()) {
    if (entry.data.noindex || isRetired(entry.data)) continue;
    yield entry.data.title;
    yield entry.data.description;
    // The loader stores the headings it found (src/lib/legacy/loader.ts); Astro types them loosely.
    const headings = (entry.rendered?.metadata?.headings ?? []) as { text: string }[];
    for (const heading of headings) yield heading.text;
  }
  for (const item of [...SYMPTOMS, ...RISK_FACTORS, ...STEPS]) yield Object.values(item).flat().join(' ');
  yield [...equivalences.same.flat(), ...Object.entries(equivalences.broader).flat(2)].join(' ');
}

export const GET: APIRoute = async () => {
  const texts: string[] = [];
  for await (const text of searchableTexts()) texts.push(text);
  return new Response(`${buildVocabulary(texts).join('\n')}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
