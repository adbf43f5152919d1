/**
 * What the symptom checker knows about a reader: the signs they ticked, the
 * risk factors they ticked and whether they are a user or an administrator.
 * Ids are those of src/lib/compromise/items.ts (the article's own ids), so the
 * checker and the article can never disagree.
 */
import { RISK_FACTORS, SYMPTOMS, type RiskFactorId, type SymptomId } from '../compromise/items';
import type { Role } from '../kit/role';

export interface CheckerState {
  /** Ticked symptoms, unique, in the article's order. */
  symptoms: SymptomId[];
  /** Ticked risk factors, unique, in the article's order. */
  risks: RiskFactorId[];
  role: Role;
}

export const SYMPTOM_IDS: readonly SymptomId[] = SYMPTOMS.map((symptom) => symptom.id);
const RISK_IDS: readonly RiskFactorId[] = RISK_FACTORS.map((risk) => risk.id);

export function emptyState(): CheckerState {
  return { symptoms: [], risks: [], role: 'user' };
}

/** Known ids of `all` that occur in `picked`, once each, in the order of `all`. */
function pick<T extends string>(all: readonly T[], picked: Iterable<string>): T[] {
  const wanted = new Set(picked);
  return all.filter((id) => wanted.has(id));
}

/** Drops unknown and repeated ids and puts the rest in the article's order. */
export function normalizeState(state: {
  symptoms?: Iterable<string>;
  risks?: Iterable<string>;
  role?: string;
}): CheckerState {
  return {
    symptoms: pick(SYMPTOM_IDS, state.symptoms ?? []),
    risks: pick(RISK_IDS, state.risks ?? []),
    role: state.role === 'admin' ? 'admin' : 'user',
  };
}

/** The state with one id ticked or unticked. */
export function toggle(state: CheckerState, id: SymptomId | RiskFactorId, on: boolean): CheckerState {
  const isSymptom = id.startsWith('symptom-');
  const current: string[] = isSymptom ? state.symptoms : state.risks;
  const next = on ? [...current, id] : current.filter((candidate) => candidate !== id);
  return normalizeState(isSymptom ? { ...state, symptoms: next } : { ...state, risks: next });
}

export function hasAnswers(state: CheckerState): boolean {
  return state.symptoms.length > 0 || state.risks.length > 0;
}
