/**
 * What the reader tells the meter about themselves: the mailbox address, their
 * name and whether multi-factor sign-in is on. The address and name become
 * the words a password must not be built from.
 */
export interface PasswordContext {
  email: string;
  name: string;
  mfa: boolean;
}

export const EMPTY_CONTEXT: PasswordContext = { email: '', name: '', mfa: false };

/** Shorter pieces ("co", "uk", a middle initial) would flag half of all passwords. */
const MIN_WORD_LENGTH = 3;

function pieces(text: string): string[] {
  const lower = text.toLowerCase();
  // Whole runs of letters and digits ("jane.doe" → "jane", "doe"; "jane1985" → "jane", "1985") and the text itself.
  const parts = lower.split(/[^\p{L}\p{N}]+/u).flatMap((part) => [part, ...(part.match(/\p{L}+|\p{N}+/gu) ?? [])]);
  return [lower.replace(/[^\p{L}\p{N}]+/gu, ''), ...parts];
}

/** The local part, each domain label but the last ("com", "org": everyone's) and each name word, lower case, without repeats. */
export function contextWords(context: Pick<PasswordContext, 'email' | 'name'>): string[] {
  const email = context.email.trim();
  const at = email.lastIndexOf('@');
  const local = at === -1 ? email : email.slice(0, at);
  const domain = at === -1 ? '' : email.slice(at + 1);
  const words = [
    ...pieces(local),
    ...domain.split('.').slice(0, -1).flatMap(pieces),
    ...context.name.trim().split(/\s+/).flatMap(pieces),
    ...pieces(context.name),
  ];
  return [...new Set(words.filter((word) => Array.from(word).length >= MIN_WORD_LENGTH))];
}
