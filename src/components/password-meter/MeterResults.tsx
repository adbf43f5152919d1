/**
 * The meter's two verdicts (the service's rules, and strong enough for a mailbox that was broken into), each with
 * its criteria, and the estimator's figures: views only, the component above works them out.
 */
import type { Assessment } from '../../lib/password/assess';
import { CAP_NOTE_TEXT, RESULT_TITLE, SCORE_WORDS, STATE_WORDS } from '../../lib/password/messages';
import type { Criterion, ResultState, VerdictResult } from '../../lib/password/verdict';

export function stateOf(password: string, verdict: VerdictResult | undefined): ResultState {
  if (!password || !verdict) return 'pending';
  return verdict.pass ? 'pass' : 'fail';
}

function CriteriaList({ criteria }: { criteria: Criterion[] }) {
  return (
    <ul class="password-meter__criteria">
      {criteria.map((criterion) => (
        <li key={criterion.id} data-met={String(criterion.met)}>
          <span class="password-meter__mark" aria-hidden="true">
            {criterion.met ? '\u2713' : '\u2715'}
          </span>
          <span>
            <strong>{criterion.met ? 'Met' : 'Not met'}:</strong> {criterion.label}.
            {criterion.fix && <span class="password-meter__fix"> {criterion.fix}</span>}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function Result({
  kind,
  state,
  verdict,
}: {
  kind: 'policy' | 'strength';
  state: ResultState;
  verdict: VerdictResult | undefined;
}) {
  return (
    <div class="password-meter__result" data-result={kind} data-state={state}>
      <p class="password-meter__result-title">
        {RESULT_TITLE[kind]}: <strong>{STATE_WORDS[state]}</strong>
      </p>
      {verdict && state !== 'pending' && <CriteriaList criteria={verdict.criteria} />}
    </div>
  );
}

/** The estimator's score, its guessing times and suggestions. */
export function Estimate({ id, assessment }: { id: string; assessment: Assessment }) {
  return (
    <div class="password-meter__estimate">
      <label for={`${id}-meter`}>Estimated strength: </label>
      <meter id={`${id}-meter`} min={0} max={4} low={2} high={3} optimum={4} value={assessment.score}>
        {assessment.score} of 4
      </meter>{' '}
      <strong>{SCORE_WORDS[assessment.score]}</strong>
      <p>
        Time to guess it at the sign-in page, where guesses are slowed down:{' '}
        <strong>{assessment.crackTimes.onlineThrottled.display}</strong>. With a stolen copy of the password database on
        fast hardware: <strong>{assessment.crackTimes.offlineFastHash.display}</strong>.
      </p>
      {assessment.suggestions.length > 0 && (
        <ul class="password-meter__suggestions">
          {assessment.suggestions.map((suggestion) => (
            <li key={suggestion}>{suggestion}</li>
          ))}
        </ul>
      )}
      {assessment.cut && <p class="password-meter__note">{CAP_NOTE_TEXT}</p>}
    </div>
  );
}
