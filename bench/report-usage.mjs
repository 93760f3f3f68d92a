// Preloaded into a benchmarked process (node --import): at exit, writes the process's own CPU time and peak
// RSS as one JSON line to the file named by ATTUNE_BENCH_USAGE. Plain JavaScript, so it needs no loader.
import { writeFileSync } from "node:fs";

const file = process.env.ATTUNE_BENCH_USAGE;
if (file) {
  process.on("exit", () => {
    const cpu = process.cpuUsage();
    writeFileSync(file, JSON.stringify({ cpuMs: (cpu.user + cpu.system) / 1000, maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
  });
}
