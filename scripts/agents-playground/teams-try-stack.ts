import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLogger, type Logger } from "../../src/log.js";
import { startAttune, type RunningAttune } from "../../src/main.js";
import { oneOnOneMeeting, type BundledMeeting } from "./bundled-meeting.js";
import { PlaygroundApi } from "./playground-api.js";
import { startPlayground, type RunningPlayground } from "./playground-process.js";
import { startTeamsStandIns, type TeamsStandIns } from "./teams-stand-ins.js";

export interface TeamsTry {
  attune: RunningAttune;
  playground: RunningPlayground;
  api: PlaygroundApi;
  standIns: TeamsStandIns;
  meeting: BundledMeeting;
  /** Starts the bundled meeting in the Playground's group chat (a meetingStart custom activity). */
  startMeeting(): Promise<void>;
  /** Ends the bundled meeting in the Playground's group chat (a meetingEnd custom activity). */
  endMeeting(): Promise<void>;
  stop(): Promise<void>;
}

export interface TeamsTryOptions {
  /** Attune's data folder; a fresh temporary one (deleted on stop) when absent. */
  dataDir?: string;
  /** The Playground's port (it moves to a free one when taken); 0: any. */
  playgroundPort?: number;
  /** Environment for Attune on top of the trial's own (OPENAI_* for the prompt-set coach, LOG_LEVEL). */
  env?: Record<string, string | undefined>;
  log?: Logger;
}

/**
 * Attune in local mode on a free port, the stand-ins for the meeting API and Graph, and the Agents
 * Playground pointed at Attune's /api/messages with the stand-in as its service URL. The same pieces
 * serve `npm run teams:try` and the test that drives the Playground.
 */
export async function startTeamsTry(options: TeamsTryOptions = {}): Promise<TeamsTry> {
  const meeting = oneOnOneMeeting();
  const workDir = await mkdtemp(join(tmpdir(), "attune-agents-playground-"));
  const dataDir = options.dataDir ?? join(workDir, "data");
  const cleanup: (() => Promise<void>)[] = [() => rm(workDir, { recursive: true, force: true })];
  const stop = async () => {
    for (const step of cleanup.splice(0).reverse()) await step().catch(() => undefined);
  };
  try {
    const standIns = await startTeamsStandIns(meeting);
    cleanup.push(() => standIns.close());
    const started = await startAttune(
      {
        LOG_LEVEL: "warn",
        ...options.env,
        // Local mode, whatever the shell has: the Playground sends no Bot Framework token.
        MicrosoftAppId: "",
        MicrosoftAppPassword: "",
        PORT: "0",
        ATTUNE_DATA_DIR: dataDir,
        GRAPH_BASE_URL: standIns.graphUrl,
        AUTHORITY_HOST: standIns.authorityHost,
        GRAPH_CLIENT_ID: "00000000-0000-0000-0000-0000000a77e1",
        GRAPH_CLIENT_SECRET: "stand-in-secret",
        GRAPH_TENANT_ID: meeting.tenantId,
        ATTUNE_TRANSCRIPT_POLL_SECONDS: "1",
      },
      { log: options.log ?? createLogger(options.env?.LOG_LEVEL ?? "warn") },
    );
    if (!started.ok) throw new Error(`Attune did not start: ${started.error.message}`);
    const attune = started.value;
    cleanup.push(() => attune.close());
    const playground = await startPlayground({
      appEndpoint: `${attune.url}/api/messages`,
      serviceUrl: standIns.connectorUrl,
      meeting,
      workDir,
      port: options.playgroundPort ?? 0,
    });
    cleanup.push(() => playground.stop());
    standIns.forwardTo(`${playground.url}/_connector`);
    const api = new PlaygroundApi(playground.url);
    return {
      attune,
      playground,
      api,
      standIns,
      meeting,
      startMeeting: async () => api.sendActivity(await api.meetingStartActivity(playground.groupChatId, meeting)),
      endMeeting: async () => api.sendActivity(await api.meetingEndActivity(playground.groupChatId, meeting)),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
