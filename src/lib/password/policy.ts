/**
 * The service's own password rules (Rackspace Email): at least 8 characters,
 * and characters from at least 3 of 4 kinds. Pure and tiny, so the meter runs
 * it on the main thread on every keystroke, before the estimator has loaded.
 *
 * The kinds are read as the service states them: A–Z, a–z, 0–9 and the ASCII
 * symbols. A letter outside A–Z (é, ß, Ж) or an emoji adds to the length but
 * counts as none of the four kinds, so the meter never promises a pass the
 * service might refuse. Length is counted in Unicode code points, so an emoji
 * is one character, as a person counts it.
 */
export const MIN_LENGTH = 8;
export const MIN_KINDS = 3;

export type Kind = 'upper' | 'lower' | 'digit' | 'symbol';
export const KINDS: readonly Kind[] = ['upper', 'lower', 'digit', 'symbol'];

const KIND_PATTERN: Record<Kind, RegExp> = {
  upper: /[A-Z]/,
  lower: /[a-z]/,
  digit: /[0-9]/,
  // Printable ASCII that is neither a letter nor a digit, space included.
  symbol: /[ -/:-@[-`{-~]/,
};

export interface PolicyResult {
  /** Code points, not UTF-16 units. */
  length: number;
  lengthMet: boolean;
  kinds: Record<Kind, boolean>;
  kindCount: number;
  kindsMet: boolean;
  /** The kinds not used yet, in the order the rules list them. */
  missingKinds: Kind[];
  /** Some characters count toward no kind (letters outside A–Z, emoji). */
  hasOtherCharacters: boolean;
  pass: boolean;
}

export function checkPolicy(password: string): PolicyResult {
  const characters = Array.from(password);
  const kinds = { upper: false, lower: false, digit: false, symbol: false };
  let hasOtherCharacters = false;
  for (const character of characters) {
    const kind = KINDS.find((candidate) => KIND_PATTERN[candidate].test(character));
    if (kind) kinds[kind] = true;
    else hasOtherCharacters = true;
  }
  const kindCount = KINDS.filter((kind) => kinds[kind]).length;
  const lengthMet = characters.length >= MIN_LENGTH;
  const kindsMet = kindCount >= MIN_KINDS;
  return {
    length: characters.length,
    lengthMet,
    kinds,
    kindCount,
    kindsMet,
    missingKinds: KINDS.filter((kind) => !kinds[kind]),
    hasOtherCharacters,
    pass: lengthMet && kindsMet,
  };
}
