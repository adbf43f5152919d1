/**
 * What the checker shows after the article's lists: who the reader is, the
 * verdict with its actions in order, and the ways to take the answers on
 * (to the checklist below, or as a link for a ticket).
 */
import { STEPS_SECTION_ID } from '../../lib/compromise/items';
import { hasAnswers, type CheckerState } from '../../lib/symptom-checker/state';
import { encodeCheckerQuery } from '../../lib/symptom-checker/url-state';
import type { Severity, Verdict } from '../../lib/symptom-checker/prompt';
import type { Role } from '../../lib/kit/role';
import { CopyButton } from '../kit/CopyButton';

const ICON: Record<Severity, string> = { none: '?', 'at-risk': '!', compromised: '\u2715' };

const ROLES: { value: Role; label: string }[] = [
  { value: 'user', label: 'I\u2019m a user' },
  { value: 'admin', label: 'I\u2019m an administrator' },
];

interface Props {
  answers: CheckerState;
  verdict: Verdict;
  rulesMissing: boolean;
  onChange: (next: CheckerState) => void;
}

/** The answers as a link that lands on the checker. */
function shareUrl(answers: CheckerState): URL {
  const url = new URL(location.href);
  url.search = encodeCheckerQuery(answers, location.search);
  url.hash = 'symptom-checker';
  return url;
}

/**
 * Hands the answers to the checklist tracker in the steps section, per the
 * contract in url-state.ts (see src/lib/checklist/handoff.ts for its side).
 */
function startChecklist(answers: CheckerState) {
  const search = encodeCheckerQuery({ ...answers, risks: [] }, location.search);
  // The address without a fragment first, so that the jump is always a change the tracker hears.
  history.replaceState(history.state, '', location.pathname + search);
  location.replace(`#${STEPS_SECTION_ID}`);
}

export function CheckerVerdict({ answers, verdict, rulesMissing, onChange }: Props) {
  return (
    // A fragment: the brief must be a child of the block itself to stick along the lists.
    <>
      <div class="symptom-checker__result">
        <h2 id="symptom-checker-heading">Has my mailbox been compromised?</h2>
        <fieldset class="symptom-checker__roles">
          <legend>Who are you?</legend>
          {ROLES.map((role) => (
            <span class="symptom-checker__option" key={role.value}>
              <input
                type="radio"
                id={`checker-role-${role.value}`}
                name="checker-role"
                checked={answers.role === role.value}
                onChange={(event) => event.currentTarget.checked && onChange({ ...answers, role: role.value })}
              />
              <label for={`checker-role-${role.value}`}>{role.label}</label>
            </span>
          ))}
        </fieldset>
      </div>

      {/* Sticks to the bottom of the screen while the reader is at the boxes above, the verdict out of sight. */}
      <p class="symptom-checker__brief" role="status">
        {verdict.brief ? (
          <>
            <strong>{verdict.brief}</strong>, <a href="#symptom-checker-verdict">see them below</a>
          </>
        ) : (
          rulesMissing &&
          hasAnswers(answers) && (
            <>
              The verdict could not load. <a href="#secure-your-mailbox">Follow the six steps</a> instead.
            </>
          )
        )}
      </p>

      <div
        id="symptom-checker-verdict"
        class={`symptom-checker__verdict symptom-checker__verdict--${verdict.severity}`}
      >
        <p class="symptom-checker__headline">
          <span class="symptom-checker__icon" aria-hidden="true">
            {ICON[verdict.severity]}
          </span>
          <span>
            {verdict.label && <strong class="symptom-checker__label">{verdict.label}: </strong>}
            {verdict.headline}
          </span>
        </p>
        <p class="symptom-checker__summary">{verdict.summary}</p>
        {verdict.actions.length > 0 && (
          <ol class="symptom-checker__actions">
            {verdict.actions.map((action) => (
              <li key={action.key} data-action={action.key}>
                {/* noreferrer: answers from a shared link, still in this page's address, stay out of the next request. */}
                <a href={action.href} rel={action.href.startsWith('#') ? undefined : 'noreferrer'}>
                  {action.text}
                </a>
                . <span>{action.detail}</span>
                {action.warning && (
                  <span class="symptom-checker__warning">
                    <strong>Warning:</strong> {action.warning}
                  </span>
                )}
              </li>
            ))}
          </ol>
        )}
      </div>

      {hasAnswers(answers) && (
        <p class="symptom-checker__share">
          {answers.symptoms.length > 0 && (
            <button type="button" class="button--primary" onClick={() => startChecklist(answers)}>
              Start the checklist with these answers
            </button>
          )}
          <CopyButton
            label="Copy link to these answers"
            text={() => shareUrl(answers).href}
            copied="Link copied"
            onFailure={() => {
              // The reader asked for the link, so the address bar may hold it.
              const url = shareUrl(answers);
              history.replaceState(history.state, '', url.pathname + url.search + url.hash);
              return 'Could not copy. The link is now in the address bar: copy it from there.';
            }}
          />
        </p>
      )}
    </>
  );
}
