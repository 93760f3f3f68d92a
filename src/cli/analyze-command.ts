import { basename } from "node:path";
import { parseArgs } from "node:util";
import type { ReportInput } from "../rendering/report-input.js";
import { defaultParseLimits } from "../transcript/index.js";
import { coachTranscript, describeCoachFailure } from "../usecases/coach-transcript.js";
import { createContext } from "./context.js";
import { pickRenderer, secondsOption } from "./options.js";
import { readInput } from "./read-input.js";
import { refuseArchive } from "./word-document.js";
import { EXIT_OK, UsageError, type CliIo } from "./io.js";

export const analyzeUsage = `Usage: attune analyze <file|-> [options]

Reads a Teams transcript (WebVTT download or Graph shape, metadataContent, or a JSON array
of { speaker, start, end, text }) and prints its listening report.

Options:
  --manager NAME            whose listening to measure (exact name, or a unique part of it)
  --coach                   add coaching: the moments where the manager could have shown they
                            listened, a restatement for each, and one habit (needs --manager).
                            Uses the model in OPENAI_* when set, else the heuristic coach.
  --format text|json|markdown|card|html   output format (default text); card prints the
                            Adaptive Card the manager receives (implies --coach); html is a
                            self-contained page with the meeting timeline, to keep or print
                            (with --manager it coaches too)
  --monologue-seconds N     a floor held this long is a monologue (default 60)
  --join-gap-seconds N      same-speaker pauses up to N s stay one turn (default 2)
  --save                    store the meeting, its analysis and coaching for 'attune trend' and
                            'attune prep' (embedded database in ATTUNE_DATA_DIR, or DATABASE_URL)
  --title TEXT, --date ISO  the stored meeting's title (default: the file name) and date (default:
                            the transcript's own start time, else now)
  -h, --help                show this help`;

type Render = (input: ReportInput) => string;

/** Each format's renderer, imported when that format is asked for. */
const renderers: Record<string, () => Promise<Render>> = {
  text: async () => (await import("../rendering/text-report.js")).textReport,
  json: async () => {
    const { jsonReport } = await import("../rendering/json-report.js");
    return (input) => JSON.stringify(jsonReport(input), null, 2);
  },
  markdown: async () => (await import("../rendering/markdown-report.js")).markdownReport,
  card: async () => {
    const { coachingCard } = await import("../cards/coaching-card.js");
    // The card the manager would receive (no buttons: there is no stored meeting to act on).
    return (input) => {
      if (!input.coaching) throw new Error("the card needs coaching; --format card implies --coach");
      const card = coachingCard({ title: input.source, date: null, analysis: input.analysis, coaching: input.coaching });
      return JSON.stringify(card, null, 2);
    };
  },
  html: async () => (await import("../rendering/html-report.js")).htmlReport,
};

export async function analyzeCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      manager: { type: "string" },
      coach: { type: "boolean", default: false },
      save: { type: "boolean", default: false },
      title: { type: "string" },
      date: { type: "string" },
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
  const loadRenderer = pickRenderer(renderers, format);
  const coach = values.coach || format === "card" || (format === "html" && values.manager !== undefined);
  if (coach && values.manager === undefined)
    throw new UsageError(`${values.coach ? "--coach" : "--format card"} needs --manager NAME: whose listening to coach`);
  const metrics = {
    ...(values["monologue-seconds"] !== undefined && { monologueMs: secondsOption("--monologue-seconds", values["monologue-seconds"]) }),
    ...(values["join-gap-seconds"] !== undefined && { joinGapMs: secondsOption("--join-gap-seconds", values["join-gap-seconds"]) }),
  };
  const path = positionals[0]!;
  const text = await readInput(path, io, defaultParseLimits.maxBytes);
  const source = path === "-" ? "stdin" : basename(path);
  refuseArchive(text, source);
  const date = values.date === undefined ? null : parseDate(values.date);
  const context = createContext(io);
  try {
    const coached = await coachTranscript(text, {
      manager: values.manager ?? null,
      ...((coach || values.save) && { coach: () => context.coachDeps() }),
      metrics,
    });
    if (!coached.ok) throw new UsageError(describeCoachFailure(coached.error, { source, manager: "--manager" }));
    const { transcript, analysis, coaching } = coached.value;
    if (values.save) {
      const title = values.title ?? source;
      const { storage } = context.config;
      const db = await context.db();
      const { saveCoachedMeeting } = await import("../usecases/save-coached-meeting.js");
      const saved = await saveCoachedMeeting(
        db,
        { source: "cli", tenantId: storage.tenant, text, title, date, retentionDays: storage.retentionDays },
        coached.value,
      );
      const where = db.kind === "pglite" ? `the embedded database in ${storage.dataDir}` : "PostgreSQL";
      io.stderr(saved.created ? `attune: saved '${title}' to ${where}` : `attune: '${title}' was already saved; nothing changed`);
    }
    const input: ReportInput = {
      analysis,
      source,
      format: transcript.format,
      cueCount: transcript.cueCount,
      utterances: transcript.utterances,
    };
    if (coach && coaching) input.coaching = coaching;
    io.stdout((await loadRenderer())(input));
  } finally {
    await context.close();
  }
  return EXIT_OK;
}

function parseDate(raw: string): string {
  const ms = Date.parse(raw);
  if (Number.isNaN(ms)) throw new UsageError(`--date takes an ISO date or date-time like 2026-11-25 or 2026-11-25T14:00:00Z, not '${raw}'`);
  return new Date(ms).toISOString();
}
