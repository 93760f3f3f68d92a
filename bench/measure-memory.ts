/**
 * Child process of the benchmark: parses and analyses one VTT file once and reports heap figures as one
 * JSON line. Run with --expose-gc (and --trace-gc, so the parent can find the heap peak between the
 * forced collections). Usage: measure-memory.ts <file.vtt> [manager]
 */
import { readFileSync } from "node:fs";
import { analyze } from "../src/metrics/analyze.js";
import { parseTranscript } from "../src/transcript/parse-transcript.js";
import { generateTeamsMeeting } from "./generate-meeting.js";

export interface MemoryReport {
  inputBytes: number;
  /** Heap in use after two forced collections, input string already loaded. */
  baselineHeap: number;
  /** Heap in use right after parse + analyze, before any forced collection. */
  endHeap: number;
  /** Heap still in use after a forced collection, while the transcript and analysis are held. */
  retainedHeap: number;
  rssBefore: number;
  maxRss: number;
  utterances: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

function main(): void {
  const [file, manager] = process.argv.slice(2);
  if (!file || !gc) {
    console.error("usage: node --expose-gc --trace-gc --import tsx bench/measure-memory.ts <file.vtt> [manager]");
    process.exit(2);
  }
  const text = readFileSync(file, "utf8");
  // Warm up on a small meeting so that compiling the parser is not counted as its memory.
  const warm = parseTranscript(generateTeamsMeeting({ minutes: 10, seed: 7 }).text);
  if (warm.ok) analyze({ utterances: warm.value.utterances, manager: null });

  gc();
  gc();
  const baselineHeap = process.memoryUsage().heapUsed;
  const rssBefore = process.memoryUsage().rss;
  const parsed = parseTranscript(text);
  const analysis = parsed.ok ? analyze({ utterances: parsed.value.utterances, manager: manager ?? null }) : null;
  const endHeap = process.memoryUsage().heapUsed;
  gc();
  const retainedHeap = process.memoryUsage().heapUsed - baselineHeap;
  const report: MemoryReport = {
    inputBytes: Buffer.byteLength(text),
    baselineHeap,
    endHeap,
    retainedHeap,
    rssBefore,
    maxRss: process.resourceUsage().maxRSS * 1024,
    utterances: parsed.ok && analysis ? parsed.value.utterances.length : -1,
  };
  process.stdout.write(`MEMORY ${JSON.stringify(report)}\n`);
}

main();
