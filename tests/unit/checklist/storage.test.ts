import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SYMPTOMS } from '../../../src/lib/compromise/items';
import { applyHandoff } from '../../../src/lib/checklist/handoff';
import {
  missingPrerequisites,
  normalizeChecklist,
  emptyChecklist,
  setNote,
  addDevice,
  setStepDone,
  setSubtaskDone,
  shownSubtasks,
  answerMailboxDisabled,
  answerMalwareFound,
  type ChecklistState,
} from '../../../src/lib/checklist/state';
import { SUBTASKS, TRACKED_STEP_IDS, isTrackedStepId } from '../../../src/lib/checklist/steps';
import {
  clearChecklist,
  loadChecklist,
  parseStored,
  saveChecklist,
  serializeChecklist,
  storageKey,
  type StorageLike,
} from '../../../src/lib/checklist/storage';

const PATH = '/docs/secure-a-compromised-rackspace-email-mailbox/';
const T = 1_780_000_000_000;

class MemoryStorage implements StorageLike {
  items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const throwing: StorageLike = {
  getItem() {
    throw new DOMException('denied', 'SecurityError');
  },
  setItem() {
    throw new DOMException('denied', 'SecurityError');
  },
  removeItem() {
    throw new DOMException('denied', 'SecurityError');
  },
};

/** Every rule a state must keep, whatever produced it. */
function expectValid(state: ChecklistState) {
  expect(['user', 'admin']).toContain(state.role);
  for (const answer of [state.mailboxDisabled, state.malwareFound]) expect([null, 'yes', 'no']).toContain(answer);
  for (const [id, time] of Object.entries(state.done)) {
    expect(isTrackedStepId(id), id).toBe(true);
    expect(Number.isInteger(time) && time >= 0).toBe(true);
  }
  for (const [id, time] of Object.entries(state.subtasks)) {
    // Only a sub-task the signs noticed call for keeps a tick.
    expect(
      shownSubtasks(state).map((sub) => sub.id),
      id,
    ).toContain(id);
    expect(Number.isInteger(time) && time >= 0).toBe(true);
  }
  for (const [id, note] of Object.entries(state.notes)) {
    expect(isTrackedStepId(id), id).toBe(true);
    expect(typeof note === 'string' && note.length <= 500 && note.trim() !== '').toBe(true);
  }
  if (state.malwareFound !== 'yes') expect(state.done['step-change-password-again']).toBeUndefined();
  if (state.done['step-restore-access'] !== undefined) {
    expect(state.mailboxDisabled).not.toBe('no');
    expect(missingPrerequisites(state)).toEqual([]);
  }
  expect(state.devices.length).toBeLessThanOrEqual(12);
  expect(new Set(state.devices.map((device) => device.id)).size).toBe(state.devices.length);
  for (const device of state.devices) expect(device.name.length > 0 && device.name.length <= 60).toBe(true);
  const known = SYMPTOMS.map((symptom) => symptom.id);
  expect(state.symptoms).toEqual(known.filter((id) => state.symptoms.includes(id)));
  expect(serializeChecklist(state)).toBe(serializeChecklist(normalizeChecklist(state)));
}

/** A state built through the transitions, as the island would. */
function sampleState(): ChecklistState {
  let state = answerMailboxDisabled(emptyChecklist(), 'yes');
  state = answerMalwareFound(state, 'yes');
  state = setStepDone(state, 'step-change-password', true, T);
  state = setStepDone(state, 'step-scan-devices', true, T + 60_000);
  state = addDevice(state, 'Office laptop');
  state = setNote(state, 'step-blocklist-sender', 'IP 203.0.113.7 "quoted" \\ back\nline two');
  return { ...state, role: 'admin', handoff: '?symptoms=mailbox-disabled&role=admin' };
}

describe('serialisation', () => {
  it('round-trips a state through JSON unchanged', () => {
    const state = sampleState();
    expect(parseStored(serializeChecklist(state))).toEqual(state);
    expect(parseStored(serializeChecklist(emptyChecklist()))).toEqual(emptyChecklist());
  });

  it('writes one versioned key per article', () => {
    const storage = new MemoryStorage();
    expect(saveChecklist(storage, PATH, sampleState())).toBe(true);
    expect([...storage.items.keys()]).toEqual([`mailbox-rescue:checklist:v2:${PATH}`]);
    expect(JSON.parse(storage.items.get(storageKey(PATH))!).version).toBe(2);
    expect(loadChecklist(storage, PATH)).toEqual({ state: sampleState(), problem: null, canSave: true });
    expect(loadChecklist(storage, '/docs/another/').state).toEqual(emptyChecklist());
  });

  it('round-trips any state the transitions can produce', () => {
    const action = fc.oneof(
      fc.tuple(fc.constant('tick' as const), fc.constantFrom(...TRACKED_STEP_IDS), fc.boolean(), fc.nat()),
      fc.tuple(fc.constant('mailbox' as const), fc.constantFrom('yes' as const, 'no' as const, null)),
      fc.tuple(fc.constant('malware' as const), fc.constantFrom('yes' as const, 'no' as const, null)),
      fc.tuple(fc.constant('note' as const), fc.constantFrom(...TRACKED_STEP_IDS), fc.string({ maxLength: 40 })),
      fc.tuple(fc.constant('device' as const), fc.string({ maxLength: 20 })),
      fc.tuple(fc.constant('handoff' as const), fc.subarray(SYMPTOMS.map((symptom) => symptom.id))),
      fc.tuple(
        fc.constant('subtask' as const),
        fc.constantFrom(...SUBTASKS.map((sub) => sub.id)),
        fc.boolean(),
        fc.nat(),
      ),
    );
    fc.assert(
      fc.property(fc.array(action, { maxLength: 30 }), (actions) => {
        let state = emptyChecklist();
        for (const [kind, a, b, c] of actions) {
          if (kind === 'tick') state = setStepDone(state, a, b, c);
          else if (kind === 'mailbox') state = answerMailboxDisabled(state, a);
          else if (kind === 'malware') state = answerMalwareFound(state, a);
          else if (kind === 'note') state = setNote(state, a, b);
          else if (kind === 'handoff') state = applyHandoff(state, { symptoms: a, risks: [], role: 'user' });
          else if (kind === 'subtask') state = setSubtaskDone(state, a, b, c);
          else state = addDevice(state, a);
        }
        expectValid(state);
        expect(parseStored(serializeChecklist(state))).toEqual(state);
      }),
    );
  });
});

describe('migration', () => {
  it('moves a version 1 checklist to the current key, in the current shape', () => {
    const storage = new MemoryStorage();
    storage.setItem(
      storageKey(PATH, 1),
      JSON.stringify({
        version: 1,
        role: 'administrator',
        completed: {
          'step-change-password': '2026-11-02T09:15:00.000Z',
          'step-restore-access': '2026-11-02T09:20:00.000Z',
          'step-nope': 'x',
        },
        mailboxDisabled: true,
        malwareFound: false,
        notes: { 'step-blocklist-sender': 'Blocked 198.51.100.4' },
        devices: ['Laptop', 42, 'Phone'],
      }),
    );
    const loaded = loadChecklist(storage, PATH);
    expect(loaded.problem).toBeNull();
    expect(loaded.state).toEqual({
      ...emptyChecklist(),
      role: 'admin',
      mailboxDisabled: 'yes',
      malwareFound: 'no',
      done: { 'step-change-password': Date.parse('2026-11-02T09:15:00.000Z') },
      // The old draft let the restore be ticked too early: the migrated checklist reopens it.
      reopened: { step: 'step-restore-access', because: 'step-scan-devices' },
      notes: { 'step-blocklist-sender': 'Blocked 198.51.100.4' },
      devices: [
        { id: 'device-1', name: 'Laptop', scannedAt: null },
        { id: 'device-2', name: 'Phone', scannedAt: null },
      ],
    });
    expect(storage.getItem(storageKey(PATH, 1))).toBeNull();
    expect(parseStored(storage.getItem(storageKey(PATH))!)).toEqual(loaded.state);
  });

  it('prefers the current key to an older one', () => {
    const storage = new MemoryStorage();
    storage.setItem(storageKey(PATH, 1), JSON.stringify({ version: 1, role: 'administrator' }));
    saveChecklist(storage, PATH, emptyChecklist());
    expect(loadChecklist(storage, PATH).state.role).toBe('user');
  });
});

describe('hostile storage', () => {
  it('reports garbage and unknown versions as unreadable, and the page can save over them', () => {
    for (const raw of [
      '',
      'garbage{',
      'null',
      '[]',
      '42',
      '{"version":"3","done":{}}',
      '{"version":0}',
      '{"done":{}}',
    ]) {
      const storage = new MemoryStorage();
      storage.setItem(storageKey(PATH), raw);
      expect(loadChecklist(storage, PATH), raw).toEqual({
        state: emptyChecklist(),
        problem: 'unreadable',
        canSave: true,
      });
    }
  });

  it('salvages the good fields of a damaged version 2 value', () => {
    const state = parseStored(
      JSON.stringify({
        version: 2,
        role: 'root',
        mailboxDisabled: 'maybe',
        malwareFound: 'no',
        done: { 'step-change-password': T, 'step-scan-devices': -1, 'step-alert-others': 1.5, __proto__: 1 },
        notes: { 'step-alert-others': '<script>x</script>', 'step-x': 'lost' },
        devices: [{ id: 'device-1', name: 'A' }, { id: 'device-1', name: 'dup' }, { id: '../x', name: 'bad' }, 'str'],
        symptoms: ['symptom-mailbox-disabled', 'symptom-bounce-messages', 'nope'],
        reopened: { step: 'step-alert-others', because: 'step-change-password' },
      }),
    )!;
    expect(state).toEqual({
      ...emptyChecklist(),
      malwareFound: 'no',
      done: { 'step-change-password': T },
      notes: { 'step-alert-others': '<script>x</script>' },
      devices: [{ id: 'device-1', name: 'A', scannedAt: null }],
      symptoms: ['symptom-bounce-messages', 'symptom-mailbox-disabled'],
    });
  });

  it('loads a version 2 checklist saved before sub-tasks existed, losing nothing', () => {
    const fields = {
      role: 'admin' as const,
      mailboxDisabled: 'no',
      malwareFound: null,
      done: { 'step-change-password': T },
      notes: { 'step-alert-others': 'Told the team' },
      devices: [{ id: 'device-1', name: 'Laptop', scannedAt: T }],
      symptoms: ['symptom-forwarding-rules'],
      reopened: null,
      handoff: '?symptoms=forwarding-rules&role=admin',
    };
    const storage = new MemoryStorage();
    storage.setItem(storageKey(PATH), JSON.stringify({ version: 2, ...fields }));
    const loaded = loadChecklist(storage, PATH);
    expect(loaded).toEqual({ state: { ...fields, subtasks: {} }, problem: null, canSave: true });
    // The sub-task shows, open, with the two every checklist has; once ticked it is saved and read back.
    expect(shownSubtasks(loaded.state).map((sub) => sub.id)).toEqual([
      'check-security',
      'remove-intruder-changes',
      'after-the-steps',
    ]);
    const ticked = setSubtaskDone(loaded.state, 'remove-intruder-changes', true, T + 1);
    saveChecklist(storage, PATH, ticked);
    expect(JSON.parse(storage.getItem(storageKey(PATH))!).subtasks).toEqual({ 'remove-intruder-changes': T + 1 });
    expect(loadChecklist(storage, PATH).state).toEqual(ticked);
  });

  it('ignores damaged sub-task ticks, and the ticks of a sub-task its signs do not call for, keeping the rest', () => {
    const base = { version: 2, done: { 'step-scan-devices': T }, symptoms: ['symptom-reply-to-changed'] };
    for (const subtasks of [
      'yes',
      42,
      null,
      [T],
      { 'remove-intruder-changes': 'today' },
      { 'remove-intruder-changes': -5 },
      { 'remove-intruder-changes': 1.5 },
      { x: T, __proto__: T },
    ]) {
      const state = parseStored(JSON.stringify({ ...base, subtasks }))!;
      expect(state, JSON.stringify(subtasks)).toEqual({
        ...emptyChecklist(),
        done: { 'step-scan-devices': T },
        symptoms: ['symptom-reply-to-changed'],
      });
    }
    const good = parseStored(JSON.stringify({ ...base, subtasks: { 'remove-intruder-changes': T, x: T } }))!;
    expect(good.subtasks).toEqual({ 'remove-intruder-changes': T });
    // Without the signs (here a damaged list), the tick has nothing to belong to.
    expect(
      parseStored(
        JSON.stringify({ ...base, symptoms: 'symptom-reply-to-changed', subtasks: { 'remove-intruder-changes': T } }),
      )!.subtasks,
    ).toEqual({});
  });

  it('never throws and always gives a valid state, whatever JSON is stored', () => {
    const anyStored = fc.oneof(
      fc.json(),
      fc.string(),
      fc
        .jsonValue()
        .map((value) =>
          JSON.stringify({ version: 2, done: value, notes: value, devices: value, reopened: value, role: value }),
        ),
      fc
        .record(
          {
            version: fc.constantFrom(1, 2),
            role: fc.oneof(fc.constantFrom('user', 'admin', 'administrator'), fc.jsonValue()),
            mailboxDisabled: fc.oneof(fc.constantFrom('yes', 'no', true, false), fc.jsonValue()),
            malwareFound: fc.oneof(fc.constantFrom('yes', 'no', true, false), fc.jsonValue()),
            done: fc.dictionary(
              fc.constantFrom(...TRACKED_STEP_IDS, 'x'),
              fc.oneof(fc.integer(), fc.double(), fc.string()),
            ),
            completed: fc.dictionary(
              fc.constantFrom(...TRACKED_STEP_IDS),
              fc.oneof(fc.date().map(String), fc.string()),
            ),
            notes: fc.dictionary(
              fc.constantFrom(...TRACKED_STEP_IDS),
              fc.oneof(fc.string({ maxLength: 800 }), fc.jsonValue()),
            ),
            devices: fc.array(
              fc.oneof(fc.record({ id: fc.string(), name: fc.string(), scannedAt: fc.jsonValue() }), fc.string()),
              { maxLength: 20 },
            ),
            symptoms: fc.oneof(fc.array(fc.string()), fc.subarray(SYMPTOMS.map((symptom) => symptom.id))),
            subtasks: fc.oneof(
              fc.dictionary(
                fc.constantFrom(...SUBTASKS.map((sub) => sub.id), 'x'),
                fc.oneof(fc.integer(), fc.double(), fc.string()),
              ),
              fc.jsonValue(),
            ),
            reopened: fc.jsonValue(),
            handoff: fc.jsonValue(),
          },
          { requiredKeys: ['version'] },
        )
        .map((value) => JSON.stringify(value)),
    );
    fc.assert(
      fc.property(anyStored, fc.boolean(), (raw, asOldVersion) => {
        const storage = new MemoryStorage();
        storage.setItem(storageKey(PATH, asOldVersion ? 1 : 2), raw);
        const loaded = loadChecklist(storage, PATH);
        expectValid(loaded.state);
        expect(loaded.canSave).toBe(loaded.problem !== 'newer');
      }),
      { numRuns: 500 },
    );
  });

  it('keeps working without storage, and reports that nothing can be kept', () => {
    expect(loadChecklist(throwing, PATH)).toEqual({ state: emptyChecklist(), problem: 'unavailable', canSave: false });
    expect(loadChecklist(null, PATH)).toEqual({ state: emptyChecklist(), problem: 'unavailable', canSave: false });
    expect(saveChecklist(throwing, PATH, sampleState())).toBe(false);
    expect(saveChecklist(null, PATH, sampleState())).toBe(false);
    expect(clearChecklist(throwing, PATH)).toBe(false);
  });

  it('reports a full storage on save', () => {
    const full = new MemoryStorage();
    full.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    expect(saveChecklist(full, PATH, sampleState())).toBe(false);
  });

  it('"Start over" removes the key', () => {
    const storage = new MemoryStorage();
    saveChecklist(storage, PATH, sampleState());
    expect(clearChecklist(storage, PATH)).toBe(true);
    expect(storage.items.size).toBe(0);
  });

  it('"Start over" removes the key of every version, so an old value is not migrated back on reload', () => {
    const storage = new MemoryStorage();
    storage.setItem(storageKey(PATH, 1), JSON.stringify({ version: 1, role: 'administrator', devices: ['Laptop'] }));
    saveChecklist(storage, PATH, sampleState());
    storage.setItem(storageKey('/docs/another-article/'), 'kept');
    expect(clearChecklist(storage, PATH)).toBe(true);
    expect([...storage.items.keys()]).toEqual([storageKey('/docs/another-article/')]);
    expect(loadChecklist(storage, PATH).state).toEqual(emptyChecklist());
  });
});

describe('a value saved by a newer version', () => {
  const NEWER = JSON.stringify({ version: 3, steps: { 'step-change-password': { done: T } }, note: 'kept' });

  it.each([
    ['under the current key', 2],
    ['under the old key', 1],
  ])('%s: read as nothing, said so, and never saved over', (_name, keyVersion) => {
    const storage = new MemoryStorage();
    storage.setItem(storageKey(PATH, keyVersion), NEWER);
    const loaded = loadChecklist(storage, PATH);
    expect(loaded).toEqual({ state: emptyChecklist(), problem: 'newer', canSave: false });
    expect(storage.items).toEqual(new Map([[storageKey(PATH, keyVersion), NEWER]]));
  });
});
