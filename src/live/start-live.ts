import type { Config } from "../config.js";
import type { Logger } from "../log.js";
import type { Db } from "../storage/db.js";
import { liveSnapshotStore } from "../storage/live-snapshots.js";
import { inProcessBus, type LiveBus } from "./bus.js";
import { devKey } from "./dev-token.js";
import { createLiveHub, type LiveHub, type LiveHubDeps } from "./live-hub.js";
import { liveOptions } from "./live-options.js";
import { createLiveServer } from "./live-server.js";
import { localReplayer, type LocalReplayer } from "./local-replay.js";
import type { Nudge } from "./nudge-policy.js";
import { createPanelHub, type PanelHub } from "./panel-hub.js";
import { redisBus } from "./redis-bus.js";
import { devViewerAuth, entraViewerAuth } from "./viewer-auth.js";

export interface LiveService {
  upgrade: ReturnType<typeof createLiveServer>["upgrade"];
  router: ReturnType<typeof createLiveServer>["router"];
  hub: LiveHub;
  panels: PanelHub;
  bus: LiveBus;
  /** The playground's replays into this instance. */
  replays: LocalReplayer;
  close(): Promise<void>;
}

export interface LiveDeps {
  config: Readonly<Config>;
  db: Db;
  log: Logger;
  /** Told of every nudge (the optional in-meeting notification). */
  onNudge?: (meeting: { meetingId: string; manager: string }, nudge: Nudge) => void;
  /** The organizer Teams reported for a meeting (Bot Connector meeting info). */
  organizerOf?: LiveHubDeps["organizerOf"];
}

/** Live mode: the bus (Redis or in-process), the meetings this instance owns, the side panels, the endpoints. */
export async function startLive(deps: LiveDeps): Promise<{ ok: true; value: LiveService } | { ok: false; error: string }> {
  const { config, log } = deps;
  const live = config.live;
  let bus: LiveBus;
  try {
    bus = live.redisUrl ? await redisBus(live.redisUrl, log) : inProcessBus();
  } catch (error) {
    return { ok: false, error: `REDIS_URL: cannot reach Redis (${(error as Error).message}); start it or unset REDIS_URL` };
  }
  const hub = createLiveHub({
    bus,
    snapshots: liveSnapshotStore(deps.db),
    options: liveOptions({
      monologueMs: live.monologueMs,
      silentMs: live.silentMs,
      maxPerMeeting: live.maxNudges,
      disabled: live.nudgesOff,
    }),
    log,
    idleMs: live.idleMs,
    snapshotEveryMs: live.snapshotEveryMs,
    maxMeetings: live.maxMeetings,
    ...(deps.onNudge && { onNudge: deps.onNudge }),
    ...(deps.organizerOf && { organizerOf: deps.organizerOf }),
  });
  const auth = config.bot.appId
    ? entraViewerAuth({
        authorityHost: config.graph.authorityHost,
        appId: config.bot.appId,
        tenantId: config.bot.tenantId,
        publicHostname: config.server.publicBaseUrl ? new URL(config.server.publicBaseUrl).host : undefined,
      })
    : devViewerAuth(await devKey(config.storage.dataDir));
  const panels = createPanelHub({ bus, auth, log });
  const server = createLiveServer({
    hub,
    panels,
    log,
    ingestToken: live.ingestToken,
    recallSecret: live.recallSecret,
    framesPerSecond: live.framesPerSecond,
    burst: live.framesPerSecond * 4,
    maxMeetings: live.maxMeetings,
    idleMs: live.idleMs,
  });
  const replays = localReplayer(hub, config.storage.dataDir);
  if (!live.ingestToken && !live.recallSecret)
    log.info("live: the playground's replay works; to follow real meetings live set ATTUNE_LIVE_INGEST_TOKEN (docs/live.md)");
  return {
    ok: true,
    value: {
      upgrade: server.upgrade,
      router: server.router,
      hub,
      panels,
      bus,
      replays,
      async close() {
        replays.stopAll();
        server.close();
        await hub.close();
        panels.close();
        await bus.close();
      },
    },
  };
}
