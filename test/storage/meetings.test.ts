import { beforeAll, expect, it } from "vitest";
import { coachingSchema } from "../../src/coaching/schema.js";
import { analysisSchema } from "../../src/metrics/schema.js";
import { managerHistory, sharedMeetings } from "../../src/storage/history.js";
import { saveAnalyzedMeeting } from "../../src/storage/meetings.js";
import { countRows, describeEachDatabase } from "../helpers/databases.js";
import { ES2004A, ES2004A_MANAGER, fixtureMeeting, type FixtureMeeting } from "./meeting-fixtures.js";

let es2004a: FixtureMeeting;
beforeAll(async () => {
  es2004a = await fixtureMeeting(ES2004A, { manager: ES2004A_MANAGER, retentionDays: 30 });
});

describeEachDatabase("saveAnalyzedMeeting", (t) => {
  it("stores a real meeting: meeting, people, participants, transcript, analysis and report", async () => {
    await t.reset();
    const saved = await saveAnalyzedMeeting(t.db, es2004a);
    expect(saved.created).toBe(true);
    expect(saved.reportId).toEqual(expect.any(String));
    const db = t.db;

    const meetings = (
      await db.query<{ id: string; title: string; source: string; external_id: string; organizer_id: string }>("select * from meetings")
    ).rows;
    expect(meetings).toHaveLength(1);
    expect(meetings[0]).toMatchObject({ id: saved.meetingId, title: "Kick-off meeting", source: "cli", external_id: ES2004A });

    const people = (await db.query<{ id: string; display_name: string }>("select id, display_name from people order by display_name")).rows;
    const speakers = es2004a.analysis.speakers.map((s) => s.name).sort();
    expect(people.map((p) => p.display_name)).toEqual(speakers);
    const managerId = people.find((p) => p.display_name === ES2004A_MANAGER)!.id;
    expect(meetings[0]!.organizer_id).toBe(managerId);

    const participants = (
      await db.query<{ person_id: string; role: string; talk_ms: number; share: number }>(
        "select person_id, role, talk_ms, share from meeting_participants",
      )
    ).rows;
    expect(participants).toHaveLength(speakers.length);
    expect(participants.filter((p) => p.role === "manager").map((p) => p.person_id)).toEqual([managerId]);
    expect(participants.reduce((sum, p) => sum + p.share, 0)).toBeCloseTo(1, 6);
    for (const s of es2004a.analysis.speakers) {
      const id = people.find((p) => p.display_name === s.name)!.id;
      expect(participants.find((p) => p.person_id === id)).toMatchObject({ talk_ms: s.talkMs });
    }

    const transcript = (
      await db.query<{ raw: string; utterances: unknown; format: string; speakers_known: boolean; days: number }>(
        "select raw, utterances, format, speakers_known, extract(epoch from expires_at - created_at)::float8 / 86400 as days from transcripts where meeting_id = $1",
        [saved.meetingId],
      )
    ).rows[0]!;
    expect(transcript.raw).toBe(es2004a.text);
    expect(transcript.utterances).toEqual(es2004a.transcript.utterances);
    expect(transcript).toMatchObject({ format: "vtt-download", speakers_known: true });
    expect(transcript.days).toBeCloseTo(30, 3);

    const analysis = (
      await db.query<{ metrics: unknown; manager_id: string; schema_version: number }>(
        "select metrics, manager_id, schema_version from analyses where meeting_id = $1",
        [saved.meetingId],
      )
    ).rows[0]!;
    expect(analysis.manager_id).toBe(managerId);
    expect(analysis.schema_version).toBe(es2004a.analysis.schemaVersion);
    expect(analysisSchema.parse(analysis.metrics)).toEqual(es2004a.analysis);

    const reports = (
      await db.query<{ id: string; manager_id: string; source: string; coaching: unknown; delivered_at: Date | null }>(
        "select * from coaching_reports",
      )
    ).rows;
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ id: saved.reportId, manager_id: managerId, source: "heuristic", delivered_at: null });
    expect(coachingSchema.parse(reports[0]!.coaching)).toEqual(es2004a.coaching);
    // a round trip with content: ES2004a's coaching has no moment to show (issue 17), but restatements it kept
    expect(es2004a.coaching!.kept.length).toBeGreaterThan(0);

    const history = await managerHistory(db, managerId, 5);
    expect(history.map((h) => [h.meetingId, h.reportId])).toEqual([[saved.meetingId, saved.reportId]]);
    expect(history[0]!.at.toISOString()).toBe("2026-03-02T09:00:00.000Z");
    const other = people.find((p) => p.display_name !== ES2004A_MANAGER)!;
    const shared = await sharedMeetings(db, managerId, other.id, [other.display_name], 5);
    expect(shared).toHaveLength(1);
    expect(shared[0]!.theirUtterances!.length).toBe(es2004a.transcript.utterances.filter((u) => u.speaker === other.display_name).length);
  });

  it("the same meeting saved again, or twice at once, stays one meeting with one report", async () => {
    await t.reset();
    const first = await saveAnalyzedMeeting(t.db, es2004a);
    const again = await saveAnalyzedMeeting(t.db, es2004a);
    expect(again).toEqual({ meetingId: first.meetingId, created: false, reportId: first.reportId });

    const other = { ...es2004a, meeting: { ...es2004a.meeting, externalId: "saved-twice-at-once" } };
    const both = await Promise.all([saveAnalyzedMeeting(t.db, other), saveAnalyzedMeeting(t.db, other)]);
    expect(both.map((b) => b.created).sort()).toEqual([false, true]);
    expect(both[0]!.meetingId).toBe(both[1]!.meetingId);
    expect(both[0]!.reportId).toBe(both[1]!.reportId);

    expect(await countRows(t.db, "meetings")).toBe(2);
    expect(await countRows(t.db, "coaching_reports")).toBe(2);
    expect(await countRows(t.db, "transcripts")).toBe(2);
    expect(await countRows(t.db, "analyses")).toBe(2);
    expect(await countRows(t.db, "people")).toBe(es2004a.analysis.speakers.length);
    expect(await countRows(t.db, "meeting_participants")).toBe(2 * es2004a.analysis.speakers.length);
  });
});
