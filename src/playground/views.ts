import type express from "express";
import { z } from "zod";
import { listeningTrendCard, listeningTrendCardText } from "../cards/listening-trend-card.js";
import { showListeningTrend } from "../usecases/show-listening-trend.js";
import type { PlaygroundDeps } from "./router.js";

/**
 * The playground's views beside the coaching card: the listening trend over what has been saved, and the
 * one-on-one prep with a person the manager picks. Each route answers JSON; a failure the person can act on
 * is a `PlaygroundInputError`, answered 400 with its one line (router.ts).
 */

const name = (what: string) =>
  z
    .string({ error: `${what} must be a name` })
    .trim()
    .min(1, `${what}: give a name`)
    .max(500);
const trendBody = z.object({ manager: name("manager") }, { error: "send { manager }" });
const prepBody = z.object({ manager: name("manager"), person: name("person") }, { error: "send { manager, person }" });

/** An error whose one-line message the page shows as is (answered with 400). */
export class PlaygroundInputError extends Error {}

export function addViewRoutes(router: express.Router, deps: PlaygroundDeps, json: express.RequestHandler): void {
  router.post("/playground/api/trend", json, async (req, res) => {
    const body = parseBody(trendBody, req.body);
    const trend = await showListeningTrend(deps.db, { name: body.manager, tenant: deps.tenant });
    if (!trend.ok) throw new PlaygroundInputError(trend.error.message.replace(/^--manager: /, ""));
    res.json({ card: listeningTrendCard(trend.value), text: listeningTrendCardText(trend.value), meetings: trend.value.meetings.length });
  });

  router.post("/playground/api/prep", json, async (req, res) => {
    const body = parseBody(prepBody, req.body);
    if (!deps.prep) throw new PlaygroundInputError("one-on-one prep is not available on this server");
    const prep = await deps.prep(deps.db, body.manager, body.person);
    if (!prep) throw new PlaygroundInputError(`no stored meetings of ${body.manager} with ${body.person} to prepare from`);
    res.json(prep);
  });
}

/** The people a prep could be with: everyone who spoke besides the manager, most talk first. */
export function prepCandidates(speakers: readonly { name: string; talkMs: number }[], manager: string): string[] {
  return speakers
    .filter((s) => s.name !== manager && s.talkMs > 0)
    .sort((a, b) => b.talkMs - a.talkMs)
    .map((s) => s.name);
}

/** The body by its schema, or the first issue as a `PlaygroundInputError`. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw new PlaygroundInputError(parsed.error.issues[0]?.message ?? "bad request");
}
