/**
 * Every rule and message of the password meter, in one place: the island,
 * its server-rendered fallback and the verdicts all read from here.
 */
import { ANALYSED_LENGTH_CAP } from './limits.mjs';
import { MIN_KINDS, MIN_LENGTH, type Kind } from './policy';

/** The two results shown side by side. */
export const RESULT_TITLE = {
  policy: 'Rackspace Email will accept it',
  strength: 'Strong enough now',
} as const;

/**
 * The length NIST SP 800-63B revision 4 asks for when a password is used
 * alone. Its 8-character minimum with a second factor does not apply to
 * Rackspace Email: multi-factor sign-in guards webmail only, and mail apps
 * still sign in with the password alone.
 */
export const STRONG_LENGTH_SINGLE_FACTOR = 15;

/** How one character of each kind reads in advice ("add …"). */
const KIND_ONE: Record<Kind, string> = {
  upper: 'an uppercase letter (A to Z)',
  lower: 'a lowercase letter (a to z)',
  digit: 'a digit (0 to 9)',
  symbol: 'a symbol, such as ! or #',
};

export const POLICY_RULE = {
  length: `At least ${MIN_LENGTH} characters`,
  kinds: `Characters of at least ${MIN_KINDS} of the 4 kinds`,
} as const;

export const STRENGTH_RULE = {
  lengthSingleFactor: `At least ${STRONG_LENGTH_SINGLE_FACTOR} characters, because the password alone opens the mailbox`,
  lengthWithMfa: `At least ${STRONG_LENGTH_SINGLE_FACTOR} characters even with multi-factor sign-in, because it guards webmail only and mail apps (IMAP, POP, SMTP) still sign in with the password alone`,
  unguessable: 'Hard to guess: nothing common, no keyboard walks, repeats, dates or names',
  noContext: 'Nothing taken from the mailbox address or your name',
} as const;

/** Lists words as people write them: "a", "a or b", "a, b or c". */
function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/** "Add a digit (0 to 9) or a symbol" — exactly which kinds would satisfy the rule. */
export function kindAdvice(kindCount: number, missing: readonly Kind[]): string {
  const needed = Math.max(0, MIN_KINDS - kindCount);
  if (needed === 0) return '';
  const options = orList(missing.map((kind) => KIND_ONE[kind]));
  return needed === 1 ? `Add ${options}.` : `Add characters of ${needed} more kinds: ${options}.`;
}

export const OTHER_CHARACTERS_NOTE =
  'Letters outside A to Z (such as é) and emoji count toward the length but toward none of the four kinds.';

export const CAP_NOTE_TEXT = `Only the first ${ANALYSED_LENGTH_CAP} characters are analysed; the rest count toward the length only.`;

/** Exactly what the breach check sends, said before the click. */
export const BREACH_DISCLOSURE_TEXT =
  'The breach check is optional and runs only when you click. It sends the first 5 of the 40 characters of a one-way fingerprint (SHA-1) of the password to the Have I Been Pwned service; the password itself never leaves this device, and the service cannot tell which password was checked.';

export const BREACH_RULE = 'Not found in known breaches';

export const CONTEXT_ADVICE = 'Leave out your name and every part of the mailbox address.';

/** zxcvbn's score, 0 to 4, in words. */
export const SCORE_WORDS = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'] as const;

export const STATE_WORDS = { pending: 'waiting for a password', pass: 'Yes', fail: 'No' } as const;

/**
 * The static block shown without JavaScript (and until the meter loads).
 * Terse on purpose: it sits in step 1 of the main article, whose first load
 * has a few bytes to spare.
 */
export const FALLBACK_TEXT = `Rackspace Email needs ${MIN_LENGTH}+ characters from ${MIN_KINDS} of 4 kinds: A\u2013Z, a\u2013z, 0\u20139, symbols. A strong one is longer still (${STRONG_LENGTH_SINGLE_FACTOR}+), made of unrelated words, with nothing about you in it.`;
