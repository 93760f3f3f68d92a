/** The IPC answer of a bench server process: CPU time and memory ("stats" first collects garbage; "cpu" must not pause it). */
export function answerStats(message: { type: string }, extra: () => { meetings: number; stateBytes: number }): boolean {
  if (message.type !== "stats" && message.type !== "cpu") return false;
  if (message.type === "stats") (globalThis as { gc?: () => void }).gc?.();
  const memory = process.memoryUsage();
  process.send?.({
    type: "stats",
    cpu: process.cpuUsage(),
    rss: memory.rss,
    heapUsed: memory.heapUsed,
    external: memory.external,
    ...extra(),
  });
  return true;
}
