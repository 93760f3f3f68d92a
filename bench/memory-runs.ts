import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { MemoryReport } from "./measure-memory.js";

export interface MemoryFigures {
  inputBytes: number;
  /** Highest heap in use during parse + analyze, above the heap before it (input string included there). */
  peakHeapGrowth: number;
  /** Heap held by the transcript and the analysis once garbage is collected. */
  retainedHeap: number;
  /** Process peak RSS minus RSS just before the parse; 0 when the earlier peak (start-up) was higher. */
  peakRssGrowth: number;
  gcsDuringRun: number;
}

const childScript = fileURLToPath(new URL("./measure-memory.ts", import.meta.url));
const MB = 1024 * 1024; // --trace-gc prints MB of 2^20 bytes

/** `... Scavenge 10.7 (14.9) -> 10.3 (16.2) MB, ...`: heap in use before and after one collection. */
const GC_LINE =
  /: (?:Scavenge|Mark-Compact|Mark-Sweep|Minor Mark-Sweep|Minor Mark-Compact)\b.*? ([\d.]+) \(([\d.]+)\) -> ([\d.]+) \(([\d.]+)\) MB/;

/**
 * Parses and analyses the text once in a fresh node process (same loader as this one, plus --expose-gc
 * and --trace-gc). The heap peak is exact up to the trace's 0.1 MB: heap use only grows between
 * collections, so its maxima are the "before" figures of the collections during the run, or its end.
 * With the default young generation (up to 16 MB per semi-space) that peak includes garbage not yet
 * collected; maxSemiSpaceMb: 1 makes V8 collect it early, so the peak comes close to the live peak.
 */
export function measureMemory(text: string, manager: string | null, options: { maxSemiSpaceMb?: number } = {}): MemoryFigures {
  const dir = mkdtempSync(join(tmpdir(), "attune-bench-"));
  try {
    const file = join(dir, "input.vtt");
    writeFileSync(file, text);
    const gcFlags = ["--expose-gc", "--trace-gc", ...(options.maxSemiSpaceMb ? [`--max-semi-space-size=${options.maxSemiSpaceMb}`] : [])];
    const args = [...process.execArgv, ...gcFlags, childScript, file, ...(manager ? [manager] : [])];
    const child = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 64 * MB });
    if (child.status !== 0) throw new Error(`memory run failed (${child.status}): ${child.stderr}`);
    const lines = child.stdout.split("\n");
    const reportLine = lines.find((line) => line.startsWith("MEMORY "));
    if (!reportLine) throw new Error(`memory run printed no report:\n${child.stdout.slice(0, 2000)}`);
    const report = JSON.parse(reportLine.slice("MEMORY ".length)) as MemoryReport;
    // The run sits between the last two forced collections ("testing" in the trace).
    const gcLines = lines.filter((line) => GC_LINE.test(line));
    const forced = gcLines.flatMap((line, i) => (line.includes("testing") ? [i] : []));
    if (forced.length < 2) throw new Error("expected forced collections in the --trace-gc output");
    const window = gcLines.slice(forced[forced.length - 2]! + 1, forced[forced.length - 1]! + 1);
    let peak = report.endHeap;
    for (const line of window) peak = Math.max(peak, Number(GC_LINE.exec(line)![1]) * MB);
    return {
      inputBytes: report.inputBytes,
      peakHeapGrowth: peak - report.baselineHeap,
      retainedHeap: report.retainedHeap,
      peakRssGrowth: Math.max(0, report.maxRss - report.rssBefore),
      gcsDuringRun: window.length - 1,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
