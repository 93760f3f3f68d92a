import type { Coaching } from "../coaching/schema.js";
import type { Analysis } from "../metrics/schema.js";
import type { TranscriptFormat, Utterance } from "../transcript/schema.js";

/** What every renderer of the listening report receives. */
export interface ReportInput {
  analysis: Analysis;
  /** What the transcript was: a file name, "stdin", a meeting title. */
  source: string;
  format: TranscriptFormat;
  cueCount: number;
  /** Present when coaching was asked for. */
  coaching?: Coaching;
  /** The transcript's utterances, for renderers that draw the timeline (html). */
  utterances?: readonly Utterance[];
}
