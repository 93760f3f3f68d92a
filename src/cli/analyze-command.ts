import { basename } from "node:path";
import { parseArgs } from "node:util";
import { coachMeeting } from "../coaching/coach.js";
import { analyze, resolveSpeaker } from "../metrics/index.js";
import { jsonReport } from "../report/json-report.js";
import { markdownReport } from "../report/markdown-report.js";
import type { ReportInput } from "../report/report-input.js";
import { textReport } from "../report/text-report.js";
import { defaultParseLimits, formatTranscriptError, parseTranscript } from "../transcript/index.js";
import { coachDepsFromEnv } from "./coach-deps.js";
import { readInput } from "./read-input.js";
import { EXIT_OK, UsageError, type CliIo } from "./io.js";

export const analyzeUsage = `Usage: attune analyze <file|-> [options]

Reads a Teams transcript (WebVTT download or Graph shape, metadataContent, or a JSON array
of { speaker, start, end, text }) and prints its listening report.

Options:
  --manager NAME            whose listening to measure (exact name, or a unique part of it)
  --coach                   add coaching: the moments where the manager could have shown they
                            listened, a restatement for each, and one habit (needs --manager).
                            Uses the model in OPENAI_* when set, else the heuristic coach.
  --format text|json|markdown|card   output format (default text); card prints the
                            Adaptive Card the manager receives (implies --coach)
  --monologue-seconds N     a floor held this long is a monologue (default 60)
  --join-gap-seconds N      same-speaker pauses up to N s stay one turn (default 2)
  -h, --help                show this help`;

const renderers = {
  text: textReport,
  markdown: markdownReport,
  json: (input: ReportInput) => JSON.stringify(jsonReport(input), null, 2),
  card: (input: ReportInput) => JSON.stringify(cardFor(input), null, 2),
};

function cardFor(input: ReportInput): unknown {
  return { todo: input.source };
}

export async function analyzeCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      manager: { type: "string" },
      coach: { type: "boolean", default: false },
      format: { type: "string", default: "text" },
      "monologue-seconds": { type: "string" },
      "join-gap-seconds": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.stdout(analyzeUsage);
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw new UsageError("analyze takes one transcript file (or - for stdin); see attune analyze --help");
  const format = values.format;
  if (!(format in renderers)) throw new UsageError(`--format must be text, json, markdown or card, not '${format}'`);
  const coach = values.coach || format === "card";
  if (coach && values.manager === undefined) throw new UsageError(`${values.coach ? "--coach" : "--format card"} needs --manager NAME: whose listening to coach`);
  const options = {
    ...(values["monologue-seconds"] !== undefined && { monologueMs: secondsOption("--monologue-seconds", values["monologue-seconds"]) }),
    ...(values["join-gap-seconds"] !== undefined && { joinGapMs: secondsOption("--join-gap-seconds", values["join-gap-seconds"]) }),
  };
  const path = positionals[0]!;
  const text = await readInput(path, io, defaultParseLimits.maxBytes);
  const source = path === "-" ? "stdin" : basename(path);
  const parsed = parseTranscript(text);
  if (!parsed.ok) throw new UsageError(formatTranscriptError(parsed.error, source));
  const transcript = parsed.value;
  let manager: string | null = null;
  if (values.manager !== undefined) {
    const names = [...new Set(transcript.utterances.flatMap((u) => (u.speaker === null ? [] : [u.speaker])))];
    const match = resolveSpeaker(names, values.manager);
    if (!match.ok) throw new UsageError(`--manager: ${match.message}`);
    manager = match.name;
  }
  const analysis = analyze({ utterances: transcript.utterances, manager, options });
  const input: ReportInput = { analysis, source, format: transcript.format, cueCount: transcript.cueCount };
  if (coach && manager !== null) {
    const deps = await coachDepsFromEnv(io.env);
    input.coaching = await coachMeeting({ utterances: transcript.utterances, analysis, manager }, deps);
  }
  io.stdout(renderers[format as keyof typeof renderers](input));
  return EXIT_OK;
}

function secondsOption(name: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || raw.trim() === "") throw new UsageError(`${name} takes a number of seconds, not '${raw}'`);
  return Math.round(value * 1000);
}
