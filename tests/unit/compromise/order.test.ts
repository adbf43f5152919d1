/**
 * The order of the first actions is one table (src/lib/compromise/order.ts).
 * The first test pins that table; the others check that each place which
 * states the order reads it, so a changed order fails the first test only.
 */
import { describe, expect, it } from 'vitest';
import { SYMPTOMS, type SymptomId } from '../../../src/lib/compromise/items';
import {
  ACCESSES,
  ORDER,
  ORDER_PATHS,
  accessOf,
  firstMoves,
  orderSentence,
  type Access,
} from '../../../src/lib/compromise/order';
import { stepViews } from '../../../src/lib/checklist/progress';
import { applyHandoff } from '../../../src/lib/checklist/handoff';
import { emptyChecklist } from '../../../src/lib/checklist/state';
import type { Role } from '../../../src/lib/kit/role';
import { getVerdict } from '../../../src/lib/symptom-checker/verdict';
import { readArticles } from '../../support/articles';

const ROLES: Role[] = ['user', 'admin'];

/** Signs a reader might tick, for each access: any sign at all, or one that locks the owner out. */
const SIGNS: Record<Access, SymptomId[][]> = {
  'can-sign-in': SYMPTOMS.map((symptom) => [symptom.id]).filter((ids) => accessOf(ids) === 'can-sign-in'),
  'cannot-sign-in': [
    ['symptom-password-changed'],
    ['symptom-mailbox-disabled'],
    ['symptom-password-changed', 'symptom-bounce-messages'],
  ],
};

describe('the order of the first actions', () => {
  it('is this table: a user who can sign in changes the password, then tells the administrator; anyone locked out needs the administrator’s reset first', () => {
    const keys = (role: Role, access: Access) => ORDER[role][access].map((move) => move.key);
    expect(keys('user', 'can-sign-in')).toEqual(['step-change-password', 'alert-administrator']);
    expect(keys('user', 'cannot-sign-in')).toEqual(['reset-password', 'step-scan-devices']);
    expect(keys('admin', 'can-sign-in')).toEqual(['step-change-password', 'step-scan-devices']);
    expect(keys('admin', 'cannot-sign-in')).toEqual(['reset-password', 'step-scan-devices']);
    expect(orderSentence('user', 'can-sign-in')).toBe(
      'Change the password in webmail, with your current one, then tell your administrator at once.',
    );
    expect(orderSentence('user', 'cannot-sign-in')).toMatch(/^Ask your administrator to reset the password now, then /);
    expect(orderSentence('admin', 'can-sign-in')).toMatch(
      /^Reset the password in the Cloud Office Control Panel, then /,
    );
  });

  it('counts the owner as locked out only for a changed password or a disabled mailbox', () => {
    const locked = SYMPTOMS.filter((symptom) => accessOf([symptom.id]) === 'cannot-sign-in').map(
      (symptom) => symptom.id,
    );
    expect(locked).toEqual(['symptom-password-changed', 'symptom-mailbox-disabled']);
  });

  for (const role of ROLES) {
    for (const access of ACCESSES) {
      describe(`${role}, ${access}`, () => {
        const [first, second] = firstMoves(role, access);

        it("the checker's first two actions are the table's", () => {
          for (const symptoms of SIGNS[access]) {
            const actions = getVerdict({ symptoms, risks: [], role }).actions.slice(0, 2);
            expect(
              actions.map(({ key, text, href }) => ({ key, text, href })),
              symptoms.join(),
            ).toEqual([first, second].map(({ key, text, href }) => ({ key, text, href })));
          }
        });

        it("the checklist's first step says the table's sentence", () => {
          for (const symptoms of SIGNS[access]) {
            const checklist = applyHandoff(emptyChecklist(), { symptoms, risks: [], role });
            const [step] = stepViews(checklist);
            expect(step!.id).toBe('step-change-password');
            expect(step!.text.startsWith(orderSentence(role, access)), step!.text).toBe(true);
          }
          // Before anything is known, step 1 gives every path of the role, in the table's order.
          const [unknown] = stepViews({ ...emptyChecklist(), role });
          expect(unknown!.text).toContain(orderSentence(role, access));
        });
      });
    }
  }

  it("the checklist's step 1 says where to turn when stuck: who the administrator is, and Rackspace support", () => {
    const text = (role: Role, symptoms: SymptomId[]) =>
      stepViews(applyHandoff(emptyChecklist(), { symptoms, risks: [], role }))[0]!.text;
    expect(text('user', ['symptom-password-changed'])).toMatch(/Not sure who that is\? Ask whoever runs/);
    expect(text('user', ['symptom-bounce-messages'])).not.toMatch(/Not sure who/);
    for (const symptoms of [['symptom-password-changed'], ['symptom-bounce-messages']] as SymptomId[][]) {
      expect(text('admin', symptoms)).toMatch(
        /Locked out of the Control Panel\? Contact Rackspace support by chat, phone or a ticket\./,
      );
    }
  });

  it("the article's step 1 and the Do-this-now block list the table's paths (the component renders ORDER_PATHS)", () => {
    const main = readArticles().find((article) => article.slug === 'secure-a-compromised-rackspace-email-mailbox')!;
    const stepOne = /<Step id="step-change-password">([\s\S]*?)<\/Step>/.exec(main.body)![1]!;
    // Step 1 states the order through the component, not in words of its own that could drift.
    expect(stepOne).toMatch(/<OrderPaths\b/);
    expect(stepOne).not.toMatch(/only an administrator|you need the current password/i);
    expect(ORDER_PATHS.map(({ role, access }) => `${role}/${access}`)).toEqual([
      'user/can-sign-in',
      'user/cannot-sign-in',
      'admin/can-sign-in',
    ]);
  });
});
