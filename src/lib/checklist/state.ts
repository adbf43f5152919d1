/**
 * The recovery checklist as plain data, and every change to it as a pure
 * function from one valid state to the next. Each transition ends with
 * `normalizeChecklist`, which enforces the article's rules, so no sequence of
 * clicks, tabs or stored data can produce a state the article forbids:
 * - the restore step is done only when the mailbox was disabled and the
 *   password change and the scans (and, after a malware find, the second
 *   password change) are done; unticking one of those reopens it, with the
 *   reason;
 * - the second password change exists only when a scan found malware;
 * - a sub-task exists always (closing the intruder's way back under step 1,
 *   what to check after the six steps under step 6) or only while a sign
 *   that calls for it was noticed (removing the intruder's forwarding,
 *   filters and reply-to changes, under step 1); its tick goes with it, like
 *   the follow-up's. A sub-task gates nothing: its step can be ticked, and
 *   the restore unlocked, while it is open, since with a disabled mailbox the
 *   webmail ones cannot be done before the restore.
 */
import type { SymptomId } from '../compromise/items';
import { accessOf, type Access } from '../compromise/order';
import type { Role } from '../kit/role';
import { SYMPTOM_IDS } from '../symptom-checker/state';
import {
  FOLLOW_UP_STEP,
  RESTORE_STEP,
  SCAN_STEP,
  SUBTASKS,
  TRACKED_STEP_IDS,
  type Subtask,
  type SubtaskId,
  type TrackedStepId,
} from './steps';

export type Answer = 'yes' | 'no' | null;

export interface Device {
  /** Stable within one checklist: `device-1`, `device-2`, … */
  id: string;
  name: string;
  /** When its scan was ticked (ms since 1970), or null. */
  scannedAt: number | null;
}

interface Reopened {
  step: typeof RESTORE_STEP;
  /** The prerequisite whose untick reopened it. */
  because: TrackedStepId;
}

export interface ChecklistState {
  role: Role;
  /** "Did Rackspace disable the mailbox?" */
  mailboxDisabled: Answer;
  /** "Did a scan find malware?" */
  malwareFound: Answer;
  /** When each step was ticked, in ms since 1970. */
  done: Partial<Record<TrackedStepId, number>>;
  /** When each sub-task was ticked, in ms since 1970 (absent in checklists saved before sub-tasks). */
  subtasks: Partial<Record<SubtaskId, number>>;
  /** Plain text, at most NOTE_MAX_LENGTH characters. */
  notes: Partial<Record<TrackedStepId, string>>;
  devices: Device[];
  /** Signs noticed, from the symptom checker's hand-off; in the article's order. */
  symptoms: SymptomId[];
  reopened: Reopened | null;
  /** The checker answers last applied from the address, so that a reload does not apply them again. */
  handoff: string | null;
}

export const NOTE_MAX_LENGTH = 500;
export const DEVICE_NAME_MAX_LENGTH = 60;
export const MAX_DEVICES = 12;

export function emptyChecklist(): ChecklistState {
  return {
    role: 'user',
    mailboxDisabled: null,
    malwareFound: null,
    done: {},
    subtasks: {},
    notes: {},
    devices: [],
    symptoms: [],
    reopened: null,
    handoff: null,
  };
}

/** What must be done before access may be restored, in order. */
function restorePrerequisites(state: Pick<ChecklistState, 'malwareFound'>): TrackedStepId[] {
  return ['step-change-password', SCAN_STEP, ...(state.malwareFound === 'yes' ? [FOLLOW_UP_STEP] : [])];
}

export function missingPrerequisites(state: ChecklistState): TrackedStepId[] {
  return restorePrerequisites(state).filter((id) => state.done[id] === undefined);
}

/** Whether a step is part of this checklist at all (the follow-up only after a malware find). */
function isStepShown(state: Pick<ChecklistState, 'malwareFound'>, id: TrackedStepId): boolean {
  return id !== FOLLOW_UP_STEP || state.malwareFound === 'yes';
}

/** The sub-tasks the noticed signs call for, in order. */
export function shownSubtasks(state: Pick<ChecklistState, 'symptoms'>): Subtask[] {
  return SUBTASKS.filter(
    (candidate) => candidate.always || candidate.symptoms.some((id) => state.symptoms.includes(id)),
  );
}

function isSubtaskShown(state: Pick<ChecklistState, 'symptoms'>, id: SubtaskId): boolean {
  return shownSubtasks(state).some((candidate) => candidate.id === id);
}

/**
 * Whether the owner can still sign in, as far as the checklist knows: unknown
 * until the checker's answers or the mailbox question say something.
 */
export function accessOfChecklist(state: Pick<ChecklistState, 'symptoms' | 'mailboxDisabled'>): Access | undefined {
  if (state.symptoms.length === 0 && state.mailboxDisabled === null) return undefined;
  return accessOf(state.symptoms);
}

export function isNotApplicable(state: Pick<ChecklistState, 'mailboxDisabled'>, id: TrackedStepId): boolean {
  return id === RESTORE_STEP && state.mailboxDisabled === 'no';
}

/** Plain text: no control characters but line breaks, at most `max` characters. */
export function cleanText(text: string, max: number, keepLineBreaks: boolean): string {
  const cleaned = text.replace(
    keepLineBreaks ? /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g : /[\u0000-\u001f\u007f-\u009f]/g,
    keepLineBreaks ? '' : ' ',
  );
  return [...cleaned].slice(0, max).join('');
}

/** Enforces the article's rules on any state (see the file comment). */
export function normalizeChecklist(state: ChecklistState): ChecklistState {
  const done = { ...state.done };
  let reopened = state.reopened;
  if (!isStepShown(state, FOLLOW_UP_STEP)) delete done[FOLLOW_UP_STEP];
  if (isNotApplicable(state, RESTORE_STEP)) {
    delete done[RESTORE_STEP];
    reopened = null;
  } else if (done[RESTORE_STEP] !== undefined) {
    const missing = restorePrerequisites(state).find((id) => done[id] === undefined);
    if (missing !== undefined) {
      delete done[RESTORE_STEP];
      reopened = { step: RESTORE_STEP, because: missing };
    }
  }
  const wanted = new Set(state.symptoms);
  const symptoms = SYMPTOM_IDS.filter((id) => wanted.has(id));
  const subtasks = { ...state.subtasks };
  for (const { id } of SUBTASKS) if (!isSubtaskShown({ symptoms }, id)) delete subtasks[id];
  return { ...state, done, subtasks, reopened, symptoms };
}

/** Whether a step's box may be ticked now. */
function canTick(state: ChecklistState, id: TrackedStepId): boolean {
  if (!isStepShown(state, id) || isNotApplicable(state, id)) return false;
  return id !== RESTORE_STEP || missingPrerequisites(state).length === 0;
}

export function setStepDone(state: ChecklistState, id: TrackedStepId, on: boolean, now: number): ChecklistState {
  if (on) {
    if (!canTick(state, id) || state.done[id] !== undefined) return state;
    const reopened = id === RESTORE_STEP ? null : state.reopened;
    return normalizeChecklist({ ...state, done: { ...state.done, [id]: now }, reopened });
  }
  if (state.done[id] === undefined) return state;
  const done = { ...state.done };
  delete done[id];
  return normalizeChecklist({ ...state, done });
}

/** Ticks or unticks a sub-task; one the noticed signs do not call for cannot be ticked. */
export function setSubtaskDone(state: ChecklistState, id: SubtaskId, on: boolean, now: number): ChecklistState {
  if (on) {
    if (!isSubtaskShown(state, id) || state.subtasks[id] !== undefined) return state;
    return normalizeChecklist({ ...state, subtasks: { ...state.subtasks, [id]: now } });
  }
  if (state.subtasks[id] === undefined) return state;
  const subtasks = { ...state.subtasks };
  delete subtasks[id];
  return normalizeChecklist({ ...state, subtasks });
}

export function answerMailboxDisabled(state: ChecklistState, answer: Answer): ChecklistState {
  // The question is the checker's "Rackspace told you the mailbox has been disabled".
  const others = state.symptoms.filter((id) => id !== 'symptom-mailbox-disabled');
  const symptoms =
    answer === 'yes' ? [...others, 'symptom-mailbox-disabled' as const] : answer === 'no' ? others : state.symptoms;
  return normalizeChecklist({ ...state, mailboxDisabled: answer, symptoms });
}

export function answerMalwareFound(state: ChecklistState, answer: Answer): ChecklistState {
  return normalizeChecklist({ ...state, malwareFound: answer });
}

export function setRole(state: ChecklistState, role: Role): ChecklistState {
  return { ...state, role };
}

export function setNote(state: ChecklistState, id: TrackedStepId, text: string): ChecklistState {
  const note = cleanText(text, NOTE_MAX_LENGTH, true);
  const notes = { ...state.notes };
  if (note.trim() === '') delete notes[id];
  else notes[id] = note;
  return { ...state, notes };
}

export function addDevice(state: ChecklistState, name: string): ChecklistState {
  const cleaned = cleanText(name, DEVICE_NAME_MAX_LENGTH, false).trim();
  if (cleaned === '' || state.devices.length >= MAX_DEVICES) return state;
  const next = Math.max(0, ...state.devices.map((device) => Number(device.id.slice('device-'.length)) || 0)) + 1;
  return { ...state, devices: [...state.devices, { id: `device-${next}`, name: cleaned, scannedAt: null }] };
}

export function removeDevice(state: ChecklistState, deviceId: string): ChecklistState {
  return { ...state, devices: state.devices.filter((device) => device.id !== deviceId) };
}

export function setDeviceScanned(
  state: ChecklistState,
  deviceId: string,
  scanned: boolean,
  now: number,
): ChecklistState {
  return {
    ...state,
    devices: state.devices.map((device) =>
      device.id !== deviceId || scanned === (device.scannedAt !== null)
        ? device
        : { ...device, scannedAt: scanned ? now : null },
    ),
  };
}

/** The step ids in the order the tracker shows them. */
export function shownSteps(state: ChecklistState): TrackedStepId[] {
  return TRACKED_STEP_IDS.filter((id) => isStepShown(state, id));
}
