/**
 * The two verdicts, as plain data: "Rackspace Email will accept it" (the
 * service's rules) and "Strong enough now" (what NIST SP 800-63B revision 4
 * asks of a verifier, for a mailbox that was just broken into), each a list
 * of criteria met or not, and one headline over both.
 */
import { MIN_LENGTH, type PolicyResult } from './policy';
import {
  BREACH_RULE,
  CONTEXT_ADVICE,
  POLICY_RULE,
  STRENGTH_RULE,
  STRONG_LENGTH_SINGLE_FACTOR,
  kindAdvice,
} from './messages';

export type ResultState = 'pending' | 'pass' | 'fail';

export interface Criterion {
  id: 'length' | 'kinds' | 'unguessable' | 'no-context' | 'not-breached';
  label: string;
  met: boolean;
  /** What to change, when not met. */
  fix?: string | undefined;
}

export interface VerdictResult {
  pass: boolean;
  criteria: Criterion[];
}

export function policyVerdict(policy: PolicyResult): VerdictResult {
  return {
    pass: policy.pass,
    criteria: [
      {
        id: 'length',
        label: POLICY_RULE.length,
        met: policy.lengthMet,
        fix: policy.lengthMet ? undefined : `Add ${MIN_LENGTH - policy.length} more.`,
      },
      {
        id: 'kinds',
        label: POLICY_RULE.kinds,
        met: policy.kindsMet,
        fix: kindAdvice(policy.kindCount, policy.missingKinds) || undefined,
      },
    ],
  };
}

export interface StrengthInput {
  /** The whole password's length in code points. */
  length: number;
  /** zxcvbn's score, 0 to 4. */
  score: number;
  /** Part of the password comes from the mailbox address or the name. */
  usesContext: boolean;
  /** Multi-factor sign-in is on: it changes the reason given, not the length required (see messages.ts). */
  mfa: boolean;
  /** zxcvbn's warning, in words, when it has one. */
  warning: string | null;
}

export function strengthVerdict(input: StrengthInput): VerdictResult {
  const needed = STRONG_LENGTH_SINGLE_FACTOR;
  const lengthMet = input.length >= needed;
  const criteria: Criterion[] = [
    {
      id: 'length',
      label: input.mfa ? STRENGTH_RULE.lengthWithMfa : STRENGTH_RULE.lengthSingleFactor,
      met: lengthMet,
      fix: lengthMet ? undefined : `Add ${needed - input.length} more; extra words are the easiest way.`,
    },
    {
      id: 'unguessable',
      label: STRENGTH_RULE.unguessable,
      met: input.score >= 4,
      fix:
        input.score >= 4 ? undefined : (input.warning ?? 'Attackers would guess it early. Add more unexpected words.'),
    },
    {
      id: 'no-context',
      label: STRENGTH_RULE.noContext,
      met: !input.usesContext,
      fix: input.usesContext ? CONTEXT_ADVICE : undefined,
    },
  ];
  return { pass: criteria.every((criterion) => criterion.met), criteria };
}

/** One sentence over both results. */
export function headline(policyPass: boolean, strengthPass: boolean): string {
  if (policyPass && strengthPass) return 'Good: Rackspace Email will accept it, and it is strong enough now.';
  if (policyPass)
    return 'Rackspace Email would accept it, but it is not strong enough for a mailbox that was just broken into.';
  if (strengthPass) return 'Strong, but Rackspace Email will refuse it until it meets the rule marked not met.';
  return 'Not yet: see what to change below.';
}

/** The criterion a breach hit adds to the strength verdict. */
export function breachCriterion(count: number): Criterion {
  return {
    id: 'not-breached',
    label: BREACH_RULE,
    met: false,
    fix: `It appears ${count.toLocaleString('en')} times; choose another.`,
  };
}
