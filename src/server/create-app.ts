import express, { type NextFunction, type Request, type Response, type Router } from "express";
import { pinoHttp } from "pino-http";
import type { BotAdapter } from "../bot/adapter.js";
import type { BotTurn } from "../bot/turn.js";
import type { Logger } from "../log.js";
import type { InFlight } from "./in-flight.js";

export interface AppDeps {
  log: Logger;
  adapter: BotAdapter;
  onTurn: (turn: BotTurn) => Promise<void>;
  /** True when the database answers. */
  ready: () => Promise<boolean>;
  inFlight: InFlight;
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
  app.post("/api/messages", express.json({ limit: "1mb" }), async (req, res) => {
    const done = deps.inFlight.begin();
    if (!done) {
      res.status(503).json({ error: "shutting down" });
      return;
    }
    try {
      await deps.adapter.handle(req, res, deps.onTurn);
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
