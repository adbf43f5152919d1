/**
 * A Vite plugin that serves `virtual:password-dictionaries`: the estimator's
 * trimmed word lists (estimator-config.mjs), keyboard layouts and English
 * wording, built at build time so the bundle never carries the full lists.
 * Lists ship in the language packages' own prefix compression and are
 * unpacked in the worker.
 */
import compress from '@zxcvbn-ts/dictionary-compression/compress';
import { adjacencyGraphs, translations, trimmedDictionaries } from './estimator-config.mjs';

const MODULE_ID = 'virtual:password-dictionaries';
const RESOLVED_ID = `\0${MODULE_ID}`;

function moduleSource() {
  const lists = Object.entries(trimmedDictionaries()).map(([name, words]) => {
    const packed = compress(words);
    // compress() gives up (returns the words) on lists it cannot encode.
    const value = typeof packed === 'string' ? `decompress(${JSON.stringify(packed)})` : JSON.stringify(packed);
    return `${JSON.stringify(name)}: ${value}`;
  });
  return [
    "import decompress from '@zxcvbn-ts/dictionary-compression/decompress';",
    `export const dictionary = {${lists.join(',\n')}};`,
    `export const adjacencyGraphs = ${JSON.stringify(adjacencyGraphs)};`,
    `export const translations = ${JSON.stringify(translations)};`,
  ].join('\n');
}

/** @returns {import('vite').Plugin} */
export function passwordDictionaries() {
  return {
    name: 'kb-password-dictionaries',
    resolveId: (id) => (id === MODULE_ID ? RESOLVED_ID : undefined),
    load: (id) => (id === RESOLVED_ID ? moduleSource() : undefined),
  };
}
