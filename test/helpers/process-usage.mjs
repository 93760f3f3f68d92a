// Preloaded into a child process by tests (node --import): when ATTUNE_TEST_USAGE names a file, records every
// module the process imports (one URL a line, in FILE.imports) and, at exit, its CPU time and peak RSS as JSON
// in FILE. Plain JavaScript, so it runs before any loader.
import { writeFileSync } from "node:fs";
import { register } from "node:module";

const file = process.env.ATTUNE_TEST_USAGE;
if (file) {
  writeFileSync(`${file}.imports`, "");
  register(new URL("./record-imports-hooks.mjs", import.meta.url), { data: { file: `${file}.imports` } });
  process.on("exit", () => {
    const cpu = process.cpuUsage();
    writeFileSync(file, JSON.stringify({ cpuMs: (cpu.user + cpu.system) / 1000, maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
  });
}
