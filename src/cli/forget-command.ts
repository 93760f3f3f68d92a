import { parseArgs } from "node:util";
import { forgetPerson } from "../storage/forget.js";
import { NEUTRAL_MARKER } from "../storage/name-redaction.js";
import { findPerson } from "../storage/people.js";
import { createContext } from "./context.js";
import { EXIT_OK, UsageError, type CliIo } from "./io.js";
import { countOf } from "../format/count.js";

export const forgetUsage = `Usage: attune forget --person NAME|ID

Deletes a person's data everywhere: their utterances from stored transcripts, their figures from every
analysis, moments quoting them, their own coaching reports and feedback, and their person record. Their
name in what others said, in coaching text and in meeting titles becomes ${NEUTRAL_MARKER} (whole words, case and
accents ignored; a given name alone where it is capitalised). Prints what it removed.`;

export async function forgetCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { person: { type: "string" }, help: { type: "boolean", short: "h" } } });
  if (values.help) {
    io.stdout(forgetUsage);
    return EXIT_OK;
  }
  if (!values.person) throw new UsageError("forget needs --person NAME|ID");
  const context = createContext(io);
  try {
    const db = await context.db();
    const match = await findPerson(db, context.config.storage.tenant, values.person);
    if (!match.ok) throw new UsageError(match.error.message);
    const r = await forgetPerson(db, match.value);
    io.stdout(
      [
        `Forgot ${r.person}:`,
        `  ${countOf(r.utterancesRemoved, "utterance")} removed from ${countOf(r.transcriptsChanged, "stored transcript")}`,
        `  ${countOf(r.analysesChanged, "analysis", "analyses")} no longer ${r.analysesChanged === 1 ? "mentions" : "mention"} them`,
        `  ${countOf(r.momentsRemoved, "coaching moment")} about them removed; ${r.reportsDeleted} of their own reports deleted`,
        `  ${countOf(r.restatementsKept, "restatement")} of them by the manager kept, with their name replaced`,
        `  ${countOf(r.feedbackDeleted, "feedback entry", "feedback entries")} deleted; ${countOf(r.meetingsDeleted, "meeting")} only they were in deleted`,
        `  their name replaced with ${NEUTRAL_MARKER} ${countOf(r.mentionsReplaced, "time")} in what others said and in coaching text, and in ${countOf(r.titlesChanged, "meeting title")}`,
        `  their person record deleted`,
      ].join("\n"),
    );
  } finally {
    await context.close();
  }
  return EXIT_OK;
}
