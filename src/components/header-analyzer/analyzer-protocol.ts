/** Messages between the header analyzer and its parser worker. */
import type { AnalysisOutcome } from '../../lib/headers/analyze';

export interface AnalyzeRequest {
  /** Rises with every request; the analyzer shows only the answer to its latest. */
  seq: number;
  text: string;
}

export type AnalyzeResponse = { seq: number; outcome: AnalysisOutcome } | { seq: number; error: string };
