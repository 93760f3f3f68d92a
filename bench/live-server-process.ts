/**
 * One Attune server for `npm run bench:live`, forked with an IPC channel: it reports its address, then answers
 * "stats" with its CPU time and memory after a full garbage collection. Entry script: it reads process.env.
 */
import { createLogger } from "../src/log.js";
import { startAttune } from "../src/main.js";
import { answerStats } from "./process-stats.js";

const started = await startAttune(process.env, { log: createLogger("warn") });
if (!started.ok) {
  process.send?.({ type: "failed", problems: started.error.problems });
  process.exit(1);
}
const attune = started.value;
process.send?.({ type: "ready", url: attune.url });
process.on("message", async (message: { type: string }) => {
  if (answerStats(message, () => attune.live.hub.stats())) return;
  if (message.type === "stop") {
    await attune.close();
    process.exit(0);
  }
});
