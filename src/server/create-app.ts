import express, { type NextFunction, type Request, type Response, type Router } from "express";
import { pinoHttp } from "pino-http";
import type { BotAdapter } from "../bot/adapter.js";
import type { BotTurn } from "../bot/turn.js";
import type { Logger } from "../log.js";
import { localServiceUrlProblem } from "../bot/local-service-url.js";
import type { InFlight } from "./in-flight.js";
import { loopbackHostOnly } from "./loopback-host.js";

export interface AppDeps {
  log: Logger;
  adapter: BotAdapter;
  onTurn: (turn: BotTurn) => Promise<void>;
  /** True when the database answers. */
  ready: () => Promise<boolean>;
  inFlight: InFlight;
  /**
   * Local mode (no app id, nothing authenticated): only loopback Host and Origin are answered (DNS
   * rebinding), and an activity's serviceUrl must be loopback too.
   */
  local?: boolean;
  /** Routers mounted at "/", in order: public pages, and in local mode the playground. */
  routes?: Router[];
}

/** The HTTP surface: the bot endpoint, health and readiness probes, and static pages. */
export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.use(
    pinoHttp({
      logger: deps.log.child({ module: "http" }),
      // Method, path and status only: never bodies (they carry what people said) nor tokens.
      serializers: {
        req: (req: { method: string; url: string; id: unknown }) => ({ id: req.id, method: req.method, path: req.url.split("?")[0] }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      // One line per request, at the level its status deserves: a refused request is a warning, not noise at
      // info; a page, script or style served (a GET that worked) is debug, so a browser session does not fill
      // the terminal.
      customLogLevel: (req, res, err) =>
        err || res.statusCode >= 500
          ? "error"
          : res.statusCode >= 400
            ? "warn"
            : req.method === "GET" || req.method === "HEAD"
              ? "debug"
              : "info",
      autoLogging: { ignore: (req) => req.url === "/healthz" || req.url === "/readyz" },
    }),
  );
  app.get("/healthz", (_req, res) => {
    res.json({ ok: true });
  });
  app.get("/readyz", async (_req, res) => {
    const ok = await deps.ready().catch(() => false);
    res.status(ok ? 200 : 503).json({ ok, database: ok ? "reachable" : "unreachable" });
  });
  if (deps.local) app.use(loopbackHostOnly);
  // The Agents Playground (and some proxies) check that the bot endpoint is there with a HEAD first.
  app.head("/api/messages", (_req, res) => {
    res.status(200).end();
  });
  app.post("/api/messages", express.json({ limit: "1mb" }), async (req, res) => {
    const problem = activityProblem(req.body, deps.local ?? false);
    if (problem) {
      res.status(problem.status).json({ error: problem.message });
      return;
    }
    const done = deps.inFlight.begin();
    if (!done) {
      res.status(503).json({ error: "shutting down" });
      return;
    }
    try {
      await deps.adapter.handle(req, res, deps.onTurn);
    } catch (error) {
      // botbuilder answers every failure of a turn itself; what it throws is an activity it could not read.
      if (res.headersSent) throw error;
      res.status(400).json({ error: `not a Bot Framework activity: ${firstLine((error as Error).message)}` });
    } finally {
      done();
    }
  });
  for (const router of deps.routes ?? []) app.use("/", router);
  app.use((_req, res) => {
    res.status(404).json({ error: "not found" });
  });
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status = (error as { status?: number; statusCode?: number }).status ?? (error as { statusCode?: number }).statusCode ?? 500;
    if (status >= 500) deps.log.error({ err: error }, "request failed");
    if (!res.headersSent)
      res.status(status).json({ error: status >= 500 ? "internal error" : ((error as Error).message ?? "bad request").split("\n")[0] });
  });
  return app;
}

/** A request body that is not an activity Attune can take (400), or that local mode refuses (403). */
function activityProblem(body: unknown, local: boolean): { status: number; message: string } | null {
  if (typeof body !== "object" || body === null || Array.isArray(body))
    return { status: 400, message: "send one Bot Framework activity as a JSON object" };
  const activity = body as { type?: unknown; serviceUrl?: unknown };
  if (typeof activity.type !== "string" || activity.type === "")
    return { status: 400, message: "not a Bot Framework activity: it has no type (message, event, invoke…)" };
  const channelData = channelDataProblem((body as { channelData?: unknown }).channelData);
  if (channelData) return { status: 400, message: channelData };
  const serviceUrl = local ? localServiceUrlProblem(activity) : null;
  return serviceUrl ? { status: 403, message: serviceUrl } : null;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The parts of channelData Attune and botbuilder read (tenant.id, meeting.id) must have Teams' shape: anything
 * else is refused here, in one line, rather than failing inside botbuilder's authentication as a TypeError.
 */
function channelDataProblem(channelData: unknown): string | null {
  if (channelData === undefined || channelData === null) return null;
  const teams = "Teams sends an object with tenant.id and meeting.id strings";
  if (!isObject(channelData)) return `channelData must be a JSON object: ${teams}`;
  for (const key of ["tenant", "meeting"] as const) {
    const part = channelData[key];
    if (part === undefined || part === null) continue;
    if (!isObject(part)) return `channelData.${key} must be an object: ${teams}`;
    if (part.id !== undefined && part.id !== null && typeof part.id !== "string") return `channelData.${key}.id must be a string: ${teams}`;
  }
  return null;
}

function firstLine(message: string | undefined): string {
  const line = (message ?? "").split("\n")[0]!.trim();
  return line.length > 200 ? `${line.slice(0, 197)}...` : line || "it could not be read";
}
