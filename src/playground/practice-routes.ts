import express from "express";
import { z } from "zod";
import type { Failure, Result } from "../result.js";
import type { PersonRow } from "../storage/people.js";
import { lookUpManager } from "../usecases/manager-ref.js";
import { MAX_ATTEMPT_CHARS } from "../usecases/practise-attempt.js";
import { attemptOnCard, cardMoment } from "../usecases/practise-from-card.js";
import type { PlaygroundDeps } from "./router.js";
import { PlaygroundInputError, parseBody } from "./views.js";

/**
 * "Practise this" beside the playground's coaching card: the person's words at a moment of the card, and the
 * manager's typed attempt read by the same use case as the bot's (counted in their trend, never stored as
 * text, never logged). A failure the person can act on is a `PlaygroundInputError` (400, one line).
 */

/** An attempt is at most MAX_ATTEMPT_CHARS; the body is refused (413) well before the 5 MB of an upload. */
const PRACTICE_BODY_BYTES = 16 * 1024;

const moment = {
  manager: z.string({ error: "manager must be a name" }).trim().min(1, "manager: give a name").max(500, "manager: at most 500 characters"),
  meetingId: z.string({ error: "meetingId must be a string" }).max(100, "meetingId: at most 100 characters"),
  utteranceId: z.string({ error: "utteranceId must be a string" }).max(100, "utteranceId: at most 100 characters"),
};
const momentBody = z.object(moment, { error: "send { manager, meetingId, utteranceId }" });
const attemptBody = z.object(
  // The use case trims and checks the length (checkAttempt); here only a bound on what is read at all.
  { ...moment, attempt: z.string({ error: "attempt must be text" }).max(4 * MAX_ATTEMPT_CHARS, tooLong(4 * MAX_ATTEMPT_CHARS)) },
  { error: "send { manager, meetingId, utteranceId, attempt }" },
);

export function addPracticeRoutes(router: express.Router, deps: PlaygroundDeps): void {
  const json = express.json({ limit: PRACTICE_BODY_BYTES });

  router.post("/playground/api/practise/moment", json, async (req, res) => {
    const body = parseBody(momentBody, req.body);
    const manager = await managerOf(deps, body.manager);
    res.json(orThrow(await cardMoment(deps.db, manager.id, body.meetingId, body.utteranceId)));
  });

  router.post("/playground/api/practise", json, async (req, res) => {
    const body = parseBody(attemptBody, req.body);
    const manager = await managerOf(deps, body.manager);
    const read = orThrow(await attemptOnCard(deps.db, await deps.coach(), manager.id, body.meetingId, body.utteranceId, body.attempt));
    deps.log.info({ meetingId: body.meetingId, restates: read.feedback.restates }, "playground practice attempt read");
    res.json({ moment: read.moment, ...read.feedback });
  });
}

async function managerOf(deps: PlaygroundDeps, name: string): Promise<PersonRow> {
  const found = await lookUpManager(deps.db, { name, tenant: deps.tenant });
  return orThrow(found, (message) => message.replace(/^--manager: /, "manager: "));
}

function orThrow<T>(result: Result<T, Failure>, say: (message: string) => string = (m) => m): T {
  if (result.ok) return result.value;
  throw new PlaygroundInputError(say(result.error.message));
}

function tooLong(chars: number): string {
  return `the attempt is over ${chars} characters; a restatement fits in ${MAX_ATTEMPT_CHARS}`;
}
