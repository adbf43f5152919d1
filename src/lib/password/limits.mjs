/**
 * How far the estimator looks. Plain JavaScript: the estimator, the meter's
 * messages and the benchmark under Node all read it.
 */

/** Characters the estimator analyses; the rest of a longer password counts only toward its length. */
export const ANALYSED_LENGTH_CAP = 100;

/**
 * zxcvbn tries every combination of look-alike substitutions up to this many;
 * the library's default (100) costs seconds on long inputs full of digits.
 */
export const L33T_MAX_SUBSTITUTIONS = 16;
