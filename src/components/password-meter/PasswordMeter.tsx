/**
 * The password strength meter: a thin view over src/lib/password.
 *
 * Server render and first browser render are the static fallback (the
 * service's rules and the advice, no controls), so hydration matches; the form
 * replaces it once its stylesheet has loaded. The service's rules are checked here at once, on every keystroke;
 * the estimator loads on the first focus of the password field and runs in a
 * Web Worker (estimator-client.ts). The password stays in this component's
 * memory only: no storage, no URL, no logging, and the fields are emptied on
 * pagehide. The breach check runs only on its button.
 *
 * Its stylesheet is fetched when it mounts (not with the page), so the meter
 * costs the article's first load nothing but its fallback text. Results are
 * spoken through the page's one announcer (src/lib/kit/announce.ts).
 *
 * Open, it fits one phone screen (issue 21): the optional mailbox details and
 * the breach check, with what it sends, are folded until asked for.
 */
import { Component, createRef } from 'preact';
import stylesheetUrl from './password-meter.css?url';
import { announce } from '../../lib/kit/announce';
import { loadStylesheet } from '../../lib/kit/stylesheet';
import { EstimatorClient } from './estimator-client';
import { markHydrated } from '../kit/hydrated';
import type { Assessment } from '../../lib/password/assess';
import type { BreachResult } from '../../lib/password/breach';
import { EMPTY_CONTEXT, type PasswordContext } from '../../lib/password/context';
import { checkPolicy } from '../../lib/password/policy';
import { checkBreach } from '../../lib/password/breach';
import {
  BREACH_DISCLOSURE_TEXT,
  CAP_NOTE_TEXT,
  FALLBACK_TEXT,
  OTHER_CHARACTERS_NOTE,
  RESULT_TITLE,
  SCORE_WORDS,
  STATE_WORDS,
} from '../../lib/password/messages';
import {
  breachCriterion,
  headline,
  policyVerdict,
  type Criterion,
  type ResultState,
  type VerdictResult,
} from '../../lib/password/verdict';

interface State {
  mounted: boolean;
  password: string;
  confirm: string;
  visible: boolean;
  context: PasswordContext;
  /** The assessment of the current password, or undefined while it is being worked out. */
  assessment: Assessment | undefined;
  estimatorError: string;
  breach: BreachResult | 'checking' | undefined;
}

/** Quiet time after the last keystroke before the result is announced. */
const ANNOUNCE_AFTER_MS = 900;

let instances = 0;

function stateOf(password: string, verdict: VerdictResult | undefined): ResultState {
  if (!password || !verdict) return 'pending';
  return verdict.pass ? 'pass' : 'fail';
}

/** What the breach check found, shown under its button and spoken once. */
function breachMessage(result: BreachResult): string {
  if (result.status === 'found')
    return `Found in known breaches ${result.count.toLocaleString('en')} times. Attackers try these first: do not use it anywhere.`;
  if (result.status === 'not-found') return 'Not found in known breaches. That alone does not make it strong.';
  return result.message;
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

function Result({
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

interface Props {
  /** No fallback sentence: the text around the block gives the rules and the advice. */
  bare?: boolean;
}

export default class PasswordMeter extends Component<Props, State> {
  override state: State = {
    mounted: false,
    password: '',
    confirm: '',
    visible: false,
    context: EMPTY_CONTEXT,
    assessment: undefined,
    estimatorError: '',
    breach: undefined,
  };

  private readonly id = `password-meter-${(instances += 1)}`;
  private readonly passwordField = createRef<HTMLInputElement>();
  private readonly confirmField = createRef<HTMLInputElement>();
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  private lastAnnounced = '';
  /** Rises with every change of the password, so a breach answer for an older one is dropped. */
  private passwordVersion = 0;
  private readonly estimator = new EstimatorClient((seq, outcome) => {
    if (seq !== this.currentSeq) return;
    if ('error' in outcome) this.setState({ estimatorError: outcome.error });
    else this.setState({ assessment: outcome.assessment, estimatorError: '' }, () => this.scheduleAnnouncement());
  });
  private currentSeq = 0;

  override componentDidMount() {
    // Show the form once it is styled, so it never flashes unstyled.
    void loadStylesheet(stylesheetUrl).then(() => this.setState({ mounted: true }));
    addEventListener('pagehide', this.clear);
  }

  override componentDidUpdate() {
    if (this.state.mounted) markHydrated(this);
  }

  override componentWillUnmount() {
    removeEventListener('pagehide', this.clear);
  }

  /** Empties both password fields and forgets every result: nothing survives the page. */
  private readonly clear = () => {
    for (const field of [this.passwordField.current, this.confirmField.current]) if (field) field.value = '';
    this.estimator.clear();
    this.currentSeq = 0;
    this.passwordVersion += 1;
    clearTimeout(this.announceTimer);
    this.setState({ password: '', confirm: '', assessment: undefined, breach: undefined });
  };

  private estimate(password: string, context: PasswordContext) {
    if (!password) {
      this.estimator.clear();
      this.currentSeq = 0;
      return;
    }
    this.currentSeq = this.estimator.request(password, context);
  }

  private setPassword(password: string) {
    this.passwordVersion += 1;
    this.setState({ password, assessment: undefined, breach: undefined }, () => this.scheduleAnnouncement());
    this.estimate(password, this.state.context);
  }

  private setContext(change: Partial<PasswordContext>) {
    const context = { ...this.state.context, ...change };
    this.setState({ context, assessment: undefined });
    this.estimate(this.state.password, context);
  }

  /** Announces the headline once typing pauses, and only when it changed. */
  private scheduleAnnouncement() {
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      const text = this.summary();
      if (text && text !== this.lastAnnounced) {
        this.lastAnnounced = text;
        announce(text);
      }
    }, ANNOUNCE_AFTER_MS);
  }

  private summary(): string {
    const { password, assessment } = this.state;
    if (!password || !assessment) return '';
    return headline(assessment.policyVerdict.pass, this.strength()?.pass ?? false);
  }

  /** The strength verdict, failed by a breach hit on this very password. */
  private strength(): VerdictResult | undefined {
    const { assessment, breach } = this.state;
    if (!assessment) return undefined;
    if (typeof breach !== 'object' || breach.status !== 'found') return assessment.strengthVerdict;
    return { pass: false, criteria: [...assessment.strengthVerdict.criteria, breachCriterion(breach.count)] };
  }

  private async checkBreach() {
    const { password } = this.state;
    if (!password) {
      this.setState({ breach: { status: 'error', message: 'Type a password first.' } });
      return;
    }
    const version = this.passwordVersion;
    this.setState({ breach: 'checking' });
    const result = await checkBreach(password, import.meta.env.PUBLIC_BREACH_CHECK_URL);
    if (version !== this.passwordVersion) return;
    this.setState({ breach: result }, () => this.scheduleAnnouncement());
    announce(breachMessage(result));
  }

  override render() {
    const { mounted, password, confirm, visible, context, assessment, estimatorError, breach } = this.state;
    // Until then, the fallback (or, bare, an empty element: client:visible watches the island's children).
    if (!mounted)
      return this.props.bare ? <div class="password-meter" /> : <p class="password-meter">{FALLBACK_TEXT}</p>;
    const id = this.id;
    const rules = password ? checkPolicy(password) : undefined;
    const policy = rules && policyVerdict(rules);
    const strength = this.strength();
    const policyState = stateOf(password, policy);
    const strengthState = stateOf(password, strength);
    const matches = confirm.length > 0 && confirm === password;
    const fieldType = visible ? 'text' : 'password';
    // A browser keeps the values of text fields in its session-restore files, on disk, unless autocomplete is
    // off (it never keeps a password field's): off while the passwords show, and always for the mailbox details.
    const newPasswordAutocomplete = visible ? 'off' : 'new-password';

    return (
      <div class="password-meter password-meter__app">
        <p class="password-meter__intro" id={`${id}-privacy`}>
          Checked on this device: nothing you type is sent or stored.
        </p>
        <div class="password-meter__field">
          <label for={`${id}-new`}>New password</label>
          <input
            ref={this.passwordField}
            id={`${id}-new`}
            type={fieldType}
            autocomplete={newPasswordAutocomplete}
            spellcheck={false}
            autocapitalize="off"
            aria-describedby={`${id}-privacy`}
            value={password}
            onFocus={() => this.estimator.start()}
            onInput={(event) => this.setPassword(event.currentTarget.value)}
          />
        </div>
        <div class="password-meter__field">
          <label for={`${id}-confirm`}>New password again</label>
          <input
            ref={this.confirmField}
            id={`${id}-confirm`}
            type={fieldType}
            autocomplete="off"
            spellcheck={false}
            autocapitalize="off"
            aria-describedby={`${id}-match`}
            value={confirm}
            onInput={(event) => this.setState({ confirm: event.currentTarget.value })}
          />
          <p class="password-meter__match" id={`${id}-match`} data-match={confirm ? String(matches) : 'empty'}>
            {!confirm
              ? 'Type it again to check for typing mistakes.'
              : matches
                ? '\u2713 The two entries match.'
                : '\u2715 The two entries do not match yet.'}
          </p>
        </div>
        <button
          type="button"
          class="password-meter__toggle"
          aria-pressed={visible}
          onClick={() => this.setState({ visible: !visible })}
        >
          Show passwords
        </button>

        <details class="password-meter__more">
          <summary>About this mailbox (optional, never sent)</summary>
          <fieldset class="password-meter__context">
            <legend class="visually-hidden">About this mailbox</legend>
            <div class="password-meter__field">
              <label for={`${id}-email`}>Mailbox address</label>
              <input
                id={`${id}-email`}
                type="email"
                data-context="email"
                autocomplete="off"
                spellcheck={false}
                value={context.email}
                onInput={(event) => this.setContext({ email: event.currentTarget.value })}
              />
            </div>
            <div class="password-meter__field">
              <label for={`${id}-name`}>Your name</label>
              <input
                id={`${id}-name`}
                type="text"
                data-context="name"
                autocomplete="off"
                value={context.name}
                onInput={(event) => this.setContext({ name: event.currentTarget.value })}
              />
            </div>
            <div class="password-meter__check">
              <input
                id={`${id}-mfa`}
                type="checkbox"
                data-context="mfa"
                checked={context.mfa}
                onChange={(event) => this.setContext({ mfa: event.currentTarget.checked })}
              />
              <label for={`${id}-mfa`}>This mailbox uses multi-factor sign-in</label>
            </div>
          </fieldset>
        </details>

        <div class="password-meter__results">
          <Result kind="policy" state={policyState} verdict={policy} />
          <Result kind="strength" state={strengthState} verdict={strength} />
        </div>
        {rules && !rules.pass && rules.hasOtherCharacters && (
          <p class="password-meter__note">{OTHER_CHARACTERS_NOTE}</p>
        )}
        {estimatorError && (
          <p class="password-meter__note">{estimatorError} The service&rsquo;s rules above are still checked.</p>
        )}

        {password && assessment && (
          <div class="password-meter__estimate">
            <label for={`${id}-meter`}>Estimated strength: </label>
            <meter id={`${id}-meter`} min={0} max={4} low={2} high={3} optimum={4} value={assessment.score}>
              {assessment.score} of 4
            </meter>{' '}
            <strong>{SCORE_WORDS[assessment.score]}</strong>
            <p>
              Time to guess it at the sign-in page, where guesses are slowed down:{' '}
              <strong>{assessment.crackTimes.onlineThrottled.display}</strong>. With a stolen copy of the password
              database on fast hardware: <strong>{assessment.crackTimes.offlineFastHash.display}</strong>.
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
        )}

        <details class="password-meter__more password-meter__breach">
          <summary>Check known breaches (optional)</summary>
          <p id={`${id}-breach-note`}>{BREACH_DISCLOSURE_TEXT}</p>
          <button
            type="button"
            aria-describedby={`${id}-breach-note`}
            disabled={breach === 'checking'}
            onClick={() => void this.checkBreach()}
          >
            Check whether this password appears in known breaches
          </button>
          <p
            class="password-meter__breach-result"
            data-breach={typeof breach === 'object' ? breach.status : (breach ?? 'none')}
          >
            {breach === 'checking' && 'Checking\u2026'}
            {typeof breach === 'object' && breachMessage(breach)}
          </p>
        </details>
      </div>
    );
  }
}
