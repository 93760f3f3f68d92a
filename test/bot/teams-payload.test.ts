import { describe, expect, it } from "vitest";
import type { BotAdapter } from "../../src/bot/adapter.js";
import { teamsEdges } from "../../src/bot/teams-edges.js";
import type { GraphTranscripts } from "../../src/graph/transcripts.js";
import { createLogger } from "../../src/log.js";
import type { Db } from "../../src/storage/db.js";
import type { JobRow } from "../../src/storage/jobs.js";
import type { MeetingRow } from "../../src/storage/meetings.js";

const untouched = (what: string) => () => Promise.reject(new Error(`${what} must not be used`));
const db: Db = { kind: "pglite", query: untouched("db"), exec: untouched("db"), transaction: untouched("db"), close: untouched("db") };
const adapter: BotAdapter = { handle: untouched("adapter"), proactive: untouched("adapter"), abortCalls: () => undefined };
const asked: string[][] = [];
const graph: GraphTranscripts = {
  latest: async (organizer, meeting) => {
    asked.push([organizer, meeting]);
    return { ok: true, value: { text: "WEBVTT\n", attributed: true } };
  },
  meetingIdByJoinUrl: untouched("graph lookup"),
};
const edges = teamsEdges({ db, graph, adapter, log: createLogger("silent"), transcriptWaitMs: 60_000, pollMs: 1000, infoWaitMs: 60_000 });

const meeting: MeetingRow = {
  id: "7d0c5e1a-0000-4000-8000-000000000001",
  tenant_id: "t",
  source: "teams",
  external_id: "e",
  graph_id: null,
  title: "Weekly",
  organizer_id: null,
  meeting_type: null,
  started_at: null,
  ended_at: null,
  created_at: new Date(),
};
const job = (payload: Record<string, unknown>): JobRow => ({
  id: "j",
  meeting_id: meeting.id,
  state: "fetching",
  attempts: 1,
  max_attempts: 1000,
  run_after: new Date(),
  locked_by: "w",
  locked_until: new Date(),
  last_error: null,
  payload,
});

describe("a Teams job's payload", () => {
  it("is parsed, not cast: what meetingEnded writes is read; anything else gives the job up with a reason", async () => {
    const fetched = await edges.fetchTranscript(
      meeting,
      job({ organizerAadId: "aad-1", graphId: "MSo2", receivedAt: new Date().toISOString() }),
    );
    expect(fetched).toEqual({ ok: true, value: { raw: "WEBVTT\n", speakersKnown: true } });
    expect(asked).toEqual([["aad-1", "MSo2"]]);
    expect(await edges.fetchTranscript(meeting, job({ organizerAadId: 42, graphId: "MSo2" }))).toEqual({
      ok: false,
      error: { code: "give-up", message: "the job's payload is not a Teams meeting's (organizerAadId)" },
    });
    // the organizer was forgotten: their id left the payload
    expect(await edges.fetchTranscript(meeting, job({ graphId: "MSo2" }))).toEqual({
      ok: false,
      error: { code: "give-up", message: "the meeting's organizer or Graph id is unknown" },
    });
    expect(asked).toHaveLength(1);
  });
});
