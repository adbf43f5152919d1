/**
 * A user can change their own password in webmail while they know it; an
 * administrator can reset any mailbox's password. Nothing on the site may say
 * or imply that only an administrator can change or reset one (facts sheet,
 * "Order for a user"). This reads the sources and every message the checker
 * and the checklist can produce; tests/e2e/advice.spec.ts reads the built pages.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RISK_FACTORS, SYMPTOMS, type SymptomId } from '../../../src/lib/compromise/items';
import { ONLY_ADMIN_CLAIMS, onlyAdminClaims } from '../../support/only-admin-claims';
import { stepViews } from '../../../src/lib/checklist/progress';
import { applyHandoff } from '../../../src/lib/checklist/handoff';
import { answerMailboxDisabled, emptyChecklist } from '../../../src/lib/checklist/state';
import type { Role } from '../../../src/lib/kit/role';
import { getVerdict } from '../../../src/lib/symptom-checker/verdict';

const SRC = join(import.meta.dirname, '../../../src');
const ROLES: Role[] = ['user', 'admin'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|astro|mdx|md|json)$/.test(name) ? [path] : [];
  });
}

/** Every action text the checker can show, and every step and sub-task line the checklist can show. */
function messages(): string[] {
  const symptomIds: SymptomId[] = SYMPTOMS.map((symptom) => symptom.id);
  const texts: string[] = [];
  for (let mask = 0; mask < 2 ** symptomIds.length; mask += 1) {
    const symptoms = symptomIds.filter((_, index) => mask & (1 << index));
    for (const role of ROLES) {
      const verdict = getVerdict({ symptoms, risks: RISK_FACTORS.map((risk) => risk.id), role });
      texts.push(verdict.headline, verdict.summary);
      for (const action of verdict.actions) texts.push(action.text, action.detail, action.warning ?? '');
      for (const disabled of ['yes', 'no'] as const) {
        const checklist = answerMailboxDisabled(
          applyHandoff(emptyChecklist(), { symptoms, risks: [], role }),
          disabled,
        );
        for (const view of stepViews(checklist)) {
          texts.push(view.title, view.text, ...view.subtasks.flatMap((sub) => [sub.title, sub.text]));
        }
      }
    }
  }
  return texts;
}

describe('no sentence says only an administrator can change or reset a password', () => {
  it('the patterns catch the claims they are for, and not the true sentences', () => {
    for (const claim of [
      'Only an administrator can reset passwords and restore access.',
      'only administrators can change a mailbox password',
      'The password can only be changed by your administrator.',
      'Only your admin is able to reset it.',
    ]) {
      expect(onlyAdminClaims(claim), claim).not.toEqual([]);
    }
    for (const truth of [
      'An administrator can set a new password without knowing the old one.',
      'Users change it in webmail; only an administrator can restore access to a disabled mailbox.',
      'Ask your administrator to reset the password now.',
    ]) {
      expect(onlyAdminClaims(truth), truth).toEqual([]);
    }
    expect(ONLY_ADMIN_CLAIMS.length).toBeGreaterThan(0);
  });

  it('in the sources (articles, components, message tables)', () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      expect(onlyAdminClaims(readFileSync(file, 'utf8')), file).toEqual([]);
    }
  });

  it('in every message the checker and the checklist can produce', () => {
    const texts = messages();
    expect(texts.length).toBeGreaterThan(1000);
    expect(texts.flatMap(onlyAdminClaims)).toEqual([]);
  });
});
