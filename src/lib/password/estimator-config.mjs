/**
 * Which word lists the password estimator (zxcvbn-ts) ships; how far it looks
 * is in limits.mjs. Plain JavaScript with JSDoc types, because two runtimes
 * read it: the Vite plugin that builds the trimmed lists at build time
 * (dictionaries-plugin.mjs) and the benchmark under Node.
 *
 * Trimming: the word lists are ranked, most frequent first, so keeping the
 * top N of a list keeps the words an attacker tries first. The full lists of
 * @zxcvbn-ts/language-common and -en weigh about 850 KB gzip; the plan below
 * keeps the download of the estimator under 400 KB gzip with at least 95 %
 * score agreement over bench/lib/password-sample.mjs's 1,000 passwords
 * (`npm run bench` prints both figures; measured: 96.6 % and about 340 KB).
 * First names are alphabetical, not ranked, so that list is all or nothing.
 */
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

/**
 * How many of each ranked list to keep: a number keeps the top N, `true`
 * keeps the list whole. A list not named is left out.
 * @type {Record<string, number | true>}
 */
const DICTIONARY_PLAN = {
  'passwords-common': true,
  'diceware-common': true,
  'commonWords-en': 15000,
  'firstnames-en': true,
  'lastnames-en': 5000,
  'wikipedia-en': 5000,
};

/** Lists this short (the word sequences) cost next to nothing and are always kept. */
const SMALL_LIST = 100;

/** Every list of the two language packages, untrimmed. @returns {Record<string, string[]>} */
export function fullDictionaries() {
  return { ...common.dictionary, ...english.dictionary };
}

/**
 * The lists the estimator ships: those in the plan, cut to their top N, plus
 * the small word sequences (numbers, months, planets…) whole.
 * @returns {Record<string, string[]>}
 */
export function trimmedDictionaries() {
  /** @type {Record<string, string[]>} */
  const kept = {};
  for (const [name, words] of Object.entries(fullDictionaries())) {
    const plan = DICTIONARY_PLAN[name] ?? (words.length <= SMALL_LIST ? true : undefined);
    if (plan === true) kept[name] = words;
    else if (plan !== undefined) kept[name] = words.slice(0, plan);
  }
  return kept;
}

/** Keyboard layouts for spatial patterns (qwerty, azerty, keypads…). */
export const adjacencyGraphs = common.adjacencyGraphs;

/** The English feedback and time wording. */
export const translations = english.translations;
