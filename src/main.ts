import type { AddressInfo } from "node:net";
import { setTimeout as delay } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { createBot } from "./bot/bot.js";
import { teamsEdges } from "./bot/teams-edges.js";
import { prepAtStartSender } from "./bot/prep-at-start.js";
import { teamsServices } from "./bot/teams-services.js";
import type { CoachDeps } from "./coaching/coach.js";
import { createLlm } from "./llm/client.js";
import { loadPrompts } from "./llm/prompt-store.js";
import { loadConfig, type Config } from "./config.js";
import type { Failure, Result } from "./result.js";
import { createGraphTokenSource } from "./graph/token.js";
import { createGraphTranscripts } from "./graph/transcripts.js";
import { meetingSteps } from "./jobs/meeting-pipeline.js";
import { createWorker } from "./jobs/worker.js";
import { meetingNotifier } from "./live/meeting-notifier.js";
import { meetingOrganizers } from "./live/meeting-organizers.js";
import type { LiveService } from "./live/start-live.js";
import { createLogger, FROM_BOTBUILDER, routeConsoleToLog, type Logger, type LogFormat } from "./log.js";
import { loopbackUpgradesOnly } from "./server/loopback-host.js";
import { prepCard } from "./cards/prep-card.js";
import { prepText } from "./rendering/prep-text.js";
import { prepareOneOnOne } from "./usecases/prepare-one-on-one.js";
import { createCoachingThread } from "./usecases/coaching-thread.js";
import { createInFlight } from "./server/in-flight.js";
import { listenEarly } from "./server/listen-early.js";
import { openStorage } from "./storage/open-storage.js";
import { databaseAnswers } from "./storage/ping.js";
import { purgeExpiredTranscripts } from "./storage/retention.js";

/** At shutdown, how long turns and the job in progress may take to finish before their outbound calls are aborted. */
export const SHUTDOWN_GRACE_MS = 2_000;

export const samplesDir = fileURLToPath(new URL("../samples/", import.meta.url));

export interface RunningAttune {
  url: string;
  config: Readonly<Config>;
  log: Logger;
  live: LiveService;
  close(): Promise<void>;
}

/** Why Attune could not start: the configuration, the database or the prompt set, with every problem to fix. */
export interface StartFailure extends Failure<"config" | "storage" | "prompts" | "live" | "listen"> {
  /** One line each; `message` joins them. */
  problems: string[];
}

export type StartResult = Result<RunningAttune, StartFailure>;

function cannotStart(code: StartFailure["code"], problems: string[]): { ok: false; error: StartFailure } {
  return { ok: false, error: { code, message: problems.join("; "), problems } };
}

/**
 * The edges that load large packages (botbuilder, express, ws, jose): imported while the database opens, after
 * the port is taken, rather than before anything can answer.
 */
async function loadEdges() {
  const [adapter, app, live, pages, playground] = await Promise.all([
    import("./bot/adapter.js"),
    import("./server/create-app.js"),
    import("./live/start-live.js"),
    import("./server/pages.js"),
    import("./playground/router.js"),
  ]);
  return { ...adapter, ...app, ...live, ...pages, ...playground };
}

/** One line for a port Attune cannot listen on. */
function cannotListen(error: NodeJS.ErrnoException, host: string, port: number): string {
  if (error.code === "EADDRINUSE") return `port ${port} is in use; pass --port or set PORT to a free port`;
  if (error.code === "EACCES") return `port ${port} needs privileges on this machine; pass --port or set PORT to a port above 1023`;
  if (error.code === "EADDRNOTAVAIL") return `${host} is not an address of this machine; set HOST to one of its addresses`;
  return `cannot listen on ${host}:${port} (${error.code ?? error.message})`;
}

/**
 * The composition root: configuration → logger → the port (answering /healthz at once) → storage → coach →
 * bot, worker and the HTTP app, which then takes over the port.
 */
export async function startAttune(
  env: Record<string, string | undefined>,
  options: { log?: Logger; logFormat?: LogFormat } = {},
): Promise<StartResult> {
  const loaded = loadConfig(env);
  if (!loaded.ok) return cannotStart("config", loaded.problems);
  const config = loaded.config;
  const log = options.log ?? createLogger(config.logLevel, undefined, options.logFormat);
  const listening = await listenEarly(config.server.port, config.server.host);
  if (!listening.ok) return cannotStart("listen", [cannotListen(listening.error, config.server.host, config.server.port)]);
  const early = listening.value;
  const loading = loadEdges();
  loading.catch(() => undefined); // awaited below; until then a failure must not count as unhandled
  const opened = await openStorage(config.storage);
  if (!opened.ok) {
    await early.close();
    return cannotStart("storage", [opened.error.message]);
  }
  const db = opened.value;
  const { createBotAdapter, createApp, startLive, pagesRouter, playgroundRouter } = await loading;
  const purged = await purgeExpiredTranscripts(db);
  if (purged > 0) log.info({ purged }, "expired transcripts deleted");
  const daily = setInterval(() => {
    purgeExpiredTranscripts(db).then(
      (n) => n > 0 && log.info({ purged: n }, "expired transcripts deleted"),
      (error: unknown) => log.error({ err: error }, "retention purge failed"),
    );
  }, 24 * 3_600_000);
  daily.unref();

  let coach: CoachDeps = { llm: null, prompts: null };
  if (config.llm) {
    const prompts = await loadPrompts(config.promptsDir);
    if (!prompts.ok) {
      await db.close();
      await early.close();
      return cannotStart("prompts", [prompts.error.message]);
    }
    coach = { llm: createLlm(config.llm), prompts: prompts.value };
  }

  // Coaching a long meeting takes seconds of CPU: on a worker thread, so /healthz and turns keep answering.
  const thread = createCoachingThread({ llm: config.llm ?? null, promptsDir: config.llm ? config.promptsDir : null }, { inline: coach });
  const adapter = createBotAdapter(config.bot, log.child({ module: "bot" }));
  const graph = createGraphTranscripts(config.graph, createGraphTokenSource(config.graph));
  const edges = teamsEdges({
    db,
    graph,
    adapter,
    log: log.child({ module: "delivery" }),
    transcriptWaitMs: config.graph.transcriptWaitMs,
    pollMs: config.graph.transcriptPollMs,
    infoWaitMs: Math.min(config.graph.transcriptWaitMs, 15 * 60_000),
  });
  const worker = createWorker({
    db,
    steps: meetingSteps({ db, edges, coach, coachMeeting: thread.coachMeasuredMeeting, retentionDays: config.storage.retentionDays }),
    log: log.child({ module: "jobs" }),
    leaseMs: config.server.jobLeaseMs,
    pollMs: 2000,
  });
  const services = {
    ...teamsServices({
      db,
      log: log.child({ module: "bot" }),
      retentionDays: config.storage.retentionDays,
      fallbackTenant: config.storage.tenant,
      kick: () => worker.wake(),
      coach,
    }),
    prepAtStart: prepAtStartSender({ db, adapter, coach, log: log.child({ module: "bot" }) }),
  };
  // Opt-in: the strongest live nudges also as a targeted in-meeting notification to the organizer.
  const notifier =
    config.live.meetingNotifications && config.server.publicBaseUrl
      ? meetingNotifier({
          send: (reference, meetingId, notification) =>
            adapter.proactive(reference, async (turn) => turn.meetingNotification?.(meetingId, notification)),
          publicBaseUrl: config.server.publicBaseUrl,
          log: log.child({ module: "live" }),
        })
      : null;
  // Live mode in Teams: the organizer's account id from the meeting info decides who sees the organizer's panel.
  const organizers = meetingOrganizers();
  const liveInTeams = Boolean(config.bot.appId && (config.live.ingestToken || config.live.recallSecret));
  const bot = createBot(
    notifier || liveInTeams
      ? {
          ...services,
          meetingStarted: async (event, info, reference) => {
            if (info.organizerAadId) organizers.remember(event.meetingId, { id: info.organizerAadId, tenantId: info.tenantId });
            if (notifier && info.organizerBotId) notifier.remember(event.meetingId, { reference, organizerBotId: info.organizerBotId });
          },
        }
      : services,
    log.child({ module: "bot" }),
  );
  const started = await startLive({
    config,
    db,
    log: log.child({ module: "live" }),
    organizerOf: organizers.of,
    ...(notifier && { onNudge: notifier.onNudge }),
  });
  if (!started.ok) {
    await thread.close();
    await db.close();
    await early.close();
    return cannotStart("live", [started.error]);
  }
  const live = started.value;
  // botbuilder prints rejected requests with console.error: into the log, one line each, secrets redacted.
  const secrets = [
    config.bot.appPassword,
    config.llm?.apiKey,
    config.graph.clientSecret,
    config.live.ingestToken,
    config.live.recallSecret,
  ];
  const restoreConsole = routeConsoleToLog(log.child({ module: "botbuilder" }), secrets, { from: FROM_BOTBUILDER });
  const inFlight = createInFlight();
  // The playground exists for local mode only: with an app id, Attune faces Teams and nothing else.
  const routes = config.bot.appId
    ? undefined
    : playgroundRouter({
        db,
        coach: async () => coach,
        thread,
        samplesDir,
        log: log.child({ module: "playground" }),
        tenant: config.storage.tenant,
        retentionDays: config.storage.retentionDays,
        liveReplay: live.replays,
        prep: async (store, manager, person) => {
          const prep = await prepareOneOnOne(store, coach, { manager: { name: manager, tenant: config.storage.tenant }, with: person });
          return prep.ok ? { card: prepCard(prep.value), text: prepText(prep.value) } : null;
        },
      });
  const pages = pagesRouter({ about: Boolean(config.bot.appId) });
  const app = createApp({
    log,
    adapter,
    onTurn: bot,
    ready: () => databaseAnswers(db),
    inFlight,
    local: !config.bot.appId,
    routes: routes ? [pages, live.router, routes] : [pages, live.router],
  });

  // Local mode: WebSocket upgrades pass the same loopback Host and Origin check as pages (DNS rebinding).
  early.serve(app, config.bot.appId ? live.upgrade : loopbackUpgradesOnly(live.upgrade));
  const port = (early.server.address() as AddressInfo).port;
  const url = `http://${config.server.host === "0.0.0.0" ? "127.0.0.1" : config.server.host}:${port}`;
  worker.start();
  if (config.bot.appId)
    log.info({ url, appType: config.bot.appType, storage: db.kind, coach: coach.llm ? "llm" : "heuristic" }, "Attune is listening");
  // Local mode is the normal way to try Attune: what it runs with, at info; nothing here needs fixing.
  else
    log.info(
      { storage: db.kind, coach: coach.llm ? "llm" : "heuristic" },
      "local mode (no MicrosoftAppId): Teams sign-in is off and only this machine can connect",
    );

  let closing: Promise<void> | null = null;
  return {
    ok: true,
    value: {
      url,
      config,
      log,
      live,
      close() {
        closing ??= (async () => {
          // Turns and the job in progress get a short grace to finish (a card the connector is accepting is
          // recorded as delivered, not sent again after the restart); calls still out then (a connector that never
          // answers) are aborted, so shutdown never waits on them.
          const workerStopped = worker.stop();
          await Promise.race([Promise.all([inFlight.drain(SHUTDOWN_GRACE_MS), workerStopped]), delay(SHUTDOWN_GRACE_MS)]);
          adapter.abortCalls();
          await inFlight.drain(10_000);
          await live.close();
          await early.close();
          await workerStopped;
          await thread.close();
          clearInterval(daily);
          restoreConsole();
          await db.close();
        })();
        return closing;
      },
    },
  };
}
