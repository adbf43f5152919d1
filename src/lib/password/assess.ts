/**
 * assessPassword(password, context): the estimator (zxcvbn-ts, with the
 * trimmed dictionaries of estimator-config.mjs) plus the service's rules and
 * the "strong enough now" verdict, as plain data. It runs in the meter's Web
 * Worker; nothing here touches the network or storage.
 */
import { ZxcvbnFactory, type MatchExtended } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary, translations } from 'virtual:password-dictionaries';
import { ANALYSED_LENGTH_CAP, L33T_MAX_SUBSTITUTIONS } from './limits.mjs';
import { contextWords, type PasswordContext } from './context';
import { checkPolicy, type PolicyResult } from './policy';
import { headline, policyVerdict, strengthVerdict, type VerdictResult } from './verdict';

interface CrackTime {
  seconds: number;
  /** "3 hours", "centuries". */
  display: string;
}

export interface Assessment {
  policy: PolicyResult;
  policyVerdict: VerdictResult;
  strengthVerdict: VerdictResult;
  headline: string;
  /** zxcvbn's score, 0 (too guessable) to 4 (very unguessable). */
  score: number;
  guessesLog10: number;
  /** An attacker trying 100 guesses an hour at the sign-in page, and one with the stolen hash on fast hardware (10^10 a second). */
  crackTimes: { onlineThrottled: CrackTime; offlineFastHash: CrackTime };
  warning: string | null;
  suggestions: string[];
  /** Characters the estimator looked at; the rest only count toward length. */
  analysedLength: number;
  cut: boolean;
}

let estimator: ZxcvbnFactory | undefined;

/** Built on first use: ranking the word lists takes a moment, and only the worker needs it. */
function getEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary,
    graphs: adjacencyGraphs,
    translations,
    l33tMaxSubstitutions: L33T_MAX_SUBSTITUTIONS,
    maxLength: ANALYSED_LENGTH_CAP,
  });
  return estimator;
}

function isContextMatch(match: MatchExtended): boolean {
  return 'dictionaryName' in match && match.dictionaryName === 'userInputs';
}

export function assessPassword(password: string, context: PasswordContext): Assessment {
  const characters = Array.from(password);
  const analysed = characters.slice(0, ANALYSED_LENGTH_CAP).join('');
  const words = contextWords(context);
  const result = getEstimator().check(analysed, words);
  const lower = password.toLowerCase();
  // zxcvbn finds context words, reversed or with look-alike digits, when they are the cheapest reading;
  // the plain substring test catches those it explained another way (say, as a common first name).
  const usesContext = result.sequence.some(isContextMatch) || words.some((word) => lower.includes(word));
  const policy = checkPolicy(password);
  const policyResult = policyVerdict(policy);
  const strength = strengthVerdict({
    length: characters.length,
    score: result.score,
    usesContext,
    mfa: context.mfa,
    warning: result.feedback.warning,
  });
  const time = (crack: { seconds: number; display: string }): CrackTime => ({
    seconds: crack.seconds,
    display: crack.display,
  });
  return {
    policy,
    policyVerdict: policyResult,
    strengthVerdict: strength,
    headline: headline(policyResult.pass, strength.pass),
    score: result.score,
    guessesLog10: result.guessesLog10,
    crackTimes: {
      onlineThrottled: time(result.crackTimes.onlineThrottlingXPerHour),
      offlineFastHash: time(result.crackTimes.offlineFastHashingXPerSecond),
    },
    warning: result.feedback.warning,
    suggestions: result.feedback.suggestions,
    analysedLength: Array.from(analysed).length,
    cut: characters.length > ANALYSED_LENGTH_CAP,
  };
}
