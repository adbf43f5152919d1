/**
 * "Has my mailbox been compromised?": a thin view over src/lib/symptom-checker.
 *
 * It renders an empty element on the server (and in its first render in the
 * browser, so hydration matches): SymptomCheckerBlock.astro shows the plain
 * fallback, with no controls, until the form appears; the stylesheet then
 * hides the fallback. The answers live only in this component: they are read
 * from a shared link as the page opens, written into a link only when the
 * reader asks for one (so they stay out of the browser's history), and sent
 * nowhere.
 *
 * A class component, not hooks: preact/hooks would be one more chunk and
 * request on the page's first load (the page has a tight byte budget), and
 * the copy status has its own live region for the same reason.
 */
import { Component } from 'preact';
import { RISK_FACTORS, STEPS_SECTION_ID, SYMPTOMS } from '../../lib/compromise/items';
import { hasAnswers, toggle, type CheckerState, type Role } from '../../lib/symptom-checker/state';
import { decodeCheckerQuery, encodeCheckerQuery, stripCheckerQuery } from '../../lib/symptom-checker/url-state';
import { NO_VERDICT, type Severity, type Verdict } from '../../lib/symptom-checker/prompt';

const ICON: Record<Severity, string> = { none: '?', 'at-risk': '!', compromised: '\u2715' };

const ROLES: { value: Role; label: string; hint: string }[] = [
  { value: 'user', label: 'I\u2019m a user', hint: 'You read and send mail from this mailbox.' },
  {
    value: 'admin',
    label: 'I\u2019m an administrator',
    hint: 'You manage mailboxes in the Cloud Office Control Panel.',
  },
];

interface OptionProps {
  id: string;
  type: 'checkbox' | 'radio';
  label: string;
  hint?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  name?: string;
}

function Option({ id, type, label, hint, checked, onChange, name }: OptionProps) {
  const inputId = `checker-${id}`;
  return (
    <div class="symptom-checker__option">
      <input
        type={type}
        id={inputId}
        name={name}
        checked={checked}
        aria-describedby={hint ? `${inputId}-hint` : undefined}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      <label for={inputId}>{label}</label>
      {hint && (
        <span class="symptom-checker__hint" id={`${inputId}-hint`}>
          {hint}
        </span>
      )}
    </div>
  );
}

/**
 * The rules and their wording are most of the checker's bytes, and nobody
 * needs them before the first answer: they load then (or at once for a
 * shared link with answers), and stay for every later answer.
 */
let getVerdict: ((answers: CheckerState) => Verdict) | undefined;

interface State {
  /** null until mounted: the server and hydration render no form. */
  answers: CheckerState | null;
  copyStatus: string;
  /** The rules could not be loaded (say, the connection dropped). */
  rulesMissing?: boolean;
}

export default class SymptomChecker extends Component<object, State> {
  override state: State = { answers: null, copyStatus: '' };

  override componentDidMount() {
    this.show(decodeCheckerQuery(location.search));
  }

  show(answers: CheckerState) {
    this.setState({ answers, copyStatus: '' });
    if (getVerdict === undefined && hasAnswers(answers)) {
      import('../../lib/symptom-checker/verdict').then(
        (rules) => {
          getVerdict = rules.getVerdict;
          this.setState({ rulesMissing: false });
        },
        () => this.setState({ rulesMissing: true }),
      );
    }
  }

  update(next: CheckerState) {
    this.show(next);
    // Answers from a shared link no longer match once changed: drop them from the address.
    this.setAddress(stripCheckerQuery(location.search), location.hash);
  }

  setAddress(search: string, hash: string) {
    if (search !== location.search || hash !== location.hash)
      history.replaceState(history.state, '', location.pathname + search + hash);
  }

  async copyLink(answers: CheckerState) {
    // Lands on the checker itself, which sits below the fold on most screens.
    const url = new URL(location.href);
    url.search = encodeCheckerQuery(answers, location.search);
    url.hash = 'symptom-checker';
    let message = 'Link copied';
    try {
      await navigator.clipboard.writeText(url.href);
    } catch {
      // The reader asked for the link, so the address bar may hold it.
      this.setAddress(url.search, url.hash);
      message = 'Could not copy. The link is now in the address bar: copy it from there.';
    }
    // Emptied first, so that a second "Link copied" is announced again.
    this.setState({ copyStatus: '' });
    setTimeout(() => this.setState({ copyStatus: message }), 50);
  }

  /**
   * Hands the answers to the checklist tracker in the steps section, per the
   * contract in url-state.ts (see src/lib/checklist/handoff.ts for its side).
   */
  startChecklist(answers: CheckerState) {
    const search = encodeCheckerQuery({ ...answers, risks: [] }, location.search);
    // The address without a fragment first, so that the jump is always a change the tracker hears.
    history.replaceState(history.state, '', location.pathname + search);
    location.replace(`#${STEPS_SECTION_ID}`);
  }

  override render() {
    const { answers: state, copyStatus } = this.state;
    // An empty element rather than nothing: client:visible watches the
    // island's children, and an island without any would never load.
    if (state === null) return <div class="symptom-checker__mount" />;
    const update = (next: CheckerState) => this.update(next);
    const verdict = getVerdict?.(state) ?? NO_VERDICT;

    return (
      <div class="symptom-checker__app">
        <p class="symptom-checker__intro">
          Tick what applies. Your answers stay on this page: they are sent nowhere and forgotten when you leave, unless
          you copy a link to them.
        </p>
        <fieldset class="symptom-checker__group">
          <legend>What have you noticed?</legend>
          {SYMPTOMS.map((symptom) => (
            <Option
              key={symptom.id}
              id={symptom.id}
              type="checkbox"
              label={symptom.label}
              hint={symptom.hint}
              checked={state.symptoms.includes(symptom.id)}
              onChange={(on) => update(toggle(state, symptom.id, on))}
            />
          ))}
        </fieldset>
        <fieldset class="symptom-checker__group symptom-checker__group--risks">
          <legend>Does any of these apply to you?</legend>
          {RISK_FACTORS.map((risk) => (
            <Option
              key={risk.id}
              id={risk.id}
              type="checkbox"
              label={risk.label}
              checked={state.risks.includes(risk.id)}
              onChange={(on) => update(toggle(state, risk.id, on))}
            />
          ))}
        </fieldset>
        <fieldset class="symptom-checker__group">
          <legend>Who are you?</legend>
          {ROLES.map((role) => (
            <Option
              key={role.value}
              id={`role-${role.value}`}
              type="radio"
              name="checker-role"
              label={role.label}
              hint={role.hint}
              checked={state.role === role.value}
              onChange={(on) => on && update({ ...state, role: role.value })}
            />
          ))}
        </fieldset>

        {/* Sticks to the bottom of the screen while the reader is at the boxes, the verdict out of sight below. */}
        <p class="symptom-checker__brief" role="status">
          {verdict.brief ? (
            <>
              <strong>{verdict.brief}</strong>, <a href="#symptom-checker-verdict">see them below</a>
            </>
          ) : (
            this.state.rulesMissing &&
            hasAnswers(state) && (
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

        {hasAnswers(state) && (
          <p class="symptom-checker__share">
            {state.symptoms.length > 0 && (
              <button type="button" class="button--primary" onClick={() => this.startChecklist(state)}>
                Start the checklist with these answers
              </button>
            )}
            <button type="button" onClick={() => void this.copyLink(state)}>
              Copy link to these answers
            </button>
            <span class="symptom-checker__copy-status" role="status">
              {copyStatus}
            </span>
          </p>
        )}
      </div>
    );
  }
}
