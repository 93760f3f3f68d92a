import type { CoachDeps } from "../coaching/coach.js";
import { type PracticeModelDeps, readPracticeAttempt } from "../coaching/practice/model-feedback.js";
import type { PracticeReading } from "../coaching/practice/practice-reading.js";
import { type PractiseTurn, turnAt } from "../coaching/practice/turn-at.js";
import type { CoachingMoment } from "../coaching/schema.js";
import { fail, ok, type Failure, type Result } from "../result.js";
import { parseTranscript } from "../transcript/parse-transcript.js";
import { defaultParseLimits, type Utterance } from "../transcript/schema.js";
import { type CoachFailure, coachMeasuredMeeting, findManager, measureMeeting } from "./coach-transcript.js";

/** The longest attempt read: a restatement is a sentence or two, and typed text is untrusted. */
export const MAX_ATTEMPT_CHARS = 2000;

/** A meeting to practise on: its utterances and whose listening. */
export interface PractiseMeeting {
  utterances: readonly Utterance[];
  manager: string;
  language: string | null;
}

export type PractiseFailure = CoachFailure | Failure<"no-turn" | "attempt-too-long" | "empty-attempt">;

/** Parses the transcript and finds the manager in it. */
export function practiseMeeting(text: string, manager: string): Result<PractiseMeeting, CoachFailure> {
  const parsed = parseTranscript(text, defaultParseLimits);
  if (!parsed.ok) return parsed;
  const found = findManager(parsed.value.utterances, manager);
  if (!found.ok) return found;
  return ok({ utterances: parsed.value.utterances, manager: found.value, language: parsed.value.language });
}

/**
 * Reads `answer` as the manager's attempt at saying back what the other person said at (or just before) `atMs`:
 * by the model when `coach` has one (checked, with the rules as the fallback), else by the rules.
 */
export async function practiseAt(
  meeting: PractiseMeeting,
  atMs: number,
  answer: string,
  coach: PracticeModelDeps,
): Promise<Result<{ turn: PractiseTurn; feedback: PracticeReading }, PractiseFailure>> {
  const turn = turnAt(meeting.utterances, meeting.manager, atMs);
  if (!turn.ok) return turn;
  const attempt = checkAttempt(answer);
  if (!attempt.ok) return attempt;
  const names = [...new Set(meeting.utterances.flatMap((u) => (u.speaker === null ? [] : [u.speaker])))];
  const feedback = await readPracticeAttempt(
    { said: turn.value.text, attempt: attempt.value, speaker: turn.value.speaker, manager: meeting.manager, names },
    coach,
  );
  return ok({ turn: turn.value, feedback });
}

/** The attempt as typed, trimmed; refused when empty or over the limit. */
export function checkAttempt(answer: string): Result<string, Failure<"attempt-too-long" | "empty-attempt">> {
  const text = answer.trim();
  if (text === "") return fail("empty-attempt", "the attempt is empty; type how you would say back what they said");
  if (text.length > MAX_ATTEMPT_CHARS)
    return fail("attempt-too-long", `the attempt is ${text.length} characters; a restatement fits in ${MAX_ATTEMPT_CHARS}`);
  return ok(text);
}

/** The moments of the meeting's coaching card, to pick one to practise. */
export async function practiceMoments(meeting: PractiseMeeting, coach: CoachDeps): Promise<CoachingMoment[]> {
  const analysis = measureMeeting(meeting.utterances, meeting.manager);
  const coaching = await coachMeasuredMeeting({ ...meeting, analysis }, coach);
  return coaching.moments;
}
