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
import { BreachCheck, breachMessage } from './BreachCheck';
import { ContextFields } from './ContextFields';
import { Estimate, Result, stateOf } from './MeterResults';
import { PasswordFields } from './PasswordFields';
import type { Assessment } from '../../lib/password/assess';
import type { BreachResult } from '../../lib/password/breach';
import { EMPTY_CONTEXT, type PasswordContext } from '../../lib/password/context';
import { checkPolicy } from '../../lib/password/policy';
import { checkBreach } from '../../lib/password/breach';
import { FALLBACK_TEXT, OTHER_CHARACTERS_NOTE } from '../../lib/password/messages';
import { breachCriterion, headline, policyVerdict, type VerdictResult } from '../../lib/password/verdict';

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

    return (
      <div class="password-meter password-meter__app">
        <p class="password-meter__intro" id={`${id}-privacy`}>
          Checked on this device: nothing you type is sent or stored.
        </p>
        <PasswordFields
          id={id}
          password={password}
          confirm={confirm}
          visible={visible}
          passwordField={this.passwordField}
          confirmField={this.confirmField}
          onFocus={() => this.estimator.start()}
          onPassword={(value) => this.setPassword(value)}
          onConfirm={(value) => this.setState({ confirm: value })}
          onToggle={() => this.setState({ visible: !visible })}
        />
        <ContextFields id={id} context={context} onChange={(change) => this.setContext(change)} />

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
        {password && assessment && <Estimate id={id} assessment={assessment} />}

        <BreachCheck id={id} breach={breach} onCheck={() => void this.checkBreach()} />
      </div>
    );
  }
}
