/**
 * The shape of the checker's verdict, and the prompt shown while nothing is
 * ticked. Kept apart from verdict.ts so that the island can show the prompt
 * without the rules and their wording (most of its bytes), which it loads
 * with the first answer.
 */

export type Severity = 'none' | 'at-risk' | 'compromised';

export interface VerdictAction {
  /** Stable key: a step id, a risk id, or a name for an extra action. */
  key: string;
  /** What to do: the text of the link. */
  text: string;
  /** Where the article explains it: `#step-*`, `#risk-*` or another article's section. */
  href: string;
  /** One sentence more: why, or how. */
  detail: string;
  /** A caution that must be read before acting. */
  warning?: string;
}

export interface Verdict {
  severity: Severity;
  /** The severity in words; empty when there is no verdict. */
  label: string;
  headline: string;
  summary: string;
  /** The label and the number of actions, short enough to sit beside the controls; empty without a verdict. */
  brief: string;
  /** In the order they must be done. */
  actions: VerdictAction[];
}

export const NO_VERDICT: Verdict = {
  severity: 'none',
  label: '',
  headline: 'Tick anything you have noticed',
  summary: 'You will see at once whether to act, and the steps to take in order.',
  brief: '',
  actions: [],
};
