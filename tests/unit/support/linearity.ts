/**
 * A linearity harness: no time limit is asserted. Each input's CPU time is
 * measured at size n, 2n and 4n (best of several runs, which shrugs off a busy
 * machine), and the smaller of the two ratios must stay well under 4, what a
 * quadratic parser shows. Used by the legacy import's and the header
 * analyzer's linearity tests.
 */

/** CPU time (user + system, ms) of the fastest of `runs` runs: a busy machine delays a run but adds little CPU time to it. */
export function bestOf(runs: number, work: () => unknown): number {
  let best = Infinity;
  for (let i = 0; i < runs; i += 1) {
    const start = process.cpuUsage();
    work();
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

/**
 * How time grows when the input doubles: CPU time at n, 2n and 4n (best of
 * three each), and the smaller of the two ratios, so one garbage-collection
 * pause cannot fake a quadratic. Linear work gives about 2, quadratic about 4.
 * n starts at `n0` and doubles until one run takes at least 20 ms of CPU.
 */
export function doublingRatio(make: (n: number) => string, work: (input: string) => unknown, n0: number): number {
  let n = n0;
  while (bestOf(1, () => work(make(n))) < 20 && n < n0 * 256) n *= 2;
  const [t1, t2, t4] = [n, 2 * n, 4 * n].map((size) => {
    const input = make(size);
    return bestOf(3, () => work(input));
  }) as [number, number, number];
  return Math.min(t2 / t1, t4 / t2);
}

/** Below this ratio the work is taken as linear. */
export const LINEAR_LIMIT = 3;
