/** Real meetings (AMI fixtures) parsed, analysed and coached the way `attune analyze --save` does, ready to store. */
import { coachMeeting } from "../../src/coaching/coach.js";
import { analyze } from "../../src/metrics/analyze.js";
import type { Db } from "../../src/storage/db.js";
import { enqueueJob, type JobRow } from "../../src/storage/jobs.js";
import type { SaveAnalyzedMeeting } from "../../src/storage/meetings.js";
import { upsertMeeting, type MeetingRow } from "../../src/storage/meetings.js";
import { ensureTenant, LOCAL_TENANT, personForName } from "../../src/storage/people.js";
import { parseTranscript } from "../../src/transcript/parse-transcript.js";
import { readFixture } from "../helpers/fixtures.js";

export const ES2004A = "ami/ES2004a.teams.vtt";
export const IS1009A = "ami/IS1009a.teams.vtt";
export const ES2004A_MANAGER = "FEE013 (Project Manager)";
export const IS1009A_MANAGER = "FIE088 (Project Manager)";

export interface FixtureMeeting extends SaveAnalyzedMeeting {
  text: string;
}

export interface FixtureOptions {
  /** Whose listening to measure and coach; null: no manager, no coaching (as without --manager). */
  manager: string | null;
  externalId?: string;
  title?: string;
  retentionDays?: number;
  /** Speaker renames (old display name → new), to put the same person in two meetings. */
  rename?: Record<string, string>;
}

/** A fixture transcript as `attune analyze --save --manager` would store it (heuristic coach). */
export async function fixtureMeeting(path: string, options: FixtureOptions): Promise<FixtureMeeting> {
  let text = readFixture(path);
  for (const [from, to] of Object.entries(options.rename ?? {})) text = text.replaceAll(`<v ${from}>`, `<v ${to}>`);
  return transcriptMeeting(text, { externalId: path, ...options });
}

/** Any transcript text (VTT or JSON) as `attune analyze --save` would store it. */
export async function transcriptMeeting(text: string, options: FixtureOptions): Promise<FixtureMeeting> {
  const parsed = parseTranscript(text);
  if (!parsed.ok) throw new Error(`${options.externalId}: ${parsed.error.message}`);
  const t = parsed.value;
  const analysis = analyze({ utterances: t.utterances, manager: options.manager });
  if (options.manager !== null && analysis.manager?.name !== options.manager) throw new Error(`${options.manager} is not a speaker`);
  const coaching =
    options.manager === null
      ? null
      : await coachMeeting({ utterances: t.utterances, analysis, manager: options.manager }, { llm: null, prompts: null });
  return {
    text,
    meeting: {
      tenantId: LOCAL_TENANT,
      source: "cli",
      externalId: options.externalId ?? "transcript",
      title: options.title ?? "Kick-off meeting",
      startedAt: "2026-03-02T09:00:00Z",
    },
    transcript: {
      format: t.format,
      raw: text,
      utterances: t.utterances,
      speakersKnown: analysis.speakersKnown,
      retentionDays: options.retentionDays ?? 30,
    },
    analysis,
    coaching,
  };
}

/** A Teams meeting organised by `organizer` (created once per external id), with no job yet. */
export async function teamsMeeting(db: Db, externalId: string, organizer = ES2004A_MANAGER): Promise<MeetingRow> {
  const { meeting } = await db.transaction(async (tx) => {
    await ensureTenant(tx, LOCAL_TENANT);
    const organizerId = await personForName(tx, LOCAL_TENANT, organizer);
    return upsertMeeting(tx, { tenantId: LOCAL_TENANT, source: "teams", externalId, title: `Meeting ${externalId}`, organizerId });
  });
  return meeting;
}

/** A Teams meeting waiting for its transcript, organised by `organizer`, with its job queued. */
export async function queuedMeeting(
  db: Db,
  externalId: string,
  options: { organizer?: string; maxAttempts?: number } = {},
): Promise<{ meeting: MeetingRow; job: JobRow }> {
  const meeting = await teamsMeeting(db, externalId, options.organizer);
  const { job } = await enqueueJob(db, meeting.id, {}, options.maxAttempts);
  return { meeting, job };
}
