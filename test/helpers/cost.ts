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
 * How much more CPU `run` takes per unit of input on input `factor` times larger, times `factor`: about `factor`
 * when the cost is linear, about `factor²` when it is quadratic. Both sides do the same amount of work (the small
 * input `factor` times as often), so the heap, the collector and timer noise weigh alike on each: a single run on
 * a large input pays the old generation's collections a small one never meets, which reads as growth on a busy
 * machine.
 */
export function growth(make: (size: number) => string, run: (input: string) => unknown, size: number, factor = 4, repeats = 4): number {
  const small = make(size);
  const large = make(size * factor);
  run(small); // warm-up: the first call pays for compiling and caches
  run(large);
  const largeMs = fastestCpuMs(() => {
    for (let i = 0; i < repeats; i++) run(large);
  });
  const smallMs = fastestCpuMs(() => {
    for (let i = 0; i < repeats * factor; i++) run(small);
  });
  return (Math.max(1, largeMs) / Math.max(1, smallMs)) * factor;
}
