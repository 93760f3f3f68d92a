import { basename } from "node:path";
import { parseArgs } from "node:util";
import { clock, parseClock } from "../coaching/practice/turn-at.js";
import { type PracticeReading, practiceReadingSchema } from "../coaching/practice/practice-reading.js";
import { practiceText } from "../rendering/practice-text.js";
import { defaultParseLimits } from "../transcript/schema.js";
import { describeCoachFailure } from "../usecases/coach-transcript.js";
import { type PractiseMeeting, practiseAt, practiseMeeting } from "../usecases/practise-attempt.js";
import { createContext } from "./context.js";
import { EXIT_OK, UsageError, type CliIo } from "./io.js";
import { pickRenderer } from "./options.js";
import { practiseLoop } from "./practise-loop.js";
import { readInput } from "./read-input.js";

export const practiseUsage = `Usage: attune practise <file|-> --manager NAME [--at TIME --answer TEXT] [options]

Practise saying back what someone said in a meeting. With --at and --answer, reads TEXT as the manager's
attempt at saying back what the other person said at (or just before) TIME, and prints whether it says it
back, one observation, and, where the heart was missed, an example. Without them, lists the moments of the
meeting's coaching card and asks on stdin which to practise and how you would say it back.

Options:
  --manager NAME            who is practising (exact name, or a unique part of it)
  --at TIME                 when in the meeting: 12:34, 1:02:03 or seconds (754)
  --answer TEXT             how you would say it back
  --format text|json        output format (default text); json prints {"restates","feedback","example",
                            "source","fallbackReason"}

With a model configured (OPENAI_*), the model writes the feedback, checked like coaching text; when it cannot
be used, the rules write it and the output says why.
  -h, --help                show this help`;

const renderers = {
  text: practiceText,
  json: (f: PracticeReading) => JSON.stringify(practiceReadingSchema.parse(f)),
};

export async function practiseCommand(args: string[], io: CliIo, invokedAs = "practise"): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      manager: { type: "string" },
      at: { type: "string" },
      answer: { type: "string" },
      format: { type: "string", default: "text" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.stdout(practiseUsage);
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw new UsageError(`${invokedAs} takes one transcript file (or - for stdin); see attune practise --help`);
  if (values.manager === undefined || values.manager.trim() === "")
    throw new UsageError("practise needs --manager NAME: who is practising");
  const render = pickRenderer(renderers, values.format);
  if ((values.at === undefined) !== (values.answer === undefined))
    throw new UsageError(
      values.at === undefined ? "--answer needs --at TIME: which moment it says back" : "--at needs --answer TEXT: your attempt",
    );
  const atMs = values.at === undefined ? null : parseClock(values.at);
  if (values.at !== undefined && atMs === null)
    throw new UsageError(`--at takes a time in the meeting like 12:34, 1:02:03 or 754 (seconds), not '${values.at}'`);
  const path = positionals[0]!;
  if (path === "-" && atMs === null)
    throw new UsageError("practise - reads the transcript from stdin, so it needs --at TIME --answer TEXT");
  const source = path === "-" ? "stdin" : basename(path);
  const text = await readInput(path, io, defaultParseLimits.maxBytes);
  const meeting = practiseMeeting(text, values.manager);
  if (!meeting.ok) throw new UsageError(describeCoachFailure(meeting.error, { source, manager: "--manager" }));
  if (atMs === null || values.answer === undefined) return interactive(meeting.value, io);
  const read = await practiseAt(meeting.value, atMs, values.answer, await createContext(io).coachDeps());
  if (!read.ok) throw new UsageError(`${read.error.code === "no-turn" ? `--at ${values.at}` : "--answer"}: ${read.error.message}`);
  io.stdout(render(read.value.feedback));
  return EXIT_OK;
}

async function interactive(meeting: PractiseMeeting, io: CliIo): Promise<number> {
  if (io.readLine === undefined) throw new UsageError("practise without --at and --answer needs a terminal to type in");
  const context = createContext(io);
  try {
    await practiseLoop(meeting, await context.coachDeps(), io, io.readLine, clock);
  } finally {
    await context.close();
  }
  return EXIT_OK;
}
