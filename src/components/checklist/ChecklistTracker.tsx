/**
 * The recovery checklist: a thin view over src/lib/checklist.
 *
 * Like the symptom checker, it renders an empty element on the server and in
 * its first render in the browser (so hydration matches); without JavaScript
 * the article's ordered steps are the checklist and nothing interactive
 * shows. Its stylesheet is loaded when it mounts, not with the page, so the
 * article's first load does not pay for it.
 *
 * Progress lives in localStorage (src/lib/checklist/storage.ts) and follows
 * other tabs through the `storage` event; nothing is sent anywhere. A class
 * component, not hooks, to stay one chunk.
 */
import { Component, createRef } from 'preact';
import { AFTER_THE_STEPS_TASK, MAIN_ARTICLE_PATH, SYMPTOMS } from '../../lib/compromise/items';
import { decodeCheckerQuery } from '../../lib/symptom-checker/url-state';
import type { Role } from '../../lib/symptom-checker/state';
import { HANDOFF_FRAGMENT, answerHandoff, decideHandoff, type HandoffQuestion } from '../../lib/checklist/handoff';
import { progressOf, progressText, stepViews, type StepView, type SubtaskView } from '../../lib/checklist/progress';
import { incidentRecord, recordFileName } from '../../lib/checklist/record';
import {
  DEVICE_NAME_MAX_LENGTH,
  MAX_DEVICES,
  NOTE_MAX_LENGTH,
  addDevice,
  answerMailboxDisabled,
  answerMalwareFound,
  emptyChecklist,
  removeDevice,
  setDeviceScanned,
  setNote,
  setRole,
  setStepDone,
  setSubtaskDone,
  type Answer,
  type ChecklistState,
} from '../../lib/checklist/state';
import { RESTORE_STEP, RESTORE_WARNING, SCAN_STEP, isTrackedStepId, trackedStep } from '../../lib/checklist/steps';
import {
  clearChecklist,
  loadChecklist,
  saveChecklist,
  storageKey,
  type LoadProblem,
  type StorageLike,
} from '../../lib/checklist/storage';
import { storageNotice } from '../../lib/checklist/storage-notice';
import stylesheet from './checklist.css?url';
import HandoffConflict from './HandoffConflict';

const ARTICLE = MAIN_ARTICLE_PATH;
const KEY = storageKey(ARTICLE);

const ROLES: { value: Role; label: string }[] = [
  { value: 'user', label: 'I use this mailbox' },
  { value: 'admin', label: 'I\u2019m the email administrator' },
];

const TAG: Record<StepView['status'], string> = {
  done: 'Done',
  open: 'To do',
  locked: 'Cannot start yet',
  'not-applicable': 'Not applicable',
};

function browserStorage(): StorageLike | null {
  try {
    return window.localStorage ?? null;
  } catch {
    return null;
  }
}

function shortTime(time: number): string {
  return new Date(time).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Minutes east of UTC in the reader's zone at that time. */
const utcOffset = (time: number) => -new Date(time).getTimezoneOffset();

/** The element a fragment points at, or null; never throws, whatever was pasted. */
function fragmentTarget(hash: string): HTMLElement | null {
  try {
    return hash.length > 1 && hash.length < 600 ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
  } catch {
    return null;
  }
}

/** Loads the island's stylesheet once; resolves when it has applied (or failed). */
function loadStylesheet(): Promise<void> {
  if (document.querySelector(`link[href="${stylesheet}"]`)) return Promise.resolve();
  return new Promise((resolve) => {
    const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: stylesheet });
    link.addEventListener('load', () => resolve(), { once: true });
    link.addEventListener('error', () => resolve(), { once: true });
    document.head.append(link);
  });
}

interface YesNoProps {
  name: 'mailbox-disabled' | 'malware-found';
  legend: string;
  value: Answer;
  onChange: (answer: Answer) => void;
}

function YesNo({ name, legend, value, onChange }: YesNoProps) {
  return (
    <fieldset class="checklist__question" data-question={name}>
      <legend>{legend}</legend>
      {(['yes', 'no'] as const).map((answer) => (
        <span class="checklist__choice" key={answer}>
          <input
            type="radio"
            id={`checklist-${name}-${answer}`}
            name={`checklist-${name}`}
            value={answer}
            checked={value === answer}
            onChange={() => onChange(answer)}
          />
          <label for={`checklist-${name}-${answer}`}>{answer === 'yes' ? 'Yes' : 'No'}</label>
        </span>
      ))}
    </fieldset>
  );
}

interface State {
  /** null until mounted: the server and hydration render nothing. */
  checklist: ChecklistState | null;
  canSave: boolean;
  problem: LoadProblem | null;
  /** The step a deep link points at. */
  targeted: string | null;
  confirmingReset: boolean;
  /** A link's answers that would change saved progress, until the reader says whether to use them. */
  handoffQuestion: HandoffQuestion | null;
  newDevice: string;
  actionStatus: string;
}

export default class ChecklistTracker extends Component<object, State> {
  override state: State = {
    checklist: null,
    canSave: true,
    problem: null,
    targeted: null,
    confirmingReset: false,
    handoffQuestion: null,
    newDevice: '',
    actionStatus: '',
  };

  root = createRef<HTMLDivElement>();
  storage: StorageLike | null = null;

  override componentDidMount() {
    this.storage = browserStorage();
    const loaded = loadChecklist(this.storage, ARTICLE);
    this.setState({ canSave: loaded.canSave, problem: loaded.problem });
    void loadStylesheet().then(() => {
      this.setState({ checklist: loaded.state }, () => this.followFragment(true));
    });
    addEventListener('storage', this.onStorage);
    addEventListener('hashchange', this.onHashChange);
  }

  override componentWillUnmount() {
    removeEventListener('storage', this.onStorage);
    removeEventListener('hashchange', this.onHashChange);
  }

  /** Another tab changed (or cleared) the checklist. */
  onStorage = (event: StorageEvent) => {
    if (event.key !== KEY && event.key !== null) return;
    const loaded = loadChecklist(this.storage, ARTICLE);
    if (loaded.problem === null) this.setState({ checklist: loaded.state });
  };

  onHashChange = () => this.followFragment(false);

  /**
   * A link to a step (or a retired alias of one) focuses it here as well as in
   * the article, without scrolling away from the article's step; a hand-off
   * from the symptom checker applies its answers and focuses the checklist.
   * On mount, a step link moves focus only if the reader has not focused
   * anything yet.
   */
  followFragment(onMount: boolean) {
    const checklist = this.state.checklist;
    if (checklist === null) return;
    const target = fragmentTarget(location.hash);
    if (target?.id === HANDOFF_FRAGMENT) {
      const decision = decideHandoff(checklist, decodeCheckerQuery(location.search));
      if (decision.kind === 'apply') {
        this.update(decision.next);
        this.focus('.checklist__heading', true);
      }
      if (decision.kind === 'ask')
        this.setState({ handoffQuestion: decision.question }, () => this.focus('[data-handoff-conflict]', true));
      return;
    }
    if (onMount && document.activeElement !== null && document.activeElement !== document.body) return;
    // The article's step holding the target: a step, a heading inside one, or
    // a retired id (the page's deep-link script has already swapped it for the
    // id that replaced it).
    const stepId = target?.closest('li.step[id]')?.id;
    if (!isTrackedStepId(stepId)) return;
    this.setState({ targeted: stepId }, () => this.focus(`[data-step="${stepId}"]`, true));
  }

  focus(selector: string, preventScroll = false) {
    this.root.current?.querySelector<HTMLElement>(selector)?.focus({ preventScroll });
  }

  update(next: ChecklistState) {
    if (next === this.state.checklist) return;
    const saved = this.state.canSave && saveChecklist(this.storage, ARTICLE, next);
    this.setState({ checklist: next, canSave: saved, actionStatus: '' });
  }

  async copySummary(record: string) {
    let message = 'Summary copied. Paste it into your ticket or message to support.';
    try {
      await navigator.clipboard.writeText(record);
    } catch {
      message = 'Could not copy. Use \u201cDownload (.md)\u201d instead.';
    }
    this.announceAction(message);
  }

  download(checklist: ChecklistState) {
    const now = Date.now();
    const url = URL.createObjectURL(new Blob([this.record(checklist, now)], { type: 'text/markdown;charset=utf-8' }));
    const link = Object.assign(document.createElement('a'), {
      href: url,
      download: recordFileName(now, utcOffset(now)),
    });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    this.announceAction('Record downloaded.');
  }

  /** Emptied first, so that the same message twice is announced twice. */
  announceAction(message: string) {
    this.setState({ actionStatus: '' });
    setTimeout(() => this.setState({ actionStatus: message }), 50);
  }

  startOver() {
    const canSave = this.state.canSave && clearChecklist(this.storage, ARTICLE);
    this.setState({ checklist: emptyChecklist(), canSave, confirmingReset: false, targeted: null }, () =>
      this.focus('.checklist__heading'),
    );
    this.announceAction('The checklist has been cleared.');
  }

  record(checklist: ChecklistState, now: number): string {
    const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
    return incidentRecord(checklist, {
      title: document.querySelector('h1')?.textContent?.trim() ?? document.title,
      url: canonical ?? location.origin + location.pathname,
      now,
      utcOffset,
    });
  }

  renderStep(view: StepView, checklist: ChecklistState) {
    const { id, status } = view;
    const base = `checklist-${id}`;
    const locked = status === 'locked';
    const describedBy = [
      `${base}-tag`,
      `${base}-text`,
      locked ? `${base}-reason` : '',
      view.reopenedBecause ? `${base}-flag` : '',
    ]
      .filter(Boolean)
      .join(' ');
    const note = checklist.notes[id] ?? '';
    const tag = view.isNext
      ? 'Next'
      : status === 'done' && view.doneAt !== null
        ? `Done ${shortTime(view.doneAt)}`
        : TAG[status];

    return (
      <li
        key={id}
        data-step={id}
        data-status={status}
        tabIndex={-1}
        class={`checklist__step${view.isNext ? ' checklist__step--next' : ''}${this.state.targeted === id ? ' checklist__step--targeted' : ''}`}
      >
        <div class="checklist__row">
          <input
            type="checkbox"
            id={base}
            checked={status === 'done'}
            disabled={locked || status === 'not-applicable'}
            aria-describedby={describedBy}
            onChange={(event) => this.update(setStepDone(checklist, id, event.currentTarget.checked, Date.now()))}
          />
          <label for={base}>
            <span class="checklist__label">{view.label}:</span> {view.title}
          </label>
          <span class={`checklist__tag checklist__tag--${view.isNext ? 'next' : status}`} id={`${base}-tag`}>
            {tag}
          </span>
        </div>
        <p class="checklist__text" id={`${base}-text`}>
          {view.text} <a href={view.href}>Read step {trackedStep(id).articleNumber} in full</a>
          {view.more && (
            <>
              . <a href={view.more.href}>{view.more.text}</a>
            </>
          )}
        </p>
        {view.subtasks.length > 0 && (
          <ul class="checklist__subtasks">{view.subtasks.map((sub) => this.renderSubtask(sub, checklist))}</ul>
        )}
        {locked && (
          <p class="checklist__reason" id={`${base}-reason`}>
            <strong>Cannot start yet.</strong> First:{' '}
            {view.waitingFor.map((waiting) => trackedStep(waiting).title).join('; ')}. {RESTORE_WARNING}
          </p>
        )}
        {view.reopenedBecause && (
          <p class="checklist__flag" id={`${base}-flag`}>
            <strong>Reopened:</strong> &ldquo;{trackedStep(view.reopenedBecause).title}&rdquo; was marked not done after
            this step was ticked. If access was already restored, make sure that step is done at once, then tick this
            one again.
          </p>
        )}
        {id === RESTORE_STEP && (
          <YesNo
            name="mailbox-disabled"
            legend="Did Rackspace disable the mailbox?"
            value={checklist.mailboxDisabled}
            onChange={(answer) => this.update(answerMailboxDisabled(checklist, answer))}
          />
        )}
        {id === SCAN_STEP && this.renderScan(checklist)}
        <details class="checklist__note" open={note !== ''}>
          <summary>{note === '' ? 'Add a note' : 'Note'}</summary>
          <label for={`${base}-note`} class="visually-hidden">
            Note for {view.label}
          </label>
          <textarea
            id={`${base}-note`}
            rows={2}
            maxLength={NOTE_MAX_LENGTH}
            value={note}
            aria-describedby={`${base}-note-hint`}
            onInput={(event) => this.update(setNote(checklist, id, event.currentTarget.value))}
          />
          <span class="checklist__hint" id={`${base}-note-hint`}>
            Plain text, up to {NOTE_MAX_LENGTH} characters, for example the IP address you blocklisted. Never write a
            password here.
          </span>
        </details>
        {note !== '' && <p class="checklist__print-note">Note: {note}</p>}
      </li>
    );
  }

  /**
   * A sub-task the checker's answers added: a box of its own, never gating its
   * step; the live status line says when it is ticked or unticked.
   */
  renderSubtask(sub: SubtaskView, checklist: ChecklistState) {
    const base = `checklist-${sub.id}`;
    return (
      <li key={sub.id} data-subtask={sub.id} data-status={sub.status} class="checklist__subtask">
        <div class="checklist__row">
          <input
            type="checkbox"
            id={base}
            checked={sub.status === 'done'}
            aria-describedby={`${base}-tag ${base}-text`}
            onChange={(event) =>
              this.update(setSubtaskDone(checklist, sub.id, event.currentTarget.checked, Date.now()))
            }
          />
          <label for={base}>
            <span class="checklist__label">Sub-task:</span> {sub.title}
          </label>
          <span class={`checklist__subtag checklist__tag--${sub.status}`} id={`${base}-tag`}>
            {sub.doneAt === null ? TAG.open : `Done ${shortTime(sub.doneAt)}`}
          </span>
        </div>
        <p class="checklist__text" id={`${base}-text`}>
          {sub.text}{' '}
          {sub.remedies.map((remedy) => (
            <span key={remedy.href}>
              <a href={remedy.href}>{remedy.text}</a>.{' '}
            </span>
          ))}
          <a href={sub.href}>{sub.linkText}</a>
        </p>
      </li>
    );
  }

  renderScan(checklist: ChecklistState) {
    const { newDevice } = this.state;
    const full = checklist.devices.length >= MAX_DEVICES;
    return (
      <>
        <YesNo
          name="malware-found"
          legend="Did a scan find malware?"
          value={checklist.malwareFound}
          onChange={(answer) => this.update(answerMalwareFound(checklist, answer))}
        />
        <fieldset class="checklist__devices">
          <legend>Each device scanned</legend>
          {checklist.devices.length > 0 && (
            <ul>
              {checklist.devices.map((device) => (
                <li key={device.id} data-device={device.id}>
                  <input
                    type="checkbox"
                    id={`checklist-${device.id}`}
                    checked={device.scannedAt !== null}
                    onChange={(event) =>
                      this.update(setDeviceScanned(checklist, device.id, event.currentTarget.checked, Date.now()))
                    }
                  />
                  <label for={`checklist-${device.id}`}>
                    {device.name}
                    {device.scannedAt !== null && (
                      <span class="checklist__when">, scanned {shortTime(device.scannedAt)}</span>
                    )}
                  </label>
                  <button
                    type="button"
                    class="checklist__remove"
                    onClick={() => this.update(removeDevice(checklist, device.id))}
                  >
                    Remove<span class="visually-hidden"> {device.name}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <form
            class="checklist__add"
            onSubmit={(event) => {
              event.preventDefault();
              this.update(addDevice(checklist, newDevice));
              this.setState({ newDevice: '' });
            }}
          >
            <label for="checklist-new-device">Add a device {full && `(at most ${MAX_DEVICES})`}</label>
            <span class="checklist__add-row">
              <input
                type="text"
                id="checklist-new-device"
                list="checklist-device-kinds"
                autocomplete="off"
                maxLength={DEVICE_NAME_MAX_LENGTH}
                value={newDevice}
                disabled={full}
                aria-describedby="checklist-new-device-hint"
                onInput={(event) => this.setState({ newDevice: event.currentTarget.value })}
              />
              <button type="submit" disabled={full}>
                Add device
              </button>
            </span>
            <span class="checklist__hint" id="checklist-new-device-hint">
              Every computer, phone and tablet you read this mail on, for example &ldquo;Work laptop&rdquo;.
            </span>
            <datalist id="checklist-device-kinds">
              {['Work computer', 'Home computer', 'Laptop', 'Phone', 'Tablet'].map((kind) => (
                <option key={kind} value={kind} />
              ))}
            </datalist>
          </form>
        </fieldset>
      </>
    );
  }

  override render() {
    const { checklist, canSave, problem, confirmingReset, actionStatus } = this.state;
    // An empty element rather than nothing: client:visible watches the island's children.
    if (checklist === null) return <div class="checklist__mount" />;
    const views = stepViews(checklist);
    const progress = progressOf(views);
    const notice = storageNotice(problem, canSave);

    return (
      <div class="checklist" data-checklist ref={this.root}>
        <h3 class="checklist__heading" tabIndex={-1}>
          Your recovery checklist
        </h3>
        <p class="checklist__intro">
          Tick each step as you finish it. Your progress stays in this browser only
          {canSave ? ', so you can come back to it' : ''}; nothing is sent anywhere.
        </p>
        {this.state.handoffQuestion && (
          <HandoffConflict
            question={this.state.handoffQuestion}
            onAnswer={(useLink) => {
              this.update(answerHandoff(checklist, this.state.handoffQuestion!.answers, useLink));
              this.setState({ handoffQuestion: null }, () => this.focus('.checklist__heading'));
            }}
          />
        )}
        {notice !== null && (
          <p class="checklist__notice" data-storage-notice>
            <strong>Note:</strong> {notice}
          </p>
        )}
        <fieldset class="checklist__question checklist__role">
          <legend>Who is working through this checklist?</legend>
          {ROLES.map((role) => (
            <span class="checklist__choice" key={role.value}>
              <input
                type="radio"
                id={`checklist-role-${role.value}`}
                name="checklist-role"
                value={role.value}
                checked={checklist.role === role.value}
                onChange={() => this.update(setRole(checklist, role.value))}
              />
              <label for={`checklist-role-${role.value}`}>{role.label}</label>
            </span>
          ))}
        </fieldset>
        <p class="checklist__progress" role="status" data-progress>
          {progressText(views)}
        </p>
        <ol class="checklist__steps">{views.map((view) => this.renderStep(view, checklist))}</ol>
        {progress.complete && (
          <div class="checklist__complete" data-complete>
            <p>
              <strong>The mailbox is secure again.</strong> Now see{' '}
              <a href={AFTER_THE_STEPS_TASK.href}>after the six steps</a>. Keep watching for the signs of a break-in; if
              any of them comes back, start again at step 1:
            </p>
            <ul>
              {SYMPTOMS.map((symptom) => (
                <li key={symptom.id}>
                  <a href={`#${symptom.id}`}>{symptom.label}</a>
                </li>
              ))}
            </ul>
          </div>
        )}
        <div class="checklist__actions">
          <button type="button" onClick={() => void this.copySummary(this.record(checklist, Date.now()))}>
            Copy summary
          </button>
          <button type="button" onClick={() => this.download(checklist)}>
            Download (.md)
          </button>
          {!confirmingReset && (
            <button
              type="button"
              class="checklist__start-over"
              onClick={() => this.setState({ confirmingReset: true }, () => this.focus('.checklist__confirm button'))}
            >
              Start over
            </button>
          )}
        </div>
        {confirmingReset && (
          <div class="checklist__confirm" role="group" aria-labelledby="checklist-confirm-text">
            <p id="checklist-confirm-text">
              Clear every tick, answer, device and note of this checklist in this browser? This cannot be undone.
            </p>
            <button type="button" class="button--primary" onClick={() => this.startOver()}>
              Yes, start over
            </button>{' '}
            <button
              type="button"
              onClick={() => this.setState({ confirmingReset: false }, () => this.focus('.checklist__start-over'))}
            >
              Cancel
            </button>
          </div>
        )}
        <p class="checklist__action-status" role="status">
          {actionStatus}
        </p>
      </div>
    );
  }
}
