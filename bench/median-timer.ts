/** Wall-clock timing of several functions, interleaved round by round so that drift hits all alike. */

export interface TimedTask {
  name: string;
  /** Returns a number that depends on the work done, so the work cannot be optimised away. */
  run: () => number;
}

export interface TimingOptions {
  /** Warm-up rounds run before measuring (at least this many, and at least warmupMs of them). */
  warmupRounds: number;
  warmupMs: number;
  /** Measured rounds: enough to fill budgetMs, within [minRounds, maxRounds]. */
  budgetMs: number;
  minRounds: number;
  maxRounds: number;
}

export const defaultTimingOptions: TimingOptions = { warmupRounds: 5, warmupMs: 300, budgetMs: 1500, minRounds: 15, maxRounds: 201 };

export interface TimingResult {
  rounds: number;
  /** Median milliseconds per task, by task name. */
  medianMs: Map<string, number>;
  /** Sum of the tasks' return values, printed so the runs have an observable effect. */
  checksum: number;
}

export function timeInterleaved(tasks: readonly TimedTask[], options: TimingOptions = defaultTimingOptions): TimingResult {
  let checksum = 0;
  const warmupStart = performance.now();
  let warmups = 0;
  let roundMs = 0;
  while (warmups < options.warmupRounds || performance.now() - warmupStart < options.warmupMs) {
    const t0 = performance.now();
    for (const task of tasks) checksum += task.run();
    roundMs = performance.now() - t0;
    warmups++;
  }
  const rounds = Math.min(options.maxRounds, Math.max(options.minRounds, Math.ceil(options.budgetMs / Math.max(roundMs, 0.001))));
  const samples = tasks.map(() => new Float64Array(rounds));
  for (let r = 0; r < rounds; r++) {
    for (let t = 0; t < tasks.length; t++) {
      const t0 = performance.now();
      checksum += tasks[t]!.run();
      samples[t]![r] = performance.now() - t0;
    }
  }
  const medianMs = new Map<string, number>();
  for (const [t, task] of tasks.entries()) medianMs.set(task.name, median(samples[t]!));
  return { rounds, medianMs, checksum };
}

export function median(values: Float64Array | readonly number[]): number {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  if (n === 0) return NaN;
  return n % 2 === 1 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
}
