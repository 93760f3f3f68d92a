import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import express, { type NextFunction, type Request, type Response } from "express";
import { z } from "zod";
import { coachingCard, coachingCardText } from "../cards/coaching-card.js";
import type { CoachDeps } from "../coaching/coach.js";
import type { Logger } from "../log.js";
import { textReport } from "../rendering/text-report.js";
import type { Db } from "../storage/db.js";
import { defaultParseLimits, formatTranscriptError, parseTranscript, type Transcript } from "../transcript/index.js";
import { coachTranscript, describeCoachFailure } from "../usecases/coach-transcript.js";
import type { CoachingThread } from "../usecases/coaching-thread.js";
import { saveCoachedMeeting } from "../usecases/save-coached-meeting.js";
import type { LocalReplayer } from "../live/local-replay.js";
import { SAMPLE_MEETINGS, sampleStore, speakersOf } from "./samples.js";
import { addPracticeRoutes } from "./practice-routes.js";
import { addViewRoutes, PlaygroundInputError, prepCandidates } from "./views.js";
import { timelineSvg } from "../rendering/timeline-svg.js";

/** The one-on-one prep between a manager and a person, from what is stored; null when there is nothing to prepare from. */
export type PrepBuilder = (db: Db, managerName: string, personName: string) => Promise<{ card: unknown; text: string } | null>;

export interface PlaygroundDeps {
  db: Db;
  /** The coach to use for each run: `{ llm: null, prompts: null }` is the heuristic. */
  coach: () => Promise<CoachDeps>;
  /** Coaching off the event loop (`attune serve`): a run then never holds up /healthz. Without it, in-thread. */
  thread?: Pick<CoachingThread, "coachTranscript">;
  /** The bundled sample meetings (samples/). */
  samplesDir: string;
  log: Logger;
  /** The tenant playground meetings are stored under. */
  tenant: string;
  /** Days a stored playground transcript is kept (default 30, the configured default). */
  retentionDays?: number;
  /** One-on-one prep (src/prep); without it the page shows no prep. */
  prep?: PrepBuilder;
  /** Live replay into this server's own side panel (src/live); without it the page has no live mode. */
  liveReplay?: LocalReplayer;
}

/** Uploads larger than this are refused: a long Teams meeting is well under 1 MB of VTT. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
const UPLOAD_LIMITS = { ...defaultParseLimits, maxBytes: MAX_UPLOAD_BYTES };

const vttText = z
  .string({ error: "vtt must be the transcript's text" })
  .min(1, "the transcript is empty")
  .max(MAX_UPLOAD_BYTES, "the transcript is over the 5 MB limit");
const jsonObject = { error: "send a JSON object" };
const speakersBody = z.object({ vtt: vttText }, jsonObject);
const sampleRun = z.object({ sampleId: z.string({ error: "sampleId must be a string" }).max(100) }, jsonObject);
const liveRun = z.object(
  {
    sampleId: z.string({ error: "sampleId must be a string" }).max(100),
    speed: z
      .number({ error: "speed must be a number" })
      .min(1, "speed: from 1 to 120 times real time")
      .max(120, "speed: from 1 to 120 times real time"),
  },
  jsonObject,
);
const uploadRun = z.object(
  {
    vtt: vttText,
    manager: z
      .string({ error: "manager: pick the manager among the speakers" })
      .trim()
      .min(1, "manager: pick the manager among the speakers")
      .max(500),
    title: z.string().max(200).optional(),
  },
  { error: "send { sampleId } or { vtt, manager }" },
);

/** A 400 whose one-line message the page shows as is. */
class BadInput extends Error {}

/** Finds the static page next to the sources, whether this module runs from src/ or from dist/. */
export function publicDir(): string {
  const candidates = ["./public/", "../../src/playground/public/"].map((p) => fileURLToPath(new URL(p, import.meta.url)));
  return candidates.find((dir) => existsSync(`${dir}index.html`)) ?? candidates[0]!;
}

/** The local playground: the page at `/`, the Adaptive Cards renderer, and the JSON API it calls. */
export function playgroundRouter(deps: PlaygroundDeps): express.Router {
  const router = express.Router();
  const samples = sampleStore(deps.samplesDir);
  const rendererPath = createRequire(import.meta.url).resolve("adaptivecards/dist/adaptivecards.min.js");
  const json = express.json({ limit: MAX_UPLOAD_BYTES + 64 * 1024 });

  router.use(loopbackOnly, securityHeaders);
  router.get("/vendor/adaptivecards.js", (_req, res) => {
    res.type("text/javascript").sendFile(rendererPath, { maxAge: "1h" });
  });
  router.use(express.static(publicDir(), { index: "index.html", redirect: false, maxAge: 0 }));

  router.get("/playground/api/samples", async (_req, res) => {
    const loaded = await samples.all();
    res.json(
      loaded.map(({ sample, transcript }) => ({
        id: sample.id,
        title: sample.title,
        manager: sample.manager,
        about: sample.about,
        speakers: speakersOf(transcript),
      })),
    );
  });

  router.post("/playground/api/speakers", json, (req, res) => {
    const body = validate(speakersBody, req.body);
    const transcript = parse(body.vtt);
    res.json({ speakers: speakersOf(transcript) });
  });

  router.post("/playground/api/run", json, async (req, res) => {
    const body =
      typeof req.body === "object" && req.body !== null && "sampleId" in req.body
        ? validate(sampleRun, req.body)
        : validate(uploadRun, req.body);
    let text: string;
    let title: string;
    let managerQuery: string;
    if ("sampleId" in body) {
      const loaded = await samples.get(body.sampleId);
      if (!loaded)
        throw new BadInput(`no sample meeting '${body.sampleId}'; samples are ${SAMPLE_MEETINGS.map((s) => `'${s.id}'`).join(", ")}`);
      text = loaded.text;
      title = loaded.sample.title;
      managerQuery = loaded.sample.manager;
    } else {
      text = body.vtt;
      title = body.title?.trim() || "Uploaded meeting";
      managerQuery = body.manager;
    }
    const coached = deps.thread
      ? await deps.thread.coachTranscript(text, { manager: managerQuery, coach: true, limits: UPLOAD_LIMITS })
      : await coachTranscript(text, { manager: managerQuery, coach: deps.coach, limits: UPLOAD_LIMITS });
    if (!coached.ok) throw new BadInput(describeCoachFailure(coached.error, { manager: "manager" }));
    const { transcript, analysis, coaching } = coached.value;
    if (!coaching || !analysis.manager) throw new Error("a playground run coaches its manager, and has none");
    const manager = analysis.manager.name;
    const date = transcript.startedAt ?? new Date().toISOString();
    const saved = await saveCoachedMeeting(
      deps.db,
      { source: "playground", tenantId: deps.tenant, text, title, date, retentionDays: deps.retentionDays ?? 30 },
      coached.value,
    );
    const cardInput = { title, date, analysis, coaching, meetingId: saved.meetingId };
    const report = textReport({ analysis, source: title, format: transcript.format, cueCount: transcript.cueCount, coaching });
    const people = prepCandidates(analysis.speakers, manager);
    const person = people[0] ?? null;
    const prep = deps.prep && person ? await prepFor(deps, manager, person) : null;
    deps.log.info(
      { meetingId: saved.meetingId, created: saved.created, coach: coaching.source, moments: coaching.moments.length, prep: prep !== null },
      "playground meeting coached",
    );
    const timeline = timelineSvg({ utterances: transcript.utterances, analysis, coaching });
    res.json({
      card: coachingCard(cardInput),
      cardText: coachingCardText(cardInput),
      report,
      prep,
      coach: coaching.source,
      manager,
      people,
      timeline,
    });
  });

  router.post("/playground/api/live", json, async (req, res) => {
    const body = validate(liveRun, req.body);
    if (!deps.liveReplay) throw new BadInput("live replay is not available on this server");
    const loaded = await samples.get(body.sampleId);
    if (!loaded) throw new BadInput(`no sample meeting '${body.sampleId}'`);
    const started = await deps.liveReplay.start({
      utterances: loaded.transcript.utterances,
      manager: loaded.sample.manager,
      title: loaded.sample.title,
      speed: body.speed,
    });
    if (!started) throw new BadInput("three live replays are already playing; wait for one to finish");
    deps.log.info({ meetingId: started.meetingId, speed: body.speed }, "playground live replay started");
    res.json({ ...started, manager: loaded.sample.manager });
  });

  addViewRoutes(router, deps, json);
  addPracticeRoutes(router, deps);

  router.use("/playground/api", (error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const status = error instanceof BadInput || error instanceof PlaygroundInputError ? 400 : httpStatus(error);
    if (status >= 500) {
      deps.log.error({ err: error }, "playground request failed");
      res.status(500).json({ error: "Something went wrong on the server; the log has the details." });
      return;
    }
    res.status(status).json({ error: oneLine(error instanceof Error ? error.message : "bad request") });
  });
  return router;
}

/** Prep is extra: when it fails, the card and report still come back, and the log says why. */
async function prepFor(deps: PlaygroundDeps, manager: string, person: string): Promise<{ card: unknown; text: string } | null> {
  try {
    return (await deps.prep?.(deps.db, manager, person)) ?? null;
  } catch (error) {
    deps.log.error({ err: error }, "playground prep failed");
    return null;
  }
}

function validate<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new BadInput(issue?.message ?? "bad request");
}

function parse(text: string): Transcript {
  const parsed = parseTranscript(text, UPLOAD_LIMITS);
  if (!parsed.ok) throw new BadInput(formatTranscriptError(parsed.error));
  return parsed.value;
}

/** Client errors raised by express itself (a body too large, JSON that does not parse) keep their status. */
function httpStatus(error: unknown): number {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === "number" && status >= 400 && status < 500 ? status : 500;
}

function oneLine(message: string): string {
  const flat = message.replace(/\s+/g, " ").trim();
  return flat.length > 300 ? `${flat.slice(0, 297)}...` : flat || "bad request";
}

/**
 * The playground has no sign-in: it answers loopback clients only, whatever address the server listens on
 * (local mode listens on 127.0.0.1; this keeps the page's promise if it is ever mounted elsewhere).
 */
function loopbackOnly(req: Request, res: Response, next: NextFunction): void {
  const address = req.socket.remoteAddress ?? "";
  if (/^(127\.|::1$|::ffff:127\.)/.test(address)) {
    next();
    return;
  }
  res.status(404).json({ error: "not found" });
}

/** The page runs only its own scripts; the card renderer sets inline styles, hence 'unsafe-inline' for styles. */
function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader(
    "Content-Security-Policy",
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  );
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "no-referrer");
  next();
}
