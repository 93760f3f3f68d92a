import { type PracticeModelDeps, readPracticeAttempt } from "../coaching/practice/model-feedback.js";
import type { PracticeReading } from "../coaching/practice/practice-reading.js";
import { turnAt } from "../coaching/practice/turn-at.js";
import { fail, ok, type Failure, type Result } from "../result.js";
import type { Db } from "../storage/db.js";
import { loadUtterances } from "../storage/meetings.js";
import { awaitAttempt, awaitingAttempt, saveAttempt } from "../storage/practice.js";
import { managerReport } from "../storage/reports.js";
import { checkAttempt } from "./practise-attempt.js";

/** The moment to say back, as Attune shows it: who, and their words. */
export interface PractiseMoment {
  speaker: string;
  quote: string;
}

type NotTheirs = Failure<"not-found">;

/**
 * "Practise this" on a moment of the manager's own card: notes that their next message is the attempt, and
 * returns the person's words to show. Only the manager's own report's moments can be practised.
 */
export async function startPractice(
  db: Db,
  personId: string,
  meetingId: string,
  utteranceId: string,
): Promise<Result<PractiseMoment, NotTheirs>> {
  const moment = await cardMoment(db, personId, meetingId, utteranceId);
  if (moment.ok) await awaitAttempt(db, personId, meetingId, utteranceId);
  return moment;
}

/** The person's words at a moment of the manager's own card, to show before an attempt (nothing is noted). */
export async function cardMoment(
  db: Db,
  personId: string,
  meetingId: string,
  utteranceId: string,
): Promise<Result<PractiseMoment, NotTheirs>> {
  const moment = await ownMoment(db, personId, meetingId, utteranceId);
  if (!moment) return fail("not-found", "This moment belongs to someone else's card, or it was deleted.");
  return ok({ speaker: moment.speaker, quote: moment.quote });
}

export type AttemptFailure = Failure<"not-found" | "attempt-too-long" | "empty-attempt">;
export type AttemptRead = { moment: PractiseMoment; feedback: PracticeReading };

/**
 * Reads a message as the attempt at the moment being practised, counts it, and returns the feedback; null when
 * the person is not practising (the message is an ordinary one). They stay on the moment for another try. With a
 * model in `coach`, the model writes the feedback (checked; the rules' when it fails); only `restates` is kept.
 */
export async function answerPractice(
  db: Db,
  coach: PracticeModelDeps,
  personId: string,
  text: string,
): Promise<Result<AttemptRead, AttemptFailure> | null> {
  const awaiting = await awaitingAttempt(db, personId);
  if (!awaiting) return null;
  return attemptOnCard(db, coach, personId, awaiting.meetingId, awaiting.utteranceId, text);
}

/**
 * Reads `text` as the manager's attempt at saying back a moment of their own card (the bot's next message, or
 * the playground's text box), counts it for their trend (whether it said back, never the text), and returns
 * the feedback.
 */
export async function attemptOnCard(
  db: Db,
  coach: PracticeModelDeps,
  personId: string,
  meetingId: string,
  utteranceId: string,
  text: string,
): Promise<Result<AttemptRead, AttemptFailure>> {
  const attempt = checkAttempt(text);
  if (!attempt.ok) return attempt;
  const found = await ownMoment(db, personId, meetingId, utteranceId);
  if (!found) return fail("not-found", "That moment's card was deleted, so there is nothing to practise on.");
  const feedback = await readPracticeAttempt(
    { said: found.said, attempt: attempt.value, speaker: found.speaker, manager: found.manager, names: found.names },
    coach,
  );
  await saveAttempt(db, personId, meetingId, feedback.restates);
  return ok({ moment: { speaker: found.speaker, quote: found.quote }, feedback });
}

/** The moment on the person's own card, with the whole turn it was in when the transcript is still kept. */
async function ownMoment(db: Db, personId: string, meetingId: string, utteranceId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(meetingId)) return null;
  const report = await managerReport(db, personId, meetingId);
  const moment = report?.coaching.moments.find((m) => m.utteranceId === utteranceId);
  if (!report || !moment) return null;
  const utterances = await loadUtterances(db, meetingId);
  const manager = report.analysis.manager?.name ?? null;
  const turn = utterances && manager ? turnAt(utterances, manager, moment.atMs) : null;
  const said = turn?.ok && turn.value.speaker === moment.speaker ? turn.value.text : moment.quote;
  const names = [...new Set((utterances ?? []).flatMap((u) => (u.speaker === null ? [] : [u.speaker])))];
  return { speaker: moment.speaker, quote: moment.quote, said, names, manager };
}
