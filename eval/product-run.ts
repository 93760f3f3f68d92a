/**
 * Runs `attune analyze - --manager Counsellor --coach --format json` in process on one AnnoMI conversation and
 * reads back what the product says: which of the counsellor's utterances it credits as restatements
 * (`coaching.kept[]`) and which moments it coaches (`coaching.moments[]`). The eval scores exactly this output.
 */
import { runCli } from "../src/cli/attune.js";
import { type JsonReport, jsonReportSchema } from "../src/rendering/json-report.js";
import { parseTranscript } from "../src/transcript/index.js";
import { type AnnoMiRow, type Conversation, defaultTiming, SPEAKER, type TimingAssumptions, transcriptJson } from "./annomi.js";

export interface ProductReading {
  conversation: Conversation;
  report: JsonReport;
  /** Per row of the conversation, in order: the utterance id the product gave it. */
  utteranceIds: string[];
  /** Rows whose utterance the product lists in `coaching.kept[]`. */
  credited: Set<AnnoMiRow>;
}

export const cliArgs = (manager: string): string[] => ["analyze", "-", "--manager", manager, "--coach", "--format", "json"];

export async function readWithProduct(
  conversation: Conversation,
  env: Record<string, string | undefined>,
  timing: TimingAssumptions = defaultTiming,
): Promise<ProductReading> {
  const input = transcriptJson(conversation, timing);
  const report = await analyzeInProcess(input, SPEAKER.therapist, env, `AnnoMI transcript ${conversation.id}`);
  return readingFrom(conversation, input, report);
}

/** The reading of a report the product made from `input` (the conversation's transcriptJson). */
export function readingFrom(conversation: Conversation, input: string, report: JsonReport): ProductReading {
  const utteranceIds = matchRows(conversation, input);
  const kept = new Set(report.coaching?.kept.map((k) => k.utteranceId));
  const credited = new Set(conversation.rows.filter((_, i) => kept.has(utteranceIds[i]!)));
  return { conversation, report, utteranceIds, credited };
}

/** `attune analyze - --manager NAME --coach --format json` in process on `input`; `what` names it in errors. */
export async function analyzeInProcess(
  input: string,
  manager: string,
  env: Record<string, string | undefined>,
  what: string,
): Promise<JsonReport> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(cliArgs(manager), {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readStdin: async () => input,
    env,
  });
  if (code !== 0) throw new Error(`attune analyze failed on ${what} (exit ${code}): ${err.join(" ")}`);
  return jsonReportSchema.parse(JSON.parse(out.join("")));
}

/**
 * The ids the product's own reader gives the rows. The JSON transcript keeps one utterance per row, in row order
 * (starts never go backwards and ties keep their order); speaker and words are checked so a change in the reader
 * cannot silently shift the labels.
 */
function matchRows(conversation: Conversation, input: string): string[] {
  const parsed = parseTranscript(input);
  if (!parsed.ok) throw new Error(`AnnoMI transcript ${conversation.id}: ${parsed.error.message}`);
  const utterances = parsed.value.utterances;
  if (utterances.length !== conversation.rows.length) {
    throw new Error(`AnnoMI transcript ${conversation.id}: ${conversation.rows.length} rows but ${utterances.length} utterances`);
  }
  return conversation.rows.map((row, i) => {
    const u = utterances[i]!;
    if (u.speaker !== SPEAKER[row.interlocutor] || words(u.text) !== words(row.text)) {
      throw new Error(`AnnoMI transcript ${conversation.id}: utterance ${u.id} is not row ${row.utteranceId}`);
    }
    return u.id;
  });
}

const words = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
