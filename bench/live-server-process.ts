/**
 * One Attune server for `npm run bench:live`, forked with an IPC channel: it reports its address, then answers
 * "stats" with its CPU time and memory after a full garbage collection. Entry script: it reads process.env.
 */
import { createLogger } from "../src/log.js";
import { startAttune } from "../src/main.js";

const started = await startAttune(process.env, { log: createLogger("warn") });
if (!started.ok) {
  process.send?.({ type: "failed", problems: started.problems });
  process.exit(1);
}
const { attune } = started;
process.send?.({ type: "ready", url: attune.url });
process.on("message", async (message: { type: string }) => {
  if (message.type === "stats" || message.type === "cpu") {
    // Memory is measured after a full collection; CPU alone ("cpu") must not pause the server mid-run.
    if (message.type === "stats") (globalThis as { gc?: () => void }).gc?.();
    const memory = process.memoryUsage();
    process.send?.({
      type: "stats",
      cpu: process.cpuUsage(),
      rss: memory.rss,
      heapUsed: memory.heapUsed,
      external: memory.external,
      ...attune.live.hub.stats(),
    });
  } else if (message.type === "stop") {
    await attune.close();
    process.exit(0);
  }
});
