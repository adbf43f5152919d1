/**
 * The language of an imported article, as a BCP 47 tag. Pure: no file system,
 * no Astro.
 *
 * A front-matter `lang` (or `language`, read by `declaredLanguage` in
 * front-matter.ts) wins when it is a valid tag. Otherwise the page is the
 * site's language, English, unless its text is clearly another one:
 * 1. at least MIN_WORDS different words of prose once code, markup, URLs,
 *    paths and anything with a digit are taken out (short and code-only pages
 *    stay `en`, and so does "word word word…", which franc reads as Dutch);
 * 2. English's commonest function words ("the", "and", "you"…) are under
 *    MAX_ENGLISH_FUNCTION_WORDS of those words: on the 1,583-file corpus the
 *    Spanish and Portuguese pages are at 0.5 % at most, the most list-like
 *    English page at 2.9 %, ordinary English prose far above;
 * 3. franc-min names one other language for at least MIN_SHARE of the prose,
 *    read in CHUNK_CHARS pieces: franc alone reads only the first 2,048
 *    characters, and a single piece can be wrong (English lists of product
 *    names and permission tables come out "French" a few times in a thousand
 *    pieces; no English page of the corpus gets over 35 %).
 * The library decides which language; 1 and 2 only make "clearly" concrete
 * and cheap (most pages never reach franc). Candidates are the languages of
 * CANDIDATES, so an odd English page cannot come out as Scots or Javanese.
 * franc cannot tell Brazilian from European Portuguese, so Portuguese is `pt`.
 *
 * Why franc-min: MIT, ESM with types, maintained (wooorm/franc), no runtime
 * dependency but its trigram utilities, about 230 KB installed, and only the
 * build runs it: nothing reaches the browser.
 */
import { franc } from 'franc-min';
import { SITE_LANG } from '../site';

/** ISO 639-3 (what franc returns) → BCP 47, for the languages a page may be tagged with. */
const CANDIDATES: Readonly<Record<string, string>> = {
  eng: 'en',
  spa: 'es',
  por: 'pt',
  fra: 'fr',
  deu: 'de',
  ita: 'it',
  nld: 'nl',
  pol: 'pl',
  swe: 'sv',
  ces: 'cs',
  ron: 'ro',
  hun: 'hu',
  tur: 'tr',
  ind: 'id',
  vie: 'vi',
  rus: 'ru',
  ukr: 'uk',
  bul: 'bg',
  ell: 'el',
  jpn: 'ja',
  cmn: 'zh',
  kor: 'ko',
  arb: 'ar',
  pes: 'fa',
  hin: 'hi',
  tha: 'th',
};
const ONLY = Object.keys(CANDIDATES);

export const MIN_WORDS = 40;
export const MIN_SHARE = 0.8;
export const MAX_ENGLISH_FUNCTION_WORDS = 0.02;
const CHUNK_CHARS = 500;
/** Enough to judge any article; bounds the work on a huge file. */
const MAX_SAMPLE_CHARS = 20_000;

/**
 * Words frequent in any English prose that are not common words of the candidate languages written in
 * Latin script (so not "to" or "on", Czech and Polish; "an", German; "is" or "of", Dutch; "de", "a"…).
 */
const ENGLISH_FUNCTION_WORDS = new Set([
  'the',
  'and',
  'you',
  'your',
  'with',
  'that',
  'this',
  'for',
  'are',
  'it',
  'be',
  'can',
  'from',
  'or',
  'will',
  'have',
  'which',
  'not',
]);

const MAX_WORD_CHARS = 40;
/** A token that is prose: no digits, paths, addresses, code punctuation or inner dots (`example.com`, `index.md`). */
const NOT_PROSE = /[\p{N}_/\\@=<>{}$|~^`%+]|\.\p{L}/u;

/**
 * The words a reader reads in a Markdown body: fenced and indented code,
 * inline code, HTML tags, entities, link targets, URLs and code-like tokens are
 * left out. Linear in the length of the text: one pass over the lines, and
 * each regex scan stops at the next delimiter of its kind.
 */
export function proseFromMarkdown(markdown: string): string {
  const words: string[] = [];
  let fence: { char: string; length: number } | undefined;
  for (const line of markdown.split('\n')) {
    const opening = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (opening && opening[1]![0] === fence.char && opening[1]!.length >= fence.length && line.trim() === opening[1])
        fence = undefined;
      continue;
    }
    if (opening) {
      fence = { char: opening[1]![0]!, length: opening[1]!.length };
      continue;
    }
    // Indented code (this also drops prose nested deep in lists: less text, never wrong text).
    if (/^( {4}|\t)/.test(line)) continue;
    const text = line
      .replace(/`[^`]*`/g, ' ')
      .replace(/<[^<>]*>/g, ' ')
      .replace(/&#?[A-Za-z0-9]+;/g, ' ')
      .replace(/\]\([^()]*\)/g, '] ');
    for (const raw of text.split(/\s+/)) {
      // URLs and paths go with their `/`; a "word" of more than MAX_WORD_CHARS is no word (and keeps the trim below short).
      if (!raw || raw.length > MAX_WORD_CHARS || NOT_PROSE.test(raw)) continue;
      const word = raw.replace(/^[^\p{L}¿¡]+|[^\p{L}.,;:!?)"”’»]+$/gu, '');
      if (/\p{L}/u.test(word)) words.push(word);
    }
  }
  return words.join(' ');
}

/** Pieces of about `size` characters, at word boundaries; a short tail joins the piece before. */
function chunks(text: string, size: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    current = current ? `${current} ${word}` : word;
    if (current.length >= size) {
      out.push(current);
      current = '';
    }
  }
  if (current) {
    if (out.length && current.length < size / 2) out[out.length - 1] += ` ${current}`;
    else out.push(current);
  }
  return out;
}

export interface Detection {
  /** BCP 47: SITE_LANG unless the text is clearly in another language. */
  lang: string;
  /** Words of prose read. */
  words: number;
  /** Different words among them. */
  distinctWords: number;
  /**
   * Share of the prose (by characters) franc gave to the most frequent other language; absent when
   * franc was not asked (too few words, or English function words already settle it).
   */
  share?: number;
  /** Share of the words that are English function words. */
  englishFunctionWords: number;
}

/** The language of some prose (see the top of this file for the rules). */
export function detectLanguage(prose: string): Detection {
  const sample =
    prose.length > MAX_SAMPLE_CHARS
      ? prose.slice(0, prose.lastIndexOf(' ', MAX_SAMPLE_CHARS) + 1 || MAX_SAMPLE_CHARS)
      : prose;
  const wordList = sample
    .toLowerCase()
    .split(/[^\p{L}'’]+/u)
    .filter(Boolean);
  const functionWords = wordList.filter((word) => ENGLISH_FUNCTION_WORDS.has(word)).length;
  const englishFunctionWords = wordList.length ? functionWords / wordList.length : 0;
  const distinctWords = new Set(wordList).size;
  const none: Detection = { lang: SITE_LANG, words: wordList.length, distinctWords, englishFunctionWords };
  // Both cheap tests first: most pages never reach franc (a few ms a page).
  if (distinctWords < MIN_WORDS || englishFunctionWords >= MAX_ENGLISH_FUNCTION_WORDS) return none;

  const byLanguage = new Map<string, number>();
  let total = 0;
  for (const piece of chunks(sample.trim().replace(/\s+/g, ' '), CHUNK_CHARS)) {
    const code = franc(piece, { only: ONLY, minLength: 1 });
    total += piece.length;
    if (code !== 'eng' && code in CANDIDATES) byLanguage.set(code, (byLanguage.get(code) ?? 0) + piece.length);
  }
  const [code, chars] = [...byLanguage].sort((a, b) => b[1] - a[1])[0] ?? ['eng', 0];
  const share = total ? chars / total : 0;
  return { ...none, share, lang: share >= MIN_SHARE ? CANDIDATES[code]! : SITE_LANG };
}

export interface PageLanguage {
  lang: string;
  /** Where it came from: the front matter, the detector (another language), or the default. */
  source: 'front-matter' | 'detected' | 'default';
}

/**
 * The language of one imported page: the declared one (`LegacyMeta.lang`, read
 * by `declaredLanguage` in front-matter.ts), else the one detected from its title and Markdown body.
 */
export function pageLanguage(page: { declared?: string | undefined; title: string; markdown: string }): PageLanguage {
  if (page.declared) return { lang: page.declared, source: 'front-matter' };
  const { lang } = detectLanguage(`${proseFromMarkdown(page.title)} ${proseFromMarkdown(page.markdown)}`.trim());
  return { lang, source: lang === SITE_LANG ? 'default' : 'detected' };
}
