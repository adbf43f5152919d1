/**
 * The symptom checker's hand-off ("Start the checklist with these answers"),
 * per the contract documented in src/lib/symptom-checker/url-state.ts: the
 * page's address carries the checker's query, `?symptoms=…&role=…`, read with
 * `decodeCheckerQuery`. The checker writes nothing to storage; the tracker
 * keeps the answers with the rest of its progress.
 *
 * The tracker applies the answers when the address points at the steps
 * (HANDOFF_FRAGMENT), which is where the checker's button sends the reader;
 * it applies a given set of answers once, so that reloading the page does not
 * undo a later change made in the tracker.
 *
 * Any page can link to the article with such a query, so a link never
 * silently rewrites saved progress: when its answers would change what the
 * reader saved, `decideHandoff` says to ask first (`handoffChanges` lists
 * what would change, ticks that would go included).
 */
import { STEPS_SECTION_ID, SYMPTOMS } from '../compromise/items';
import type { CheckerState } from '../symptom-checker/state';
import { encodeCheckerQuery } from '../symptom-checker/url-state';
import { progressOf, stepViews } from './progress';
import { answerMailboxDisabled, normalizeChecklist, type Answer, type ChecklistState } from './state';
import { ROLE_LABELS, SUBTASKS, trackedStep, type TrackedStepId } from './steps';

/** The checker's button sends the reader to the steps section, where the tracker lives. */
export const HANDOFF_FRAGMENT = STEPS_SECTION_ID;

/** The checker's answers the tracker uses, as the query that carries them ('' when none). */
function handoffQuery(answers: CheckerState): string {
  return encodeCheckerQuery({ symptoms: answers.symptoms, risks: [], role: answers.role });
}

/**
 * The checklist with the checker's answers applied: the role, the signs
 * noticed, and the mailbox question pre-answered from
 * `symptom-mailbox-disabled`. The signs decide the sub-tasks: forwarding
 * rules or a changed reply-to add "Remove the intruder's forwarding, filters
 * and reply-to changes" under step 1; answers without them remove it (and its
 * tick). Ticks of steps, notes and devices are kept.
 */
export function applyHandoff(state: ChecklistState, answers: CheckerState): ChecklistState {
  const signature = handoffQuery(answers);
  if (answers.symptoms.length === 0 || signature === state.handoff) return state;
  const withAnswers = normalizeChecklist({
    ...state,
    role: answers.role,
    symptoms: answers.symptoms,
    handoff: signature,
  });
  return answerMailboxDisabled(withAnswers, answers.symptoms.includes('symptom-mailbox-disabled') ? 'yes' : 'no');
}

/** Whether the reader has saved anything a hand-off could overwrite. */
function hasProgress(state: ChecklistState): boolean {
  return (
    state.role !== 'user' ||
    state.mailboxDisabled !== null ||
    state.malwareFound !== null ||
    state.symptoms.length > 0 ||
    state.devices.length > 0 ||
    Object.keys(state.done).length > 0 ||
    Object.keys(state.subtasks).length > 0 ||
    Object.keys(state.notes).length > 0
  );
}

const answerWord = (answer: Answer) => (answer === 'yes' ? 'Yes' : answer === 'no' ? 'No' : 'not answered');

function signsText(state: ChecklistState): string {
  const labels = SYMPTOMS.filter((symptom) => state.symptoms.includes(symptom.id)).map((symptom) => symptom.label);
  return labels.length > 0 ? labels.join('; ') : 'none';
}

/** What applying the hand-off would change in the saved checklist, one sentence each. */
function handoffChanges(saved: ChecklistState, next: ChecklistState): string[] {
  const changes: string[] = [];
  if (saved.role !== next.role)
    changes.push(`Role: ${ROLE_LABELS[saved.role]} would become ${ROLE_LABELS[next.role]}.`);
  if (saved.mailboxDisabled !== next.mailboxDisabled)
    changes.push(
      `\u201cDid Rackspace disable the mailbox?\u201d: ${answerWord(saved.mailboxDisabled)} would become ${answerWord(next.mailboxDisabled)}.`,
    );
  if (signsText(saved) !== signsText(next))
    changes.push(`Signs noticed: ${signsText(saved)} would become ${signsText(next)}.`);
  for (const id of Object.keys(saved.done) as TrackedStepId[]) {
    if (next.done[id] === undefined) changes.push(`The tick of \u201c${trackedStep(id).title}\u201d would be removed.`);
  }
  for (const sub of SUBTASKS) {
    if (saved.subtasks[sub.id] !== undefined && next.subtasks[sub.id] === undefined)
      changes.push(`The tick of \u201c${sub.title}\u201d would be removed.`);
  }
  return changes;
}

/** "2 of 6 steps done; role: Administrator; …": the saved checklist in one line. */
export function savedProgressSummary(state: ChecklistState): string {
  const progress = progressOf(stepViews(state));
  return [
    `${progress.done} of ${progress.total} steps done`,
    `role: ${ROLE_LABELS[state.role]}`,
    `mailbox disabled: ${answerWord(state.mailboxDisabled)}`,
    `signs noticed: ${signsText(state)}`,
  ].join('; ');
}

export interface HandoffQuestion {
  answers: CheckerState;
  /** The saved checklist, summed up (savedProgressSummary). */
  saved: string;
  /** What the link's answers would change (handoffChanges). */
  changes: string[];
}

export type HandoffDecision =
  { kind: 'none' } | { kind: 'apply'; next: ChecklistState } | { kind: 'ask'; question: HandoffQuestion };

/**
 * What to do with the answers in the address: nothing (none, or already
 * applied), apply them (nothing saved that they would change), or ask the
 * reader first.
 */
export function decideHandoff(saved: ChecklistState, answers: CheckerState): HandoffDecision {
  const next = applyHandoff(saved, answers);
  if (next === saved) return { kind: 'none' };
  const changes = handoffChanges(saved, next);
  if (!hasProgress(saved) || changes.length === 0) return { kind: 'apply', next };
  return { kind: 'ask', question: { answers, saved: savedProgressSummary(saved), changes } };
}

/**
 * The reader's answer to the question: the link's answers applied, or the
 * checklist as it is, marked so that the same link does not ask again.
 */
export function answerHandoff(state: ChecklistState, answers: CheckerState, useLink: boolean): ChecklistState {
  return useLink ? applyHandoff(state, answers) : { ...state, handoff: handoffQuery(answers) };
}
