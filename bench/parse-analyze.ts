/**
 * Benchmark of parseTranscript + analyze on real AMI meetings and generated long Teams meetings,
 * against two WebVTT libraries parsing the same text, plus heap use of 1 h vs 8 h. `npm run bench`.
 * Prints figures only: no pass/fail, machines are shared and noisy.
 */
import { readFileSync } from "node:fs";
import { cpus } from "node:os";
import { analyze } from "../src/metrics/analyze.js";
import { parseTranscript } from "../src/transcript/parse-transcript.js";
import type { Transcript } from "../src/transcript/schema.js";
import { amiFixtureDir, amiInputs, generatedInputs, memorySpecs, repoRoot, type BenchInput } from "./bench-inputs.js";
import { generateTeamsMeeting } from "./generate-meeting.js";
import { timeInterleaved, type TimedTask } from "./median-timer.js";
import { measureMemory } from "./memory-runs.js";
import { fmtBytes, fmtMs, fmtRate, fmtRatio, textTable } from "./text-table.js";
import { webvttLibraries } from "./webvtt-baselines.js";

interface Measured {
  input: BenchInput;
  transcript: Transcript;
  rounds: number;
  parseAnalyzeMs: number;
  parseMs: number;
  analyzeMs: number;
  libraryMs: Map<string, number>;
}

function parseOrThrow(input: BenchInput): Transcript {
  const result = parseTranscript(input.text);
  if (!result.ok) throw new Error(`${input.name}: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Cues listed with an earlier start than the cue before them. */
function outOfOrderCues(text: string): number {
  let count = 0;
  let previous = -1;
  for (const match of text.matchAll(/^(\d+):(\d\d):(\d\d)\.(\d{3}) -->/gm)) {
    const ms = ((Number(match[1]) * 60 + Number(match[2])) * 60 + Number(match[3])) * 1000 + Number(match[4]);
    if (ms < previous) count++;
    previous = ms;
  }
  return count;
}

function measure(input: BenchInput): Measured {
  const transcript = parseOrThrow(input);
  const manager = input.manager;
  const utterances = transcript.utterances;
  const tasks: TimedTask[] = [
    {
      name: "parse+analyze",
      run: () => {
        const parsed = parseTranscript(input.text);
        return parsed.ok ? analyze({ utterances: parsed.value.utterances, manager }).utterances : -1;
      },
    },
    {
      name: "parse",
      run: () => {
        const parsed = parseTranscript(input.text);
        return parsed.ok ? parsed.value.cueCount : -1;
      },
    },
    { name: "analyze", run: () => analyze({ utterances, manager }).speakers.length },
    ...webvttLibraries.map((library) => ({
      name: library.name,
      run: () => {
        try {
          return library.parse(input.text);
        } catch {
          return -1;
        }
      },
    })),
  ];
  const timing = timeInterleaved(tasks);
  const libraryMs = new Map(webvttLibraries.map((library) => [library.name, timing.medianMs.get(library.name)!]));
  return {
    input,
    transcript,
    rounds: timing.rounds,
    parseAnalyzeMs: timing.medianMs.get("parse+analyze")!,
    parseMs: timing.medianMs.get("parse")!,
    analyzeMs: timing.medianMs.get("analyze")!,
    libraryMs,
  };
}

function wordCount(transcript: Transcript): number {
  let words = 0;
  for (const u of transcript.utterances) words += u.text.split(" ").length;
  return words;
}

function main(): void {
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  console.log(`Attune parse + analyze benchmark — node ${process.version}, ${cpu}, ${cpus().length} CPUs`);
  const amiDir = amiFixtureDir();
  console.log(`AMI fixtures: ${amiDir ? amiDir.replace(repoRoot, "") : "not found (test/fixtures/ami or ../shared/fixtures/ami)"}`);
  const inputs: BenchInput[] = [...amiInputs(), ...generatedInputs()];

  // Inputs
  const transcripts = inputs.map(parseOrThrow);
  console.log("\nInputs (all in the Teams download shape: BOM, <guid>/<n>-<k> ids, <v Name> spans, entities)");
  console.log(
    textTable(
      ["input", "size", "cues", "utterances", "speakers", "minutes", "KB/min", "words/min", "cues out of start order"],
      inputs.map((input, i) => {
        const t = transcripts[i]!;
        const minutes = t.utterances.reduce((max, u) => Math.max(max, u.endMs), 0) / 60_000;
        return [
          input.name,
          fmtBytes(input.bytes),
          String(t.cueCount),
          String(t.utterances.length),
          String(new Set(t.utterances.map((u) => u.speaker)).size),
          minutes.toFixed(1),
          (input.bytes / 1e3 / minutes).toFixed(2),
          (wordCount(t) / minutes).toFixed(0),
          String(outOfOrderCues(input.text)),
        ];
      }),
    ),
  );

  // Timing
  const results: Measured[] = [];
  for (const input of inputs) results.push(measure(input));
  console.log("\nAttune: median wall time after warm-up (ms); rates are for parse + analyze; MB = 10^6 bytes");
  console.log(
    textTable(
      ["input", "runs", "parse+analyze", "parse", "analyze", "cues/s", "MB/s", "goal"],
      results.map((r) => {
        const goal = r.input.goalMs === undefined ? "" : `< ${r.input.goalMs} ms: ${r.parseAnalyzeMs < r.input.goalMs ? "met" : "NOT met"}`;
        return [
          r.input.name,
          String(r.rounds),
          fmtMs(r.parseAnalyzeMs),
          fmtMs(r.parseMs),
          fmtMs(r.analyzeMs),
          fmtRate((r.transcript.cueCount / r.parseAnalyzeMs) * 1000),
          (r.input.bytes / 1e6 / (r.parseAnalyzeMs / 1000)).toFixed(1),
          goal,
        ];
      }),
    ),
  );

  // Baselines
  console.log("\nBaseline: the same text parsed by WebVTT libraries (parse only; medians in ms from the same interleaved rounds).");
  console.log("ratio = Attune parseTranscript / library (below 1: Attune is faster). Attune's parse also strips tags, decodes");
  console.log("all HTML entities and merges chunks into utterances. cues: '=' when the library's cue count equals Attune's cueCount.");
  console.log("err = problems webvtt-parser reports (here: cues whose start is before the previous cue's start).");
  const [w3c, nodeLib] = webvttLibraries;
  const libraryCells = (library: (typeof webvttLibraries)[number] | undefined, r: Measured): string[] => {
    if (!library) return ["", "", "", ""];
    const outcome = library.outcome(r.input.text);
    if (!outcome.ok) return ["threw", "", outcome.reason, ""];
    const ms = r.libraryMs.get(library.name)!;
    const cues = outcome.cues === r.transcript.cueCount ? `= ${outcome.cues}` : `${outcome.cues} (Attune ${r.transcript.cueCount})`;
    return [fmtMs(ms), fmtRatio(r.parseMs / ms), cues, String(outcome.errors)];
  };
  console.log(
    textTable(
      ["input", "Attune parse", w3c?.name ?? "", "ratio", "cues", "err", nodeLib?.name ?? "", "ratio", "cues"],
      results.map((r) => [r.input.name, fmtMs(r.parseMs), ...libraryCells(w3c, r), ...libraryCells(nodeLib, r).slice(0, 3)]),
    ),
  );
  const graphDocs = `${repoRoot}test/fixtures/teams/graph-docs-style.vtt`;
  try {
    const text = readFileSync(graphDocs, "utf8");
    const attune = parseTranscript(text);
    const outcomes = webvttLibraries.map((library) => {
      const outcome = library.outcome(text);
      return `${library.name}: ${outcome.ok ? `${outcome.cues} cues, ${outcome.errors} errors` : `threw (${outcome.reason})`}`;
    });
    console.log(
      `\nNot compared: Graph short form (0:0:5.320), test/fixtures/teams/graph-docs-style.vtt: Attune ${attune.ok ? `${attune.value.cueCount} cues` : attune.error.code}; ${outcomes.join("; ")}`,
    );
  } catch {
    // fixture absent: nothing to note
  }

  // Memory
  console.log("\nMemory: a fresh node process per input and setting (--expose-gc --trace-gc), one parse + analyze each.");
  console.log("peak = highest heap in use during the run minus the heap before it (input string already loaded), read from");
  console.log("the GC trace; 'default GC' lets up to 16 MB of young garbage pile up, '1 MB young gen' (--max-semi-space-size=1)");
  console.log("collects it early, so that figure is close to the live peak. retained = heap held by transcript + analysis after GC.");
  const runs = memorySpecs.map(({ name, spec }) => {
    const meeting = generateTeamsMeeting(spec);
    const byDefault = measureMemory(meeting.text, meeting.manager);
    const small = measureMemory(meeting.text, meeting.manager, { maxSemiSpaceMb: 1 });
    return { name, cues: meeting.cues, byDefault, small };
  });
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
  const times = (bytes: number, input: number) => `${(bytes / input).toFixed(1)}x`;
  console.log(
    textTable(
      [
        "input",
        "size",
        "cues",
        "peak, default GC",
        "peak, 1 MB young gen",
        "per input byte",
        "retained",
        "per input byte",
        "peak RSS growth",
      ],
      runs.map(({ name, cues, byDefault, small }) => [
        name,
        fmtBytes(small.inputBytes),
        String(cues),
        mb(byDefault.peakHeapGrowth),
        mb(small.peakHeapGrowth),
        times(small.peakHeapGrowth, small.inputBytes),
        mb(small.retainedHeap),
        times(small.retainedHeap, small.inputBytes),
        mb(byDefault.peakRssGrowth),
      ]),
    ),
  );
  const realistic = runs.filter((run) => !run.name.includes("dense"));
  const steps = realistic.slice(1).map((run, i) => {
    const prev = realistic[i]!;
    const dInput = run.small.inputBytes - prev.small.inputBytes;
    const peak = (run.small.peakHeapGrowth - prev.small.peakHeapGrowth) / dInput;
    const kept = (run.small.retainedHeap - prev.small.retainedHeap) / dInput;
    return `${prev.name.replace("generated ", "")} -> ${run.name.replace("generated ", "")}: peak +${peak.toFixed(1)}, retained +${kept.toFixed(1)}`;
  });
  console.log(`Bytes of heap per added input byte (1 MB young gen; about constant = linear): ${steps.join("; ")}`);
  const one = realistic[0];
  const eight = realistic[realistic.length - 1];
  if (one && eight && one !== eight) {
    const ratio = (a: number, b: number) => `x${(a / b).toFixed(1)}`;
    console.log(
      `8 h vs 1 h: input ${ratio(eight.small.inputBytes, one.small.inputBytes)}, peak heap ${ratio(eight.small.peakHeapGrowth, one.small.peakHeapGrowth)}, ` +
        `retained ${ratio(eight.small.retainedHeap, one.small.retainedHeap)}`,
    );
  }
}

main();
