import type { Db } from "../storage/db.js";
import { saveAnalyzedMeeting } from "../storage/meetings.js";
import type { CoachedTranscript } from "./coach-transcript.js";
import { meetingContentId } from "./meeting-identity.js";

/** Where a coached transcript came from, and what to store it as. */
export interface MeetingToSave {
  source: "cli" | "playground";
  tenantId: string;
  /** The transcript's text as given: stored as it is. */
  text: string;
  title: string;
  /** When the meeting took place, if the person said; else the transcript's own start, else now. */
  date: string | null;
  retentionDays: number;
}

/**
 * The one save path for a transcript coached in one go (the CLI's --save, the playground): the meeting, its
 * transcript, analysis and coaching report in one transaction. The same meeting (by what was said, see
 * meetingContentId) is stored once, whichever of the two saves it first and however often.
 * (The meeting job stores the same pieces one step at a time, with the same storage functions.)
 */
export async function saveCoachedMeeting(
  db: Db,
  meeting: MeetingToSave,
  coached: CoachedTranscript,
): Promise<{ meetingId: string; created: boolean; reportId: string | null }> {
  const { transcript, analysis, coaching } = coached;
  return saveAnalyzedMeeting(db, {
    meeting: {
      tenantId: meeting.tenantId,
      source: meeting.source,
      externalId: meetingContentId(transcript.utterances),
      sameAs: ["cli", "playground"],
      title: meeting.title,
      startedAt: meeting.date ?? transcript.startedAt ?? new Date().toISOString(),
    },
    transcript: {
      format: transcript.format,
      raw: meeting.text,
      utterances: transcript.utterances,
      speakersKnown: analysis.speakersKnown,
      retentionDays: meeting.retentionDays,
    },
    analysis,
    coaching,
  });
}
