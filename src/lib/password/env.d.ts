/** Built by dictionaries-plugin.mjs from the plan in estimator-config.mjs. */
declare module 'virtual:password-dictionaries' {
  import type { OptionsDictionary, OptionsGraph, TranslationKeys } from '@zxcvbn-ts/core';
  export const dictionary: OptionsDictionary;
  export const adjacencyGraphs: OptionsGraph;
  export const translations: TranslationKeys;
}

interface ImportMetaEnv {
  /** The breach check's range endpoint; set by astro.config.mjs from breach-endpoint.mjs. */
  readonly PUBLIC_BREACH_CHECK_URL: string;
}
