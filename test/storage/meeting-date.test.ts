import { beforeAll, expect, it } from "vitest";
import { meetingCoachingCard } from "../../src/cards/coaching-card.js";
import { managerHistory } from "../../src/storage/history.js";
import { saveAnalyzedMeeting } from "../../src/storage/meetings.js";
import { latestReport, reportOfMeeting } from "../../src/storage/reports.js";
import { readFixture } from "../helpers/fixtures.js";
import { describeEachDatabase } from "../helpers/databases.js";
import { transcriptMeeting, type FixtureMeeting } from "./meeting-fixtures.js";

const MANAGER = "Renée Ortiz";
let meeting: FixtureMeeting;
beforeAll(async () => {
  meeting = await transcriptMeeting(readFixture("teams/download-style.vtt"), { manager: MANAGER });
});

/** The same transcript stored as another meeting, with the times a source gave it. */
function dated(externalId: string, times: { startedAt?: string | null; endedAt?: string | null }): FixtureMeeting {
  return { ...meeting, meeting: { ...meeting.meeting, source: "teams", externalId, startedAt: null, endedAt: null, ...times } };
}

describeEachDatabase("a meeting's date", (t) => {
  it("is its start when known, even when its end is known too: in the report, the card and the trend", async () => {
    await t.reset();
    const saved = await saveAnalyzedMeeting(t.db, dated("started", { startedAt: "2026-11-25T15:00:00Z", endedAt: "2026-11-25T15:31:09Z" }));
    const report = await reportOfMeeting(t.db, saved.meetingId);
    expect(report?.at.toISOString()).toBe("2026-11-25T15:00:00.000Z");
    expect(JSON.stringify(meetingCoachingCard(report!))).toContain("{{DATE(2026-11-25T15:00:00Z, SHORT)}}");
    const history = await managerHistory(t.db, report!.managerId, 10);
    expect(history.map((m) => m.at.toISOString())).toEqual(["2026-11-25T15:00:00.000Z"]);
  });

  it("is its end when only the end is known, else when it was stored; the latest report and the trend order follow it", async () => {
    await t.reset();
    const before = Date.now();
    const undated = await saveAnalyzedMeeting(t.db, dated("undated", {}));
    const ended = await saveAnalyzedMeeting(t.db, dated("ended", { endedAt: "2026-11-20T10:30:00Z" }));
    const started = await saveAnalyzedMeeting(t.db, dated("started", { startedAt: "2026-11-24T09:00:00Z" }));
    expect((await reportOfMeeting(t.db, ended.meetingId))?.at.toISOString()).toBe("2026-11-20T10:30:00.000Z");
    const stored = (await reportOfMeeting(t.db, undated.meetingId))!.at.getTime();
    expect(stored).toBeGreaterThanOrEqual(before - 5000);
    expect(stored).toBeLessThanOrEqual(Date.now() + 5000);

    const managerId = (await reportOfMeeting(t.db, started.meetingId))!.managerId;
    // oldest first: the end-dated meeting of 20 November, the one that started on the 24th, the one stored today
    expect((await managerHistory(t.db, managerId, 10)).map((m) => m.meetingId)).toEqual([
      ended.meetingId,
      started.meetingId,
      undated.meetingId,
    ]);
    expect((await latestReport(t.db, managerId))?.meetingId).toBe(undated.meetingId);
  });
});
