/**
 * The recovery checklist: a thin view over src/lib/checklist that works on the
 * article's own steps (ChecklistBlock.astro wraps them).
 *
 * On the server, and in its first render in the browser (so hydration
 * matches), it renders an empty element: without JavaScript the article's
 * ordered steps are the checklist. Once mounted (and its stylesheet loaded) it
 * marks the block `data-checklist` and adds, through portals into the
 * article's markup: a box, a status and a note under each step's heading
 * (StepControls), the scan step's questions (ScanControls), and the record at
 * the end (ChecklistActions). Its own place, above the steps, holds the role
 * and the progress line, which sticks to the top of the screen while the
 * reader works through the steps.
 *
 * Progress lives in localStorage (src/lib/checklist/storage.ts) and follows
 * other tabs through the `storage` event; nothing is sent anywhere.
 */
import { Component } from 'preact';
import { MAIN_ARTICLE_PATH } from '../../lib/compromise/items';
import { decodeCheckerQuery } from '../../lib/symptom-checker/url-state';
import { HANDOFF_FRAGMENT, answerHandoff, decideHandoff, type HandoffQuestion } from '../../lib/checklist/handoff';
import { progressOf, stepViews, type StepView } from '../../lib/checklist/progress';
import { incidentRecord, recordFileName } from '../../lib/checklist/record';
import {
  answerMailboxDisabled,
  emptyChecklist,
  setNote,
  setStepDone,
  setSubtaskDone,
  type ChecklistState,
} from '../../lib/checklist/state';
import { FOLLOW_UP_STEP, RESTORE_STEP, isTrackedStepId } from '../../lib/checklist/steps';
import {
  clearChecklist,
  loadChecklist,
  saveChecklist,
  storageKey,
  type LoadProblem,
  type StorageLike,
} from '../../lib/checklist/storage';
import { announce } from '../../lib/kit/announce';
import { fragmentTarget } from '../../lib/kit/fragment';
import { loadStylesheet } from '../../lib/kit/stylesheet';
import { Portal } from '../kit/Portal';
import { markHydrated } from '../kit/hydrated';
import { ChecklistActions } from './ChecklistActions';
import { ChecklistHead } from './ChecklistHead';
import HandoffConflict from './HandoffConflict';
import { findMounts, type Mounts } from './mounts';
import { ScanControls } from './ScanControls';
import { StepControls } from './StepControls';
import { YesNo } from './YesNo';
import { utcOffset } from './time';
import stylesheet from './checklist.css?url';

const ARTICLE = MAIN_ARTICLE_PATH;
const KEY = storageKey(ARTICLE);

function browserStorage(): StorageLike | null {
  try {
    return window.localStorage ?? null;
  } catch {
    return null;
  }
}

interface State {
  /** null until mounted: the server and hydration render nothing. */
  checklist: ChecklistState | null;
  canSave: boolean;
  problem: LoadProblem | null;
  /** The step a deep link points at. */
  targeted: string | null;
  /** A link's answers that would change saved progress, until the reader says whether to use them. */
  handoffQuestion: HandoffQuestion | null;
}

export default class ChecklistTracker extends Component<object, State> {
  override state: State = { checklist: null, canSave: true, problem: null, targeted: null, handoffQuestion: null };
  storage: StorageLike | null = null;
  mounts: Mounts | null = null;

  override componentDidMount() {
    this.storage = browserStorage();
    this.mounts = findMounts();
    const loaded = loadChecklist(this.storage, ARTICLE);
    this.setState({ canSave: loaded.canSave, problem: loaded.problem });
    void loadStylesheet(stylesheet).then(() => {
      this.mounts?.block.setAttribute('data-checklist', '');
      this.setState({ checklist: loaded.state }, () => this.followFragment(true));
    });
    addEventListener('storage', this.onStorage);
    addEventListener('hashchange', this.onHashChange);
  }

  override componentDidUpdate() {
    if (this.state.checklist !== null && this.mounts !== null) markHydrated(this);
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
   * A link to a step (or a retired alias of one) focuses its box and status,
   * under the step's heading, without scrolling away from it; a hand-off from
   * the symptom checker applies its answers and focuses the checklist. On
   * mount, a step link moves focus only if the reader has not focused
   * anything yet.
   */
  followFragment(onMount: boolean) {
    const checklist = this.state.checklist;
    if (checklist === null) return;
    const target = fragmentTarget(location.hash, (id) => document.getElementById(id));
    if (target?.id === HANDOFF_FRAGMENT) {
      const decision = decideHandoff(checklist, decodeCheckerQuery(location.search));
      if (decision.kind === 'apply') {
        this.update(decision.next);
        this.focus('.checklist__heading');
      }
      if (decision.kind === 'ask')
        this.setState({ handoffQuestion: decision.question }, () => this.focus('[data-handoff-conflict]'));
      return;
    }
    if (onMount && document.activeElement !== null && document.activeElement !== document.body) return;
    // The article's step holding the target: a step, a heading inside one, or
    // a retired id (the page's deep-link script has already swapped it for the
    // id that replaced it).
    const stepId = target?.closest('li.step[id]')?.id;
    if (!isTrackedStepId(stepId)) return;
    this.setState({ targeted: stepId }, () => this.focus(`[data-step="${stepId}"]`));
  }

  focus(selector: string) {
    this.mounts?.block.querySelector<HTMLElement>(selector)?.focus({ preventScroll: true });
  }

  update = (next: ChecklistState) => {
    if (next === this.state.checklist) return;
    const saved = this.state.canSave && saveChecklist(this.storage, ARTICLE, next);
    this.setState({ checklist: next, canSave: saved });
  };

  startOver = () => {
    const canSave = this.state.canSave && clearChecklist(this.storage, ARTICLE);
    this.setState({ checklist: emptyChecklist(), canSave, targeted: null }, () => this.focus('.checklist__heading'));
    announce('The checklist has been cleared.');
  };

  record = (now: number): string => {
    const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
    return incidentRecord(this.state.checklist ?? emptyChecklist(), {
      title: document.querySelector('h1')?.textContent?.trim() ?? document.title,
      url: canonical ?? location.origin + location.pathname,
      now,
      utcOffset,
    });
  };

  answerHandoffQuestion = (useLink: boolean) => {
    const { checklist, handoffQuestion } = this.state;
    if (checklist === null || handoffQuestion === null) return;
    this.update(answerHandoff(checklist, handoffQuestion.answers, useLink));
    this.setState({ handoffQuestion: null }, () => this.focus('.checklist__heading'));
  };

  renderStep(view: StepView, checklist: ChecklistState) {
    const { id } = view;
    return (
      <StepControls
        key={id}
        view={view}
        note={checklist.notes[id] ?? ''}
        targeted={this.state.targeted === id}
        onTick={(on) => this.update(setStepDone(checklist, id, on, Date.now()))}
        onSubtaskTick={(sub, on) => this.update(setSubtaskDone(checklist, sub.id, on, Date.now()))}
        onNote={(text) => this.update(setNote(checklist, id, text))}
      >
        {id === RESTORE_STEP && (
          <YesNo
            name="mailbox-disabled"
            legend="Did Rackspace disable the mailbox?"
            value={checklist.mailboxDisabled}
            onChange={(answer) => this.update(answerMailboxDisabled(checklist, answer))}
          />
        )}
      </StepControls>
    );
  }

  override render() {
    const { checklist, canSave, problem } = this.state;
    const mounts = this.mounts;
    // An empty element rather than nothing: client:visible watches the island's children.
    if (checklist === null || mounts === null) return <div class="checklist__mount-point" />;
    const views = stepViews(checklist);
    const followUp = views.find((view) => view.id === FOLLOW_UP_STEP);
    return (
      <>
        <ChecklistHead checklist={checklist} views={views} canSave={canSave} problem={problem} onChange={this.update}>
          {this.state.handoffQuestion && (
            <HandoffConflict question={this.state.handoffQuestion} onAnswer={this.answerHandoffQuestion} />
          )}
        </ChecklistHead>
        {views.map((view) => {
          const into = view.id === FOLLOW_UP_STEP ? undefined : mounts.steps[view.id];
          return (
            into && (
              <Portal key={view.id} into={into}>
                {this.renderStep(view, checklist)}
              </Portal>
            )
          );
        })}
        {mounts.scan && (
          <Portal into={mounts.scan}>
            <ScanControls
              checklist={checklist}
              onChange={this.update}
              followUp={followUp && this.renderStep(followUp, checklist)}
            />
          </Portal>
        )}
        <Portal into={mounts.end}>
          <ChecklistActions
            complete={progressOf(views).complete}
            record={this.record}
            fileName={(now) => recordFileName(now, utcOffset(now))}
            onStartOver={this.startOver}
          />
        </Portal>
      </>
    );
  }
}
