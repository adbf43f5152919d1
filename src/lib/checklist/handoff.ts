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
 */
import { STEPS_SECTION_ID } from '../compromise/items';
import type { CheckerState } from '../symptom-checker/state';
import { encodeCheckerQuery } from '../symptom-checker/url-state';
import { answerMailboxDisabled, normalizeChecklist, type ChecklistState } from './state';

/** The checker's button sends the reader to the steps section, where the tracker lives. */
export const HANDOFF_FRAGMENT = STEPS_SECTION_ID;

/** The checker's answers the tracker uses, as the query that carries them ('' when none). */
export function handoffQuery(answers: CheckerState): string {
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
