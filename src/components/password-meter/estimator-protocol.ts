/** Messages between the meter and its estimator worker. */
import type { Assessment } from '../../lib/password/assess';
import type { PasswordContext } from '../../lib/password/context';

export interface EstimateRequest {
  /** Rises with every keystroke; the meter shows only the answer to its latest request. */
  seq: number;
  password: string;
  context: PasswordContext;
}

export type EstimateResponse =
  | { seq: number; assessment: Assessment; /** Time spent in assessPassword, for the benchmark. */ elapsedMs: number }
  | { seq: number; error: string };
