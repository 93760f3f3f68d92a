import { afterAll, beforeAll, expect, it } from "vitest";
import { coachingSchema } from "../../src/coaching/schema.js";
import { analysisSchema } from "../../src/metrics/schema.js";
import { forgetPerson, type ForgetReport } from "../../src/storage/forget.js";
import { enqueueJob } from "../../src/storage/jobs.js";
import { saveAnalyzedMeeting } from "../../src/storage/meetings.js";
import { ensureTenant, findPerson, LOCAL_TENANT, personForAad, type PersonRow } from "../../src/storage/people.js";
import { parseTranscript } from "../../src/transcript/parse-transcript.js";
import type { Utterance } from "../../src/transcript/schema.js";
import { countOf } from "../../src/format/count.js";
import { killStarted, runAttune } from "../helpers/child-processes.js";
import { countRows, describeEachDatabase, listTables } from "../helpers/databases.js";
import type { Db } from "../../src/storage/db.js";
import {
  ES2004A,
  ES2004A_MANAGER,
  fixtureMeeting,
  IS1009A,
  IS1009A_MANAGER,
  transcriptMeeting,
  type FixtureMeeting,
} from "./meeting-fixtures.js";

const ATTENDEE = "MEO015 (Interface Designer)";
const MANAGER = ES2004A_MANAGER;

/**
 * Three meetings: ES2004a (manager FEE013, attendee MEO015); IS1009a with its project manager and interface
 * designer renamed so FEE013 leads it and MEO015 attends it too; and a short one only MEO015 spoke in.
 */
let meetings: FixtureMeeting[];
beforeAll(async () => {
  const a = await fixtureMeeting(ES2004A, { manager: MANAGER, externalId: "meeting-a" });
  const b = await fixtureMeeting(IS1009A, {
    manager: MANAGER,
    externalId: "meeting-b",
    rename: { [IS1009A_MANAGER]: MANAGER, "FIO087 (Interface Designer)": ATTENDEE },
  });
  const solo = JSON.stringify(
    a.transcript.utterances
      .filter((u) => u.speaker === ATTENDEE)
      .slice(0, 6)
      .map((u) => ({ speaker: u.speaker, start: u.startMs / 1000, end: u.endMs / 1000, text: u.text })),
  );
  const c = await transcriptMeeting(solo, { manager: null, externalId: "meeting-c-solo" });
  meetings = [a, b, c];
});
afterAll(killStarted);

const spoken = (m: FixtureMeeting, name: string) => m.transcript.utterances.filter((u) => u.speaker === name).length;
const missedAbout = (m: FixtureMeeting, name: string) => m.coaching?.moments.filter((x) => x.speaker === name).length ?? 0;
const keptOf = (m: FixtureMeeting, name: string) => m.coaching?.kept.filter((k) => k.of === name).length ?? 0;

/** Saves the three meetings, a job for each, and feedback on the reports (two by the manager, one by the attendee). */
async function seed(db: Db): Promise<{ reportIds: string[] }> {
  const reportIds: string[] = [];
  for (const m of meetings) {
    const saved = await saveAnalyzedMeeting(db, m);
    await enqueueJob(db, saved.meetingId, { source: "test", externalId: m.meeting.externalId });
    if (saved.reportId) reportIds.push(saved.reportId);
  }
  const person = async (name: string) =>
    (await db.query<{ id: string }>("select id from people where display_name = $1", [name])).rows[0]!.id;
  const [reportA, reportB] = reportIds as [string, string];
  // feedback on a moment where the report has one, else on the report as a whole (ES2004a has no moment to coach)
  const aboutAttendee = meetings[1]!.coaching!.moments.find((x) => x.speaker === ATTENDEE)?.utteranceId ?? null;
  await db.query(
    "insert into feedback (report_id, person_id, moment_utterance_id, helpful) values ($1, $2, $3, true), ($4, $2, $5, false), ($1, $6, null, true)",
    [
      reportA,
      await person(MANAGER),
      meetings[0]!.coaching!.moments[0]?.utteranceId ?? null,
      reportB,
      aboutAttendee,
      await person(ATTENDEE),
    ],
  );
  await db.query("update jobs set last_error = 'Graph answered 503'");
  return { reportIds };
}

async function personNamed(db: Db, name: string): Promise<PersonRow> {
  const found = await findPerson(db, LOCAL_TENANT, name);
  if (!found.ok) throw new Error(found.error.message);
  return found.value;
}

/** Every row of every table, as JSON text, that mentions the person's id, name or an alias (case ignored). */
async function mentionsOf(db: Db, person: PersonRow): Promise<string[]> {
  const needles = [person.id, person.display_name, ...person.aliases, ...(person.aad_object_id ? [person.aad_object_id] : [])].map((s) =>
    s.toLowerCase(),
  );
  const found: string[] = [];
  const tables = await listTables(db);
  expect(tables).toEqual(
    expect.arrayContaining([
      "people",
      "meetings",
      "meeting_participants",
      "transcripts",
      "analyses",
      "coaching_reports",
      "feedback",
      "jobs",
    ]),
  );
  for (const table of tables) {
    const rows = await db.query<{ row: string }>(`select row_to_json(x)::text as row from ${table} x`);
    for (const { row } of rows.rows) {
      const lower = row.toLowerCase();
      for (const needle of needles) {
        const at = lower.indexOf(needle);
        if (at >= 0) found.push(`${table}: …${row.slice(Math.max(0, at - 60), at + needle.length + 20)}…`);
      }
    }
  }
  return found;
}

/** What is left is still well-formed: analyses and reports parse, and each raw transcript reads back as its utterances. */
async function expectWellFormed(db: Db): Promise<void> {
  for (const { metrics } of (await db.query<{ metrics: unknown }>("select metrics from analyses")).rows) analysisSchema.parse(metrics);
  for (const { coaching } of (await db.query<{ coaching: unknown }>("select coaching from coaching_reports")).rows)
    coachingSchema.parse(coaching);
  for (const t of (await db.query<{ raw: string; utterances: Utterance[] }>("select raw, utterances from transcripts")).rows) {
    const parsed = parseTranscript(t.raw);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value.utterances.map((u) => [u.speaker, u.text])).toEqual(t.utterances.map((u) => [u.speaker, u.text]));
  }
}

describeEachDatabase("forgetPerson", (t) => {
  it("an attendee of two meetings: gone from every table; meetings only they were in are deleted; the rest stays", async () => {
    await t.reset();
    await seed(t.db);
    const person = await personNamed(t.db, ATTENDEE);
    expect((await mentionsOf(t.db, person)).length).toBeGreaterThan(0);
    const [a, b, c] = meetings as [FixtureMeeting, FixtureMeeting, FixtureMeeting];

    const report = await forgetPerson(t.db, person);
    expect(report).toEqual<ForgetReport>({
      person: ATTENDEE,
      utterancesRemoved: spoken(a, ATTENDEE) + spoken(b, ATTENDEE) + spoken(c, ATTENDEE),
      transcriptsChanged: 3,
      analysesChanged: 3,
      reportsDeleted: 0,
      momentsRemoved: missedAbout(a, ATTENDEE) + missedAbout(b, ATTENDEE),
      restatementsKept: keptOf(a, ATTENDEE) + keptOf(b, ATTENDEE),
      feedbackDeleted: 1,
      meetingsDeleted: 1,
      jobsDeleted: 1,
      mentionsReplaced: 0, // nobody in these meetings says "MEO015"
      titlesChanged: 0,
    });
    expect(report.momentsRemoved + report.restatementsKept).toBeGreaterThanOrEqual(1);
    expect(await mentionsOf(t.db, person)).toEqual([]);

    // Everyone else's data is intact.
    expect(await countRows(t.db, "meetings")).toBe(2);
    expect(await countRows(t.db, "jobs")).toBe(2);
    expect(await countRows(t.db, "coaching_reports")).toBe(2);
    expect(await countRows(t.db, "feedback")).toBe(2);
    expect(await countRows(t.db, "people")).toBe(new Set([...a.analysis.speakers, ...b.analysis.speakers].map((s) => s.name)).size - 1);
    const left = (await t.db.query<{ n: number }>("select sum(jsonb_array_length(utterances))::int as n from transcripts")).rows[0]!.n;
    expect(left).toBe(a.transcript.utterances.length + b.transcript.utterances.length - spoken(a, ATTENDEE) - spoken(b, ATTENDEE));
    const moments = (await t.db.query<{ n: number }>("select sum(jsonb_array_length(coaching->'moments'))::int as n from coaching_reports"))
      .rows[0]!.n;
    expect(moments).toBe(
      a.coaching!.moments.length +
        b.coaching!.moments.length -
        a.coaching!.moments.filter((x) => x.speaker === ATTENDEE).length -
        b.coaching!.moments.filter((x) => x.speaker === ATTENDEE).length,
    );
    const manager = await personNamed(t.db, MANAGER);
    expect(await countRows(t.db, "analyses", "manager_id = $1 and metrics->'manager'->>'name' = $2", [manager.id, MANAGER])).toBe(2);
    await expectWellFormed(t.db);
  });

  it("the manager: their reports and all feedback on them deleted, gone from every analysis and table", async () => {
    await t.reset();
    await seed(t.db);
    const person = await personNamed(t.db, MANAGER);
    const [a, b] = meetings as [FixtureMeeting, FixtureMeeting];

    const report = await forgetPerson(t.db, person);
    expect(report).toMatchObject({
      person: MANAGER,
      utterancesRemoved: spoken(a, MANAGER) + spoken(b, MANAGER),
      transcriptsChanged: 2,
      analysesChanged: 2,
      reportsDeleted: 2,
      feedbackDeleted: 3,
      meetingsDeleted: 0,
      jobsDeleted: 0,
    });
    expect(await mentionsOf(t.db, person)).toEqual([]);
    expect(await countRows(t.db, "coaching_reports")).toBe(0);
    expect(await countRows(t.db, "feedback")).toBe(0);
    expect(await countRows(t.db, "meetings")).toBe(3);
    expect(await countRows(t.db, "jobs")).toBe(3);
    expect(await countRows(t.db, "analyses", "manager_id is null and metrics->'manager' = 'null'::jsonb")).toBe(3);
    expect(await countRows(t.db, "meetings", "organizer_id is not null")).toBe(0);
    await expectWellFormed(t.db);
  });

  it("`attune forget --person` finds them by part of the name and prints the counts", async () => {
    await t.reset();
    await seed(t.db);
    const person = await personNamed(t.db, ATTENDEE);
    const [a, b, c] = meetings as [FixtureMeeting, FixtureMeeting, FixtureMeeting];
    const [result, unknown] = await t.whileClosed(async () => [
      await runAttune(["forget", "--person", "meo015"], t.env()),
      await runAttune(["forget", "--person", "Nobody Atall"], t.env()),
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        `Forgot ${ATTENDEE}:`,
        `  ${spoken(a, ATTENDEE) + spoken(b, ATTENDEE) + spoken(c, ATTENDEE)} utterances removed from 3 stored transcripts`,
        "  3 analyses no longer mention them",
        `  ${countOf(missedAbout(a, ATTENDEE) + missedAbout(b, ATTENDEE), "coaching moment")} about them removed; 0 of their own reports deleted`,
        `  ${countOf(keptOf(a, ATTENDEE) + keptOf(b, ATTENDEE), "restatement")} of them by the manager kept, with their name replaced`,
        "  1 feedback entry deleted; 1 meeting only they were in deleted",
        "  their name replaced with [someone] 0 times in what others said and in coaching text, and in 0 meeting titles",
        "  their person record deleted",
        "",
      ].join("\n"),
    );
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^attune forget: nobody called 'Nobody Atall' is stored; people include .*\n$/);
    expect(await mentionsOf(t.db, person)).toEqual([]);
  });

  // Regression (src/storage/forget.ts): people are matched by name case-insensitively (personForName: lower(display_name)),
  // so "MEO015 (INTERFACE DESIGNER)" in one transcript is the same person as "MEO015 (Interface Designer)" in another;
  // forgetPerson once compared names exactly, so the differently written utterances, analysis rows and moments stayed.
  it("a person whose name one transcript writes in another case is forgotten there too", async () => {
    await t.reset();
    const shouting = await fixtureMeeting(ES2004A, {
      manager: MANAGER,
      externalId: "meeting-upper",
      rename: { [ATTENDEE]: ATTENDEE.toUpperCase() },
    });
    await saveAnalyzedMeeting(t.db, meetings[0]!);
    await saveAnalyzedMeeting(t.db, shouting);
    expect(await countRows(t.db, "people")).toBe(meetings[0]!.analysis.speakers.length); // one person, two spellings
    const person = await personNamed(t.db, ATTENDEE);
    const report = await forgetPerson(t.db, person);
    expect(await mentionsOf(t.db, person)).toEqual([]);
    expect(report.utterancesRemoved).toBe(2 * spoken(meetings[0]!, ATTENDEE));
  });

  // Regression (src/storage/forget.ts): a Teams meeting's job keeps { organizerAadId } in its payload (see
  // src/bot/teams-services.ts meetingEnded). Forgetting the organizer deletes jobs only of meetings left with nobody
  // else; their Entra object id once stayed in jobs.payload of every other meeting they organised.
  it("forgetting an organizer removes their Entra id from the payload of their meetings' jobs", async () => {
    await t.reset();
    const aad = "6f1c2a4e-1b2c-4d3e-8f40-5a6b7c8d9e0f";
    const organizerId = await t.db.transaction(async (tx) => {
      await ensureTenant(tx, LOCAL_TENANT);
      return personForAad(tx, LOCAL_TENANT, aad, MANAGER);
    });
    const a = meetings[0]!;
    const saved = await saveAnalyzedMeeting(t.db, {
      ...a,
      meeting: { ...a.meeting, source: "teams", externalId: "19:meeting_abc@thread.v2", organizerId, graphId: "MSpkYzE3" },
    });
    await enqueueJob(t.db, saved.meetingId, { organizerAadId: aad, graphId: "MSpkYzE3", endedAt: "2026-03-02T10:00:00Z" });
    await t.db.query("update jobs set state = 'delivered'");
    const person = await personNamed(t.db, aad);
    expect(person.id).toBe(organizerId);
    await forgetPerson(t.db, person);
    expect(await mentionsOf(t.db, person)).toEqual([]);
  });

  // Finding 7 (issue 10): forget once left the name in meeting titles and in other people's words.
  it("their name leaves meeting titles and what others said (whole words, any case or accent), and the output says so", async () => {
    await t.reset();
    const lines = [
      ["Renée Ortiz", 0, 6, "Hi Jordan, thanks for making the time. How did the migration go, JORDAN?"],
      ["Jordan Lee", 6, 14, "It still fails on the larger tenants, and I am on call that weekend too."],
      ["Renée Ortiz", 14, 20, "So jórdan lee is carrying both. What would help?"],
      ["Sam Park", 20, 26, "I can ask Jordanna to take the on-call shift; my jordan sneakers are not a person."],
      ["Jordan Lee", 26, 30, "That would help a lot, thank you."],
      ["Renée Ortiz", 30, 36, "Great. Sam, thanks for offering to help Jordan."],
    ] as const;
    const json = JSON.stringify(lines.map(([speaker, start, end, text]) => ({ speaker, start, end, text })));
    const m = await transcriptMeeting(json, { manager: "Renée Ortiz", externalId: "names", title: "Jordan / Renée weekly 1:1" });
    await saveAnalyzedMeeting(t.db, m);
    const person = await personNamed(t.db, "Jordan Lee");
    const report = await forgetPerson(t.db, person);
    expect(report).toMatchObject({ utterancesRemoved: 2, titlesChanged: 1 });
    const title = (await t.db.query<{ title: string }>("select title from meetings")).rows[0]!.title;
    expect(title).toBe("[someone] / Renée weekly 1:1");
    const texts = (await t.db.query<{ utterances: Utterance[] }>("select utterances from transcripts")).rows[0]!.utterances.map(
      (u) => u.text,
    );
    expect(texts).toEqual([
      "Hi [someone], thanks for making the time. How did the migration go, [someone]?",
      "So [someone] is carrying both. What would help?",
      "I can ask Jordanna to take the on-call shift; my jordan sneakers are not a person.",
      "Great. Sam, thanks for offering to help [someone].",
    ]);
    const coaching = JSON.stringify(
      (await t.db.query<{ coaching: unknown }>("select coaching from coaching_reports")).rows[0]?.coaching ?? {},
    );
    expect(coaching).not.toMatch(/Jordan(?!na)|jórdan/i);
    expect(report.mentionsReplaced).toBeGreaterThanOrEqual(4);
    await expectWellFormed(t.db);
  });

  // Issue 16, item 8: Teams' own form of a guest's name, the other forms people write, and the manager's words.
  it("'Lee, Jordan (Guest)': every form of their name goes, other people's names and the manager's restatements stay", async () => {
    await t.reset();
    const lines = [
      ["Renée Ortiz", 0, 6, "Hi Jordan, thanks for making time. Mr. Lee from legal joins later; jordan.lee@contoso.com has the notes."],
      ["Lee, Jordan (Guest)", 6, 14, "The migration still fails on the larger tenants, and I am on call that weekend too."],
      ["Renée Ortiz", 14, 20, "So the migration fails on the larger tenants and you are on call too. That was jordan's point, J. Lee?"],
      ["Lee", 20, 26, "I can take the on-call weekend; Jordan Smith knows the tenants."],
      ["Jordan Smith", 26, 30, "Happy to help with the large tenants."],
    ] as const;
    const json = JSON.stringify(lines.map(([speaker, start, end, text]) => ({ speaker, start, end, text })));
    const m = await transcriptMeeting(json, { manager: "Renée Ortiz", externalId: "guest", title: "Jordan / Renée weekly 1:1" });
    const restating = m.transcript.utterances[2]!;
    m.coaching!.kept = [
      {
        utteranceId: restating.id,
        atMs: restating.startMs,
        quote: "So the migration fails on the larger tenants and you are on call too.",
        of: "Lee, Jordan (Guest)",
        ofUtteranceId: m.transcript.utterances[1]!.id,
        takesUp: 4,
      },
    ];
    await saveAnalyzedMeeting(t.db, m);
    const kept = async () =>
      (await t.db.query<{ n: number }>("select sum(jsonb_array_length(coaching->'kept'))::int as n from coaching_reports")).rows[0]!.n;
    expect(await kept()).toBe(1);

    const run = await t.whileClosed(() => runAttune(["forget", "--person", "Lee, Jordan"], t.env()));
    expect(run.stdout, run.stderr).toContain("Forgot Lee, Jordan (Guest)");
    expect(await kept()).toBe(1); // the manager's restatement and her trend stay
    const title = (await t.db.query<{ title: string }>("select title from meetings")).rows[0]!.title;
    expect(title).toBe("[someone] / Renée weekly 1:1");
    const texts = (await t.db.query<{ utterances: Utterance[] }>("select utterances from transcripts")).rows[0]!.utterances.map(
      (u) => u.text,
    );
    expect(texts).toEqual([
      "Hi Jordan, thanks for making time. [someone] from legal joins later; [someone] has the notes.",
      "So the migration fails on the larger tenants and you are on call too. That was jordan's point, [someone]?",
      "I can take the on-call weekend; Jordan Smith knows the tenants.",
      "Happy to help with the large tenants.",
    ]);
    const coaching = JSON.stringify((await t.db.query<{ coaching: unknown }>("select coaching from coaching_reports")).rows[0]!.coaching);
    expect(coaching).not.toMatch(/Lee, Jordan/);
    expect(coaching).toContain('"of":"[someone]"');
    await expectWellFormed(t.db);
  });
});
