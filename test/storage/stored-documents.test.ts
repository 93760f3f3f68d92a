import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { managerHistory } from "../../src/storage/history.js";
import { analysisOf, loadUtterances, saveAnalyzedMeeting } from "../../src/storage/meetings.js";
import { reportOfMeeting } from "../../src/storage/reports.js";
import { ANALYSIS, readDocument, StoredDocumentError, type DocumentKind } from "../../src/storage/stored-documents.js";
import { describeEachDatabase } from "../helpers/databases.js";
import { readFixture } from "../helpers/fixtures.js";
import { transcriptMeeting, type FixtureMeeting } from "./meeting-fixtures.js";

/** A document kind of this test's own, at version 3, with an upgrade from 2 (a field renamed) but none from 1. */
const NOTE: DocumentKind<{ text: string }> = {
  label: "note",
  schema: z.object({ text: z.string() }),
  version: 3,
  upgrades: { 2: (document) => ({ text: (document as { body: string }).body }) },
};

function refusal(read: () => unknown): StoredDocumentError {
  try {
    read();
  } catch (error) {
    if (error instanceof StoredDocumentError) return error;
    throw error;
  }
  throw new Error("the document was read, not refused");
}

describe("reading a stored document", () => {
  it("reads the current version, and upgrades an older one when an upgrade is known", () => {
    expect(readDocument(NOTE, { text: "kept" }, 3, "m1")).toEqual({ text: "kept" });
    expect(readDocument(NOTE, { body: "renamed" }, 2, "m1")).toEqual({ text: "renamed" });
  });

  it("refuses, with the document, the meeting and the versions, what it cannot read", () => {
    const newer = refusal(() => readDocument(NOTE, { text: "from the future" }, 4, "m1"));
    expect(newer.code).toBe("newer-version");
    expect(newer.message).toBe(
      "the stored note of meeting m1 has schema version 4, newer than this Attune reads (3); run the Attune release that wrote it, or a later one",
    );
    const older = refusal(() => readDocument(NOTE, { words: "ancient" }, 1, "m1"));
    expect(older.code).toBe("older-version");
    expect(older.message).toMatch(
      /^the stored note of meeting m1 has schema version 1, older than this Attune can upgrade \(it reads version 3\)/,
    );
    const broken = refusal(() => readDocument(NOTE, { text: 42 }, 3, "m1"));
    expect(broken.code).toBe("invalid");
    expect(broken.message).toMatch(/^the stored note of meeting m1 does not fit its schema \(version 3\): text: /);
  });
});

let meeting: FixtureMeeting;
beforeAll(async () => {
  meeting = await transcriptMeeting(readFixture("teams/download-style.vtt"), { manager: "Renée Ortiz" });
});

describeEachDatabase("stored documents read back", (t) => {
  it("an analysis, a coaching report and a transcript of another schema version are refused, never cast", async () => {
    await t.reset();
    const saved = await saveAnalyzedMeeting(t.db, meeting);
    const report = await reportOfMeeting(t.db, saved.meetingId);
    expect(report?.coaching).toEqual(meeting.coaching);
    expect(await loadUtterances(t.db, saved.meetingId)).toEqual(meeting.transcript.utterances);

    await t.db.query("update analyses set schema_version = $2 where meeting_id = $1", [saved.meetingId, ANALYSIS.version + 1]);
    await expect(analysisOf(t.db, saved.meetingId)).rejects.toThrow(
      `the stored analysis of meeting ${saved.meetingId} has schema version ${ANALYSIS.version + 1}, newer than this Attune reads`,
    );
    await expect(managerHistory(t.db, report!.managerId, 10)).rejects.toBeInstanceOf(StoredDocumentError);
    await t.db.query("update analyses set schema_version = $2 where meeting_id = $1", [saved.meetingId, ANALYSIS.version]);

    await t.db.query("update coaching_reports set schema_version = 0 where meeting_id = $1", [saved.meetingId]);
    await expect(reportOfMeeting(t.db, saved.meetingId)).rejects.toThrow(
      `the stored coaching report of meeting ${saved.meetingId} has schema version 0, older than this Attune can upgrade`,
    );

    await t.db.query(`update transcripts set utterances = '[{"id": "u1", "speaker": null}]' where meeting_id = $1`, [saved.meetingId]);
    await expect(loadUtterances(t.db, saved.meetingId)).rejects.toThrow(
      `the stored transcript of meeting ${saved.meetingId} does not fit its schema (version 1): 0.startMs: `,
    );
  });
});
