import { afterAll, beforeAll, expect, it } from "vitest";
import { meetingSteps, type PipelineEdges } from "../../src/jobs/meeting-pipeline.js";
import { managerHistory, sharedMeetings } from "../../src/storage/history.js";
import { saveAnalyzedMeeting } from "../../src/storage/meetings.js";
import { purgeExpiredTranscripts } from "../../src/storage/retention.js";
import { killStarted, runAttune } from "../helpers/child-processes.js";
import { countRows, describeEachDatabase } from "../helpers/databases.js";
import { fixturesDir } from "../helpers/fixtures.js";
import { ES2004A, ES2004A_MANAGER, fixtureMeeting, queuedMeeting, type FixtureMeeting } from "./meeting-fixtures.js";

let es2004a: FixtureMeeting;
beforeAll(async () => {
  es2004a = await fixtureMeeting(ES2004A, { manager: ES2004A_MANAGER, retentionDays: 30 });
});
afterAll(killStarted);

describeEachDatabase("transcript retention", (t) => {
  it("purgeExpiredTranscripts deletes expired transcripts only; analysis, report and history stay", async () => {
    await t.reset();
    const saved = await saveAnalyzedMeeting(t.db, es2004a);
    const kept = await saveAnalyzedMeeting(t.db, { ...es2004a, meeting: { ...es2004a.meeting, externalId: "still-fresh" } });
    expect(await purgeExpiredTranscripts(t.db)).toBe(0);
    await t.db.query("update transcripts set expires_at = now() - interval '1 minute' where meeting_id = $1", [saved.meetingId]);

    expect(await purgeExpiredTranscripts(t.db)).toBe(1);
    expect(await countRows(t.db, "transcripts", "meeting_id = $1", [saved.meetingId])).toBe(0);
    expect(await countRows(t.db, "transcripts", "meeting_id = $1", [kept.meetingId])).toBe(1);
    for (const table of ["meetings", "analyses", "coaching_reports"])
      expect(await countRows(t.db, table, table === "meetings" ? "id = $1" : "meeting_id = $1", [saved.meetingId])).toBe(1);
    expect(await countRows(t.db, "meeting_participants", "meeting_id = $1", [saved.meetingId])).toBe(4);
    expect(await purgeExpiredTranscripts(t.db)).toBe(0);

    const manager = (await t.db.query<{ id: string }>("select id from people where display_name = $1", [ES2004A_MANAGER])).rows[0]!.id;
    const history = await managerHistory(t.db, manager, 10);
    expect(history.map((h) => h.meetingId).sort()).toEqual([saved.meetingId, kept.meetingId].sort());
    const other = (
      await t.db.query<{ id: string; display_name: string }>("select id, display_name from people where display_name <> $1 limit 1", [
        ES2004A_MANAGER,
      ])
    ).rows[0]!;
    const shared = await sharedMeetings(t.db, manager, other.id, [other.display_name], 10);
    const byId = new Map(shared.map((s) => [s.meetingId, s]));
    expect(byId.get(saved.meetingId)!.theirUtterances).toBeNull(); // purged: only the figures remain
    expect(byId.get(saved.meetingId)!.analysis).toEqual(es2004a.analysis);
    expect(byId.get(kept.meetingId)!.theirUtterances!.length).toBeGreaterThan(0);
  });

  it("retention 0 days: the transcript is stored already expired and goes at the next purge", async () => {
    await t.reset();
    const saved = await saveAnalyzedMeeting(t.db, { ...es2004a, transcript: { ...es2004a.transcript, retentionDays: 0 } });
    const row = (
      await t.db.query<{ same: boolean }>("select expires_at = created_at as same from transcripts where meeting_id = $1", [
        saved.meetingId,
      ])
    ).rows[0]!;
    expect(row.same).toBe(true);
    expect(await purgeExpiredTranscripts(t.db)).toBe(1);
    expect(await countRows(t.db, "transcripts")).toBe(0);
    expect(await countRows(t.db, "analyses")).toBe(1);
    expect(await countRows(t.db, "coaching_reports")).toBe(1);
  });

  it("the CLI stores with ATTUNE_TRANSCRIPT_RETENTION_DAYS and purges expired transcripts when it opens the database", async () => {
    await t.reset();
    const file = (name: string) => `${fixturesDir}ami/${name}.teams.vtt`;
    const [zero, week] = await t.whileClosed(async () => [
      await runAttune(
        ["analyze", file("IS1009a"), "--manager", "FIE088", "--save", "--format", "json"],
        t.env({ ATTUNE_TRANSCRIPT_RETENTION_DAYS: "0" }),
      ),
      // The next run purges the transcript stored with 0 days (already expired) when it opens the database.
      await runAttune(
        ["analyze", file("ES2004a"), "--manager", "FEE013", "--save", "--format", "json"],
        t.env({ ATTUNE_TRANSCRIPT_RETENTION_DAYS: "7" }),
      ),
    ]);
    expect(zero.stderr).toMatch(/^attune: saved 'IS1009a\.teams\.vtt' to /);
    expect(week.stderr).toMatch(/^attune: saved 'ES2004a\.teams\.vtt' to /);
    expect([zero.code, week.code]).toEqual([0, 0]);
    const rows = (
      await t.db.query<{ title: string; days: number | null; analysed: boolean; reported: boolean }>(
        `select m.title, extract(epoch from t.expires_at - t.created_at)::float8 / 86400 as days,
         exists (select 1 from analyses a where a.meeting_id = m.id) as analysed,
         exists (select 1 from coaching_reports r where r.meeting_id = m.id) as reported
       from meetings m left join transcripts t on t.meeting_id = m.id order by m.title`,
      )
    ).rows;
    expect(rows).toEqual([
      { title: "ES2004a.teams.vtt", days: expect.closeTo(7, 3), analysed: true, reported: true },
      { title: "IS1009a.teams.vtt", days: null, analysed: true, reported: true },
    ]);
  });

  // Regression (src/jobs/meeting-pipeline.ts): the analyzing and coaching steps once read the transcript with
  // `loadUtterances(...) ?? []`. When it is gone between steps (with ATTUNE_TRANSCRIPT_RETENTION_DAYS=0 it is stored
  // already expired, so any purge in between removes it, e.g. a CLI run, or while a crashed job waits out its lease),
  // they analysed and coached an empty meeting and delivered an empty report instead of fetching it again.
  it("with 0-day retention, a purge between fetching and analyzing does not produce an empty analysis", async () => {
    await t.reset();
    const { meeting, job } = await queuedMeeting(t.db, "retention-0", { organizer: ES2004A_MANAGER });
    const edges: PipelineEdges = {
      fetchTranscript: async () => ({ ok: true, value: { raw: es2004a.text } }),
      deliver: async () => ({ ok: true, value: "sent" }),
    };
    const steps = meetingSteps({ db: t.db, edges, coach: { llm: null, prompts: null }, retentionDays: 0 });
    expect(await steps.fetching!(job, meeting)).toEqual({ ok: true, value: "analyzing" });
    expect(await purgeExpiredTranscripts(t.db)).toBe(1); // e.g. `attune analyze --save` run meanwhile, or the server's purge
    const next = await steps.analyzing!(job, meeting);
    const empty = await countRows(t.db, "analyses", "meeting_id = $1 and (metrics->>'utterances')::int = 0", [meeting.id]);
    // Fetching again (or retrying later) would both do; analysing nothing and moving on to coaching would not.
    expect({ movedOnToCoaching: next.ok && next.value === "coaching", emptyAnalyses: empty }).toEqual({
      movedOnToCoaching: false,
      emptyAnalyses: 0,
    });
  });
});
