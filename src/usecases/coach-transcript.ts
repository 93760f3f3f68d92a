import type { CoachDeps } from "../coaching/coach.js";
import type { Coaching } from "../coaching/schema.js";
import { analyze } from "../metrics/analyze.js";
import type { MetricOptions } from "../metrics/options.js";
import { resolveSpeaker } from "../metrics/resolve-speaker.js";
import type { Analysis } from "../metrics/schema.js";
import { fail, ok, type Failure, type Result } from "../result.js";
import { formatTranscriptError, type TranscriptError } from "../transcript/parse-error.js";
import { parseTranscript } from "../transcript/parse-transcript.js";
import { defaultParseLimits, type ParseLimits, type Transcript, type Utterance } from "../transcript/schema.js";

/**
 * "Coach this transcript": parse → find the manager → measure → coach, the same for every edge that offers
 * it (the CLI, the playground, and the live path next). The meeting job stores between steps, so it calls
 * the steps below (findManager, measureMeeting, coachMeasuredMeeting) one per state instead of the whole.
 */

/** How to measure and coach, whichever edge asks. A field added here reaches every step. */
export interface CoachSettings {
  /** Thresholds other than the defaults (docs/metrics.md). */
  metrics?: Partial<MetricOptions>;
}

export interface CoachRequest extends CoachSettings {
  /** Whose listening to measure and coach, as a person typed it (the exact name or a unique part); null: nobody's. */
  manager: string | null;
  /** The coach, asked for only when there is a manager to coach; without it the transcript is measured, not coached. */
  coach?: () => Promise<CoachDeps>;
  /** Size limits for the transcript (default: the parser's). */
  limits?: ParseLimits;
}

export interface CoachedTranscript {
  transcript: Transcript;
  analysis: Analysis;
  /** Null when nobody was coached (no manager, or no coach asked for). */
  coaching: Coaching | null;
}

export type ManagerFailure = Failure<"no-speakers" | "unknown-manager">;
export type CoachFailure = TranscriptError | ManagerFailure;

/** One line for a failure: a transcript problem with its place (`file.vtt:line 3: …`), a manager problem after its option's name. */
export function describeCoachFailure(error: CoachFailure, labels: { source?: string; manager: string }): string {
  return "kind" in error ? formatTranscriptError(error, labels.source) : `${labels.manager}: ${error.message}`;
}

export async function coachTranscript(text: string, request: CoachRequest): Promise<Result<CoachedTranscript, CoachFailure>> {
  const parsed = parseTranscript(text, request.limits ?? defaultParseLimits);
  if (!parsed.ok) return parsed;
  const transcript = parsed.value;
  let manager: string | null = null;
  if (request.manager !== null) {
    const found = findManager(transcript.utterances, request.manager);
    if (!found.ok) return found;
    manager = found.value;
  }
  const analysis = measureMeeting(transcript.utterances, manager, request);
  const coaching =
    manager !== null && request.coach
      ? await coachMeasuredMeeting(
          { utterances: transcript.utterances, analysis, manager, language: transcript.language },
          await request.coach(),
        )
      : null;
  return ok({ transcript, analysis, coaching });
}

/** The speaker a person meant by `query`: the exact display name, or the one name containing it (case and accents ignored). */
export function findManager(utterances: readonly Utterance[], query: string): Result<string, ManagerFailure> {
  const names = [...new Set(utterances.flatMap((u) => (u.speaker === null ? [] : [u.speaker])))];
  if (names.length === 0) return fail("no-speakers", "the transcript names no speakers, so there is no manager among them");
  const match = resolveSpeaker(names, query);
  return match.ok ? match : fail("unknown-manager", match.error.message);
}

/** The meeting's figures, with the manager's indicators when there is a manager. Pure. */
export function measureMeeting(utterances: readonly Utterance[], manager: string | null, settings: CoachSettings = {}): Analysis {
  return analyze({ utterances, manager, ...(settings.metrics && { options: settings.metrics }) });
}

/**
 * The coaching of a measured meeting for its manager: the prompt set when a model is configured, else the
 * heuristic; in English only (the language the transcript declares, or else the one detected).
 */
export async function coachMeasuredMeeting(
  meeting: { utterances: readonly Utterance[]; analysis: Analysis; manager: string; language?: string | null },
  coach: CoachDeps,
): Promise<Coaching> {
  // Imported when a meeting is coached: a report without coaching does not load the coaching engine.
  const { coachMeeting } = await import("../coaching/coach.js");
  return coachMeeting(meeting, coach);
}
