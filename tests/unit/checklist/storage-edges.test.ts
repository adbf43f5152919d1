/**
 * The edges of reading stored progress, where mutation testing (npm run test:mutation) showed
 * that a changed bound or a dropped check would pass the other tests: what is read back from
 * localStorage is attacker-controlled, so each limit is pinned on both sides.
 */
import { describe, expect, it } from 'vitest';
import {
  clearChecklist,
  loadChecklist,
  parseStored,
  saveChecklist,
  storageKey,
  type StorageLike,
} from '../../../src/lib/checklist/storage';
import { MAX_DEVICES, emptyChecklist } from '../../../src/lib/checklist/state';
import { TRACKED_STEP_IDS } from '../../../src/lib/checklist/steps';

const PATH = '/docs/secure-a-compromised-rackspace-email-mailbox/';
const STEP = TRACKED_STEP_IDS[0]!;
const v2 = (fields: Record<string, unknown>) => parseStored(JSON.stringify({ version: 2, ...fields }))!;
const v1 = (fields: Record<string, unknown>) => parseStored(JSON.stringify({ version: 1, ...fields }))!;

class MemoryStorage implements StorageLike {
  items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
  removeItem = (key: string) => void this.items.delete(key);
}

describe('stored times', () => {
  it('keeps a whole number of ms from 0 to 8.64e15, and nothing outside', () => {
    expect(v2({ done: { [STEP]: 0 } }).done[STEP]).toBe(0);
    expect(v2({ done: { [STEP]: 8.64e15 } }).done[STEP]).toBe(8.64e15);
    for (const bad of [-1, 8.64e15 + 1, 1.5, '5', null])
      expect(v2({ done: { [STEP]: bad } }).done[STEP], String(bad)).toBeUndefined();
  });

  it('reads a version 1 time only from an ISO string', () => {
    expect(v1({ completed: { [STEP]: '2026-11-02T09:15:00.000Z' } }).done[STEP]).toBe(
      Date.parse('2026-11-02T09:15:00.000Z'),
    );
    // Date.parse(12345) would read a year: a number is not a version 1 time.
    expect(v1({ completed: { [STEP]: 12345 } }).done[STEP]).toBeUndefined();
  });
});

describe('stored devices', () => {
  const device = (n: number, name = `Device ${n}`) => ({ id: `device-${n}`, name, scannedAt: null });

  it(`keeps at most ${MAX_DEVICES}`, () => {
    const many = Array.from({ length: MAX_DEVICES + 3 }, (_, i) => device(i + 1));
    expect(v2({ devices: many }).devices.map((d) => d.id)).toEqual(many.slice(0, MAX_DEVICES).map((d) => d.id));
  });

  it('accepts only ids that are exactly device-<1 to 6 digits>, as strings', () => {
    const ids = ['device-123456', 'xdevice-1', 'device-1x', 'device-1234567', ['device-7']];
    const read = v2({ devices: ids.map((id, i) => ({ id, name: `D${i}` })) }).devices;
    expect(read.map((d) => d.id)).toEqual(['device-123456']);
  });

  it('drops a device whose name is not text, and trims and flattens the name it keeps', () => {
    const read = v2({ devices: [{ id: 'device-1', name: 42 }, device(2, '  Work\nlaptop  ')] }).devices;
    expect(read).toEqual([{ id: 'device-2', name: 'Work laptop', scannedAt: null }]);
  });

  it('reads version 1 devices only from a list of names', () => {
    expect(v1({ devices: 'Laptop' }).devices).toEqual([]);
    expect(v1({ devices: ['Laptop', 7] }).devices).toEqual([{ id: 'device-1', name: 'Laptop', scannedAt: null }]);
  });
});

describe('other stored fields', () => {
  it('reads signs noticed only from a list', () => {
    expect(v2({ symptoms: 'symptom-mailbox-disabled' }).symptoms).toEqual([]);
  });

  it('keeps a hand-off of up to 512 characters', () => {
    expect(v2({ handoff: 'a'.repeat(512) }).handoff).toBe('a'.repeat(512));
    expect(v2({ handoff: 'a'.repeat(513) }).handoff).toBeNull();
  });

  it('reads version 1 answers only from booleans and its role only from administrator or admin', () => {
    expect(v1({ mailboxDisabled: 'yes', malwareFound: false })).toMatchObject({
      mailboxDisabled: null,
      malwareFound: 'no',
    });
    expect(v1({ role: 'admin' }).role).toBe('admin');
    expect(v1({ role: 'administrator' }).role).toBe('admin');
    expect(v1({ role: 'owner' }).role).toBe('user');
    expect(v1({}).role).toBe('user');
  });
});

describe('a browser without storage, and what load reports', () => {
  it('saves nothing, clears nothing and says progress cannot be kept', () => {
    expect(saveChecklist(null, PATH, emptyChecklist())).toBe(false);
    expect(clearChecklist(null, PATH)).toBe(false);
    expect(loadChecklist(null, PATH)).toEqual({ state: emptyChecklist(), problem: 'unavailable', canSave: false });
  });

  it('with nothing stored: an empty checklist that can be saved, no problem', () => {
    expect(loadChecklist(new MemoryStorage(), PATH)).toEqual({ state: emptyChecklist(), problem: null, canSave: true });
  });

  it('an unreadable older key is reported as unreadable and left alone', () => {
    const storage = new MemoryStorage();
    storage.setItem(storageKey(PATH, 1), '{"version": 1, "completed": ');
    expect(loadChecklist(storage, PATH)).toEqual({ state: emptyChecklist(), problem: 'unreadable', canSave: true });
    expect(storage.getItem(storageKey(PATH))).toBeNull();
  });
});
