/**
 * The checklist in `localStorage`: one versioned key per article, its value
 * JSON. Whatever is stored is hostile: reading never throws and always yields
 * a valid state, salvaging what it can. An older version's key is migrated
 * once, then removed. Fields added within a version (`subtasks`) are
 * optional when read: a value saved before them loads with their default.
 * A value of a newer version than this code knows (written by a later release
 * in another tab, say) is left untouched: the tracker then works in memory
 * only, rather than overwrite progress it cannot read. Writing reports failure
 * (storage full, disabled or missing) instead of throwing, so the tracker
 * keeps working for the session.
 */
import type { Role } from '../kit/role';
import {
  DEVICE_NAME_MAX_LENGTH,
  MAX_DEVICES,
  NOTE_MAX_LENGTH,
  cleanText,
  emptyChecklist,
  normalizeChecklist,
  type Answer,
  type ChecklistState,
  type Device,
} from './state';
import { RESTORE_STEP, isSubtaskId, isTrackedStepId, type TrackedStepId } from './steps';
import { SYMPTOMS, type SymptomId } from '../compromise/items';

const STORAGE_VERSION = 2;

/** `mailbox-rescue:checklist:v2:/docs/<slug>/` */
export function storageKey(articlePath: string, version: number = STORAGE_VERSION): string {
  return `mailbox-rescue:checklist:v${version}:${articlePath}`;
}

/** The part of `Storage` the tracker uses; a test can hand in a plain object. */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * unavailable: the browser refuses storage; unreadable: the value is damaged
 * (new progress replaces it); newer: saved by a newer version of the page,
 * kept as it is and never written over.
 */
export type LoadProblem = 'unavailable' | 'unreadable' | 'newer';

export interface Loaded {
  state: ChecklistState;
  /** Why saved progress could not be read, if it could not. */
  problem: LoadProblem | null;
  /** False when this browser will not keep progress (nothing can be written). */
  canSave: boolean;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A plausible time: a whole number of ms between 1970 and the year 275,000. */
function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 8.64e15;
}

function answer(value: unknown): Answer {
  return value === 'yes' || value === 'no' ? value : null;
}

/** The entries of `value` whose key is a known id and whose value reads; anything else is dropped. */
function idMap<K extends string, T>(
  value: unknown,
  isKey: (key: string) => key is K,
  read: (entry: unknown) => T | undefined,
): Partial<Record<K, T>> {
  const map: Partial<Record<K, T>> = {};
  if (!isObject(value)) return map;
  for (const [key, entry] of Object.entries(value)) {
    const item = read(entry);
    if (isKey(key) && item !== undefined) map[key] = item;
  }
  return map;
}

function stepMap<T>(value: unknown, read: (entry: unknown) => T | undefined): Partial<Record<TrackedStepId, T>> {
  return idMap(value, isTrackedStepId, read);
}

const time = (entry: unknown) => (isTime(entry) ? entry : undefined);

function note(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const cleaned = cleanText(value, NOTE_MAX_LENGTH, true);
  return cleaned.trim() === '' ? undefined : cleaned;
}

function devices(value: unknown): Device[] {
  if (!Array.isArray(value)) return [];
  const seen = new Set<string>();
  const result: Device[] = [];
  for (const entry of value.slice(0, MAX_DEVICES)) {
    if (!isObject(entry) || typeof entry.id !== 'string' || !/^device-\d{1,6}$/.test(entry.id) || seen.has(entry.id))
      continue;
    if (typeof entry.name !== 'string') continue;
    const name = cleanText(entry.name, DEVICE_NAME_MAX_LENGTH, false).trim();
    if (name === '') continue;
    seen.add(entry.id);
    result.push({ id: entry.id, name, scannedAt: isTime(entry.scannedAt) ? entry.scannedAt : null });
  }
  return result;
}

function symptoms(value: unknown): SymptomId[] {
  if (!Array.isArray(value)) return [];
  return SYMPTOMS.map((symptom) => symptom.id).filter((id) => value.includes(id));
}

/** Reads a version 2 value field by field: a bad field falls back to its default. */
function fromV2(value: Json): ChecklistState {
  const reopened =
    isObject(value.reopened) && value.reopened.step === RESTORE_STEP && isTrackedStepId(value.reopened.because)
      ? { step: RESTORE_STEP, because: value.reopened.because }
      : null;
  return normalizeChecklist({
    role: value.role === 'admin' ? 'admin' : 'user',
    mailboxDisabled: answer(value.mailboxDisabled),
    malwareFound: answer(value.malwareFound),
    done: stepMap(value.done, time),
    // Absent before sub-tasks existed; a tick for a sub-task the signs do not call for is dropped by normalizeChecklist.
    subtasks: idMap(value.subtasks, isSubtaskId, time),
    notes: stepMap(value.notes, note),
    devices: devices(value.devices),
    symptoms: symptoms(value.symptoms),
    reopened,
    handoff: typeof value.handoff === 'string' && value.handoff.length <= 512 ? value.handoff : null,
  });
}

/**
 * Version 1, the first draft's shape: `completed` maps step ids to ISO times,
 * the questions are booleans, the role is spelled out and devices are bare
 * names.
 *
 *   { "version": 1, "role": "administrator", "completed": { "step-change-password": "2026-11-02T09:15:00.000Z" },
 *     "mailboxDisabled": true, "malwareFound": false, "notes": { … }, "devices": ["Laptop"] }
 */
function fromV1(value: Json): ChecklistState {
  const flag = (entry: unknown): Answer => (entry === true ? 'yes' : entry === false ? 'no' : null);
  const role: Role = value.role === 'administrator' || value.role === 'admin' ? 'admin' : 'user';
  const names = Array.isArray(value.devices)
    ? value.devices.filter((name): name is string => typeof name === 'string')
    : [];
  return fromV2({
    role,
    mailboxDisabled: flag(value.mailboxDisabled),
    malwareFound: flag(value.malwareFound),
    done: stepMap(value.completed, (entry) => {
      const time = typeof entry === 'string' ? Date.parse(entry) : NaN;
      return isTime(time) ? time : undefined;
    }),
    notes: value.notes,
    devices: names.map((name, index) => ({ id: `device-${index + 1}`, name, scannedAt: null })),
  });
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** Whether a stored value says it is of a version later than this code writes. */
function isNewerVersion(raw: string): boolean {
  const value = parseJson(raw);
  return isObject(value) && typeof value.version === 'number' && value.version > STORAGE_VERSION;
}

/** A stored value (of any version we know) as a valid state, or null when it cannot be read. */
export function parseStored(raw: string): ChecklistState | null {
  const value = parseJson(raw);
  if (!isObject(value)) return null;
  if (value.version === STORAGE_VERSION) return fromV2(value);
  if (value.version === 1) return fromV1(value);
  return null;
}

export function serializeChecklist(state: ChecklistState): string {
  return JSON.stringify({ version: STORAGE_VERSION, ...state });
}

/** Saves the state; false when the browser refuses (full, disabled, missing). */
export function saveChecklist(storage: StorageLike | null, articlePath: string, state: ChecklistState): boolean {
  if (storage === null) return false;
  try {
    storage.setItem(storageKey(articlePath), serializeChecklist(state));
    return true;
  } catch {
    return false;
  }
}

/** A stored value that cannot be read: newer ones are kept (nothing is saved over them), damaged ones replaced. */
function unreadable(raw: string): Loaded {
  return isNewerVersion(raw)
    ? { state: emptyChecklist(), problem: 'newer', canSave: false }
    : { state: emptyChecklist(), problem: 'unreadable', canSave: true };
}

/**
 * Reads this article's checklist: the current key, else an older version's
 * (migrated to the current key). Corrupt data gives an empty checklist and the
 * problem; a newer version's value or a storage that throws gives an empty
 * checklist that is not saved.
 */
export function loadChecklist(storage: StorageLike | null, articlePath: string): Loaded {
  if (storage === null) return { state: emptyChecklist(), problem: 'unavailable', canSave: false };
  try {
    const current = storage.getItem(storageKey(articlePath));
    if (current !== null) {
      const state = parseStored(current);
      return state ? { state, problem: null, canSave: true } : unreadable(current);
    }
    const older = storage.getItem(storageKey(articlePath, 1));
    if (older === null) return { state: emptyChecklist(), problem: null, canSave: true };
    const state = parseStored(older);
    if (state === null) return unreadable(older);
    if (saveChecklist(storage, articlePath, state)) storage.removeItem(storageKey(articlePath, 1));
    return { state, problem: null, canSave: true };
  } catch {
    return { state: emptyChecklist(), problem: 'unavailable', canSave: false };
  }
}

/**
 * Removes this article's checklist ("Start over"), under every version's key:
 * an older key left behind would be migrated back on the next load.
 */
export function clearChecklist(storage: StorageLike | null, articlePath: string): boolean {
  if (storage === null) return false;
  try {
    for (let version = 1; version <= STORAGE_VERSION; version += 1)
      storage.removeItem(storageKey(articlePath, version));
    return true;
  } catch {
    return false;
  }
}
