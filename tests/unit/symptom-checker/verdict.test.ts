import { describe, expect, it } from 'vitest';
import {
  CHANGE_PASSWORD_ARTICLE_PATH,
  INTRUDER_CHANGES_ARTICLE_PATH,
  MAIN_ARTICLE_PATH,
  PASSWORD_ARTICLE_PATH,
  RISK_FACTORS,
  STEPS,
  SYMPTOMS,
  type RiskFactorId,
  remedyOf,
  type SymptomId,
} from '../../../src/lib/compromise/items';
import { accessOf, firstMoves } from '../../../src/lib/compromise/order';
import { readArticles, readContract } from '../../support/articles';
import type { Role } from '../../../src/lib/kit/role';
import type { CheckerState } from '../../../src/lib/symptom-checker/state';
import { getVerdict, type Verdict } from '../../../src/lib/symptom-checker/verdict';

const SYMPTOM_IDS = SYMPTOMS.map((symptom) => symptom.id);
const RISK_IDS = RISK_FACTORS.map((risk) => risk.id);
const ROLES: Role[] = ['user', 'admin'];
const STEP_IDS: string[] = STEPS.map((step) => step.id);

function state(symptoms: SymptomId[], risks: RiskFactorId[] = [], role: Role = 'user'): CheckerState {
  return { symptoms, risks, role };
}

function keys(verdict: Verdict): string[] {
  return verdict.actions.map((action) => action.key);
}

/**
 * The action keys the rules of issues 3, 13 and 22 call for, written
 * independently of the implementation except for the first two, which the
 * order table decides (tests/unit/compromise/order.test.ts pins that table):
 * then closing the intruder's way back and the fixes for rules and reply-to,
 * which need webmail, so a disabled mailbox gets them only once restored;
 * then the article's steps in order, with the restore step only for a
 * disabled mailbox, after the password and the scans; then what to check
 * after the steps; then the ticked risks.
 */
function expectedKeys(symptoms: SymptomId[], risks: RiskFactorId[], role: Role): string[] {
  const has = (id: SymptomId) => symptoms.includes(id);
  const disabled = has('symptom-mailbox-disabled');
  const first: string[] = firstMoves(role, accessOf(symptoms)).map((move) => move.key);
  const inWebmail = [
    'check-security',
    ...(has('symptom-forwarding-rules') ? ['remove-forwarding-rules'] : []),
    ...(has('symptom-reply-to-changed') ? ['restore-reply-to'] : []),
  ];
  return [
    ...first,
    ...(disabled ? [] : inWebmail),
    ...(first.includes('step-scan-devices') ? [] : ['step-scan-devices']),
    ...(disabled ? ['step-restore-access', ...inWebmail] : []),
    'step-alert-others',
    'step-blocklist-sender',
    'step-educate-users',
    'after-the-steps',
    ...RISK_IDS.filter((id) => risks.includes(id)),
  ];
}

/** Checks every compromised verdict must pass, whatever was ticked. */
function expectCompromised(verdict: Verdict, symptoms: SymptomId[], risks: RiskFactorId[], role: Role): void {
  expect(verdict.severity).toBe('compromised');
  expect(verdict.label).toBe('Compromised');
  expect(verdict.headline).toMatch(/compromised and act now/);
  expect(keys(verdict)).toEqual(expectedKeys(symptoms, risks, role));
  expect(verdict.summary).toContain(`${verdict.actions.length} things`);
  expect(verdict.brief).toBe(`Compromised: ${verdict.actions.length} things to do`);

  // The article's steps appear in the article's order.
  const stepKeys = keys(verdict).filter((key) => STEP_IDS.includes(key));
  expect(stepKeys).toEqual(STEP_IDS.filter((id) => stepKeys.includes(id)));

  for (const action of verdict.actions) {
    expect(action.text.length).toBeGreaterThan(5);
    expect(action.detail.length).toBeGreaterThan(5);
    // An administrator's blocklist links to the domain-wide path, which the step only names.
    const domainBlocklist = role === 'admin' && action.key === 'step-blocklist-sender';
    if ((STEP_IDS.includes(action.key) && !domainBlocklist) || RISK_IDS.includes(action.key as RiskFactorId)) {
      expect(action.href).toBe(`#${action.key}`);
    }
  }

  const restore = verdict.actions.find((action) => action.key === 'step-restore-access');
  if (symptoms.includes('symptom-mailbox-disabled')) {
    expect(restore?.warning).toMatch(/only after the password has been changed and every device has been scanned/);
    expect(restore?.text).toMatch(role === 'admin' ? /^Restore access/ : /^Ask your administrator/);
  }

  // Who acts first: a user who can sign in changes the password, then tells the administrator; anyone else needs a reset.
  const [first, second] = verdict.actions;
  const lockedOut = symptoms.includes('symptom-password-changed') || symptoms.includes('symptom-mailbox-disabled');
  if (!lockedOut) {
    expect(first!.href).toBe('#step-change-password');
    if (role === 'user') expect(second).toMatchObject({ key: 'alert-administrator', href: '#step-alert-others' });
  } else if (role === 'admin') {
    expect(first).toMatchObject({
      key: 'reset-password',
      href: `${CHANGE_PASSWORD_ARTICLE_PATH}#change-password-as-administrator`,
    });
    expect(first!.text).toMatch(/^Reset the password in the Cloud Office Control Panel/);
  } else {
    expect(first).toMatchObject({ key: 'reset-password', href: `${CHANGE_PASSWORD_ARTICLE_PATH}#cannot-sign-in` });
    expect(first!.text).toMatch(/^Ask your administrator to reset/);
    expect(first!.detail).toMatch(/whoever runs your company/);
  }
  expect(keys(verdict)).toContain('check-security');
  expect(verdict.actions.find((action) => action.key === 'check-security')!.href).toBe(
    `${INTRUDER_CHANGES_ARTICLE_PATH}#check-security`,
  );

  const alert = verdict.actions.find((action) => action.key === 'step-alert-others')!;
  expect(alert.text).toMatch(role === 'admin' ? /users/ : /colleagues/);
  const blocklist = verdict.actions.find((action) => action.key === 'step-blocklist-sender')!;
  if (role === 'admin') {
    expect(blocklist.text).toMatch(/for the whole domain/);
    expect(blocklist.href).toMatch(/#blocklist-for-the-domain$/);
  } else expect(blocklist.text).not.toMatch(/domain/);
  // What not to block: a shared provider IP, a hijacked colleague's address.
  expect(blocklist.detail).toMatch(/shared IP address.*warn them instead/);
}

describe('getVerdict', () => {
  it('gives a neutral prompt and no verdict when nothing is ticked', () => {
    for (const role of ROLES) {
      const verdict = getVerdict(state([], [], role));
      expect(verdict.severity).toBe('none');
      expect(verdict.label).toBe('');
      expect(verdict.actions).toEqual([]);
      expect(verdict.headline).toMatch(/^Tick/);
      expect(verdict.brief).toBe('');
    }
  });

  describe('every single symptom', () => {
    for (const symptom of SYMPTOM_IDS) {
      for (const role of ROLES) {
        it(`${symptom} (${role})`, () => {
          expectCompromised(getVerdict(state([symptom], [], role)), [symptom], [], role);
        });
      }
    }
  });

  describe('every pair of symptoms', () => {
    for (const [index, a] of SYMPTOM_IDS.entries()) {
      for (const b of SYMPTOM_IDS.slice(index + 1)) {
        for (const role of ROLES) {
          it(`${a} + ${b} (${role})`, () => {
            expectCompromised(getVerdict(state([a, b], [], role)), [a, b], [], role);
            // The order of ticking does not matter.
            expect(getVerdict(state([b, a], [], role))).toEqual(getVerdict(state([a, b], [], role)));
          });
        }
      }
    }
  });

  it('puts the restore step, with its warning, after the scan only when the mailbox was disabled', () => {
    const verdict = getVerdict(state(['symptom-mailbox-disabled'], [], 'admin'));
    expect(keys(verdict).slice(0, 3)).toEqual(['reset-password', 'step-scan-devices', 'step-restore-access']);
    expect(getVerdict(state(['symptom-bounce-messages'])).actions.some((action) => action.warning)).toBe(false);
  });

  it('a user whose mailbox was disabled asks the administrator for a reset first, and never changes the password alone', () => {
    const verdict = getVerdict(state(['symptom-mailbox-disabled'], [], 'user'));
    expect(verdict.actions.slice(0, 4).map(({ key, text }) => [key, text])).toEqual([
      ['reset-password', 'Ask your administrator to reset the password now'],
      ['step-scan-devices', 'Scan every device you use for mail'],
      ['step-restore-access', 'Ask your administrator to restore access to the mailbox'],
      ['check-security', 'Check the recovery method, trusted devices and multi-factor method'],
    ]);
    expect(verdict.actions[0]!.detail).toMatch(/cannot change it yourself/);
    expect(keys(verdict)).not.toContain('step-change-password');
  });

  it('a user whose password was changed asks for a reset first, then scans', () => {
    const verdict = getVerdict(state(['symptom-password-changed', 'symptom-bounce-messages'], [], 'user'));
    expect(keys(verdict).slice(0, 3)).toEqual(['reset-password', 'step-scan-devices', 'check-security']);
  });

  it('tells a user who can sign in to change the password first, then to tell the administrator at once', () => {
    const verdict = getVerdict(state(['symptom-unfamiliar-email'], [], 'user'));
    expect(keys(verdict).slice(0, 4)).toEqual([
      'step-change-password',
      'alert-administrator',
      'check-security',
      'step-scan-devices',
    ]);
    expect(verdict.actions[1]!.text).toBe('Then tell your administrator at once');
    expect(verdict.actions.find((action) => action.key === 'step-alert-others')!.text).toBe('Warn your colleagues');
  });

  it('puts the way back and the rule and reply-to fixes right after the first two actions, linking to the new article', () => {
    for (const role of ROLES) {
      const verdict = getVerdict(state(['symptom-forwarding-rules', 'symptom-reply-to-changed'], [], role));
      const after = keys(verdict).slice(2, 5);
      expect(after).toEqual(['check-security', 'remove-forwarding-rules', 'restore-reply-to']);
      expect(verdict.actions[3]).toMatchObject({
        text: 'Remove the forwarding and filters you did not set up',
        href: `${INTRUDER_CHANGES_ARTICLE_PATH}#check-forwarding`,
      });
      expect(verdict.actions[4]).toMatchObject({
        text: 'Put your own reply-to address back',
        href: `${INTRUDER_CHANGES_ARTICLE_PATH}#check-identities`,
      });
    }
  });

  it('with a disabled mailbox, closes the way back and undoes the forwarding and reply-to only once access is restored (webmail needs it)', () => {
    const symptoms: SymptomId[] = ['symptom-mailbox-disabled', 'symptom-forwarding-rules', 'symptom-reply-to-changed'];
    for (const role of ROLES) {
      const verdict = getVerdict(state(symptoms, [], role));
      expect(keys(verdict).slice(0, 6)).toEqual([
        'reset-password',
        'step-scan-devices',
        'step-restore-access',
        'check-security',
        'remove-forwarding-rules',
        'restore-reply-to',
      ]);
    }
    expect(getVerdict(state(symptoms, [], 'admin')).actions[2]!.text).toBe(
      'Restore access to the mailbox in the Control Panel',
    );
  });

  it('ends the steps with what to check after them', () => {
    const verdict = getVerdict(state(['symptom-bounce-messages']));
    expect(verdict.actions.at(-1)).toMatchObject({ key: 'after-the-steps', href: '#after-the-steps' });
  });

  it('with every symptom and every risk, lists everything once', () => {
    const verdict = getVerdict(state([...SYMPTOM_IDS], [...RISK_IDS], 'admin'));
    expectCompromised(verdict, [...SYMPTOM_IDS], [...RISK_IDS], 'admin');
    expect(new Set(keys(verdict)).size).toBe(verdict.actions.length);
  });

  it('adds the ticked risks, as things to do with their advice, after the steps of a compromise', () => {
    const verdict = getVerdict(state(['symptom-unfamiliar-email'], ['risk-public-wifi', 'risk-weak-password']));
    expect(keys(verdict).slice(-2)).toEqual(['risk-weak-password', 'risk-public-wifi']);
    expect(verdict.actions.at(-1)).toMatchObject({
      text: 'Stop signing in over public Wi-Fi',
      detail: RISK_FACTORS.find((risk) => risk.id === 'risk-public-wifi')!.advice,
    });
  });

  it('words every risk as an action, never as the habit itself', () => {
    const verdict = getVerdict(state([], [...RISK_IDS]));
    for (const risk of RISK_FACTORS) {
      const action = verdict.actions.find((candidate) => candidate.key === risk.id)!;
      expect(action.text).toBe(risk.action);
      expect(action.text).not.toBe(risk.label);
      expect(action.text).toMatch(/^(Stop|Replace|Check) /);
    }
  });

  describe('risks only', () => {
    for (const risk of RISK_IDS) {
      it(`${risk}: at risk, not necessarily compromised`, () => {
        const verdict = getVerdict(state([], [risk]));
        expect(verdict.severity).toBe('at-risk');
        expect(verdict.label).toBe('At risk');
        expect(verdict.headline).toMatch(/not necessarily compromised/i);
        expect(keys(verdict)).toEqual([risk, 'password-guide']);
        expect(verdict.brief).toBe('At risk: 2 things to do');
        expect(verdict.actions[0]!.href).toBe(`#${risk}`);
        expect(verdict.actions[1]!.href).toBe(`${PASSWORD_ARTICLE_PATH}#password-best-practices`);
      });
    }

    it('lists every ticked risk in the article order', () => {
      const verdict = getVerdict(state([], ['risk-public-wifi', 'risk-delayed-updates']));
      expect(keys(verdict)).toEqual(['risk-delayed-updates', 'risk-public-wifi', 'password-guide']);
    });

    it('asks an administrator to remind users', () => {
      const admin = getVerdict(state([], ['risk-public-computer'], 'admin'));
      expect(keys(admin)).toEqual(['risk-public-computer', 'password-guide', 'step-educate-users']);
      expect(admin.actions.at(-1)!.href).toBe('#step-educate-users');
    });
  });

  it('changes who does what with the role', () => {
    for (const symptom of SYMPTOM_IDS) {
      const user = getVerdict(state([symptom], [], 'user'));
      const admin = getVerdict(state([symptom], [], 'admin'));
      expect(keys(admin)).not.toContain('alert-administrator');
      const shared = keys(admin).filter((key) => keys(user).includes(key));
      expect(shared.map((key) => user.actions.find((action) => action.key === key)!.text)).not.toEqual(
        shared.map((key) => admin.actions.find((action) => action.key === key)!.text),
      );
    }
  });

  it('ignores unknown and repeated ids', () => {
    const messy = {
      symptoms: ['symptom-nope', 'symptom-bounce-messages', 'symptom-bounce-messages'],
      risks: ['risk-x'],
      role: 'root',
    } as unknown as CheckerState;
    expect(getVerdict(messy)).toEqual(getVerdict(state(['symptom-bounce-messages'])));
  });

  it('links every action to an id its page publishes (front matter and published-anchors.json)', () => {
    const articles = readArticles();
    const contract = readContract();
    const published = (path: string) => {
      const article = articles.find((candidate) => candidate.path === path);
      return new Set([...(article?.frontmatter.anchors ?? []), ...(contract[path] ?? [])]);
    };
    // Every combination of symptoms, for both roles, with no risk, one risk and every risk.
    const hrefs = new Set<string>();
    for (let mask = 0; mask < 2 ** SYMPTOM_IDS.length; mask += 1) {
      const symptoms = SYMPTOM_IDS.filter((_, index) => mask & (1 << index));
      for (const role of ROLES) {
        for (const risks of [[], [RISK_IDS[0]!], [...RISK_IDS]]) {
          for (const action of getVerdict(state(symptoms, risks, role)).actions) hrefs.add(action.href);
        }
      }
    }
    expect(hrefs.size).toBeGreaterThan(SYMPTOM_IDS.length);
    for (const href of hrefs) {
      const match = /^(\/docs\/[a-z0-9-]+\/)?#([a-z0-9-]+)$/.exec(href);
      expect(match, href).not.toBeNull();
      const path = match![1] ?? MAIN_ARTICLE_PATH;
      expect(published(path).has(match![2]!), href).toBe(true);
      // Published in both places, so the id is a lasting contract.
      expect(contract[path], href).toContain(match![2]);
    }
  });

  it("links the article's symptom list to the same remedies as the checker", () => {
    for (const symptom of SYMPTOMS) {
      const remedy = remedyOf(symptom.id);
      if (remedy === undefined) continue;
      expect(remedy.href.startsWith(INTRUDER_CHANGES_ARTICLE_PATH), symptom.id).toBe(true);
      const verdict = getVerdict(state([symptom.id]));
      expect(
        verdict.actions.some((action) => action.href === remedy.href && action.text === remedy.text),
        symptom.id,
      ).toBe(true);
    }
    expect(SYMPTOMS.filter((symptom) => remedyOf(symptom.id)).map((symptom) => symptom.id)).toEqual([
      'symptom-forwarding-rules',
      'symptom-reply-to-changed',
    ]);
  });
});
