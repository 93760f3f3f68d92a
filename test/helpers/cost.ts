/**
 * Cost checks that hold on a busy machine: the fastest of a few runs (load only ever adds time), and
 * deadlines far above the linear cost and far below the super-linear one they guard against.
 */
export function fastestMs(run: () => unknown, runs = 3): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    run();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

/** The least CPU time (user + system, in ms) of a few runs: time spent waiting for a busy CPU is not counted. */
export function fastestCpuMs(run: () => unknown, runs = 5): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const started = process.cpuUsage();
    run();
    const used = process.cpuUsage(started);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

/**
 * How much more CPU `run` takes on input `factor` times larger: about `factor` when the cost is linear, about
 * `factor²` when it is quadratic. A floor of 1 ms keeps timer noise on tiny runs from looking like growth.
 */
export function growth(make: (size: number) => string, run: (input: string) => unknown, size: number, factor = 4): number {
  const small = make(size);
  const large = make(size * factor);
  run(small); // warm-up: the first call pays for compiling and caches
  return (
    Math.max(
      1,
      fastestCpuMs(() => run(large)),
    ) /
    Math.max(
      1,
      fastestCpuMs(() => run(small)),
    )
  );
}
