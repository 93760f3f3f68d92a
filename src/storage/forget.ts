import type { Analysis } from "../metrics/schema.js";
import type { Db, Queryable } from "./db.js";
import { NEUTRAL_MARKER, nameRedactor, type NameRedactor } from "./name-redaction.js";
import type { PersonRow } from "./people.js";
import { ANALYSIS, COACHING, readDocument, UTTERANCES } from "./stored-documents.js";

export interface ForgetReport {
  person: string;
  utterancesRemoved: number;
  transcriptsChanged: number;
  analysesChanged: number;
  reportsDeleted: number;
  momentsRemoved: number;
  /** The manager's own restatements of what they said: kept (the manager's words and trend), their name replaced. */
  restatementsKept: number;
  feedbackDeleted: number;
  meetingsDeleted: number;
  jobsDeleted: number;
  /** Their name in what others said and in coaching text about others, replaced with a neutral marker. */
  mentionsReplaced: number;
  /** Meeting titles that named them, with the name replaced. */
  titlesChanged: number;
}

/**
 * Deletes a person everywhere, in one transaction: their utterances leave every stored transcript (the raw
 * text is rewritten from what remains), their row leaves every analysis, moments quoting them leave every
 * coaching report (the manager's own restatements of them stay, with their name replaced: those are the
 * manager's words and count in the manager's trend), their own reports and feedback are deleted, and so is their person row. Meetings only they
 * appear in are deleted whole.
 */
export async function forgetPerson(db: Db, person: PersonRow): Promise<ForgetReport> {
  const names = new NameSet([person.display_name, ...person.aliases]);
  const redact = nameRedactor([person.display_name, ...person.aliases]);
  const report: ForgetReport = {
    person: person.display_name,
    utterancesRemoved: 0,
    transcriptsChanged: 0,
    analysesChanged: 0,
    reportsDeleted: 0,
    momentsRemoved: 0,
    restatementsKept: 0,
    feedbackDeleted: 0,
    meetingsDeleted: 0,
    jobsDeleted: 0,
    mentionsReplaced: 0,
    titlesChanged: 0,
  };
  await db.transaction(async (tx) => {
    await scrubTranscripts(tx, person.tenant_id, names, report);
    await scrubAnalyses(tx, person.tenant_id, names, report);
    await scrubReports(tx, person.tenant_id, names, redact, report);
    await scrubTitles(tx, person.tenant_id, redact, report);
    report.feedbackDeleted = await count(
      tx,
      "delete from feedback where person_id = $1 or report_id in (select id from coaching_reports where manager_id = $1) returning 1",
      [person.id],
    );
    report.reportsDeleted += await count(tx, "delete from coaching_reports where manager_id = $1 returning 1", [person.id]);
    const orphaned = `select m.id from meetings m where m.tenant_id = $2 and not exists (
      select 1 from meeting_participants p where p.meeting_id = m.id and p.person_id <> $1)
      and (m.organizer_id = $1 or exists (select 1 from meeting_participants p where p.meeting_id = m.id and p.person_id = $1))`;
    report.jobsDeleted = await count(tx, `delete from jobs where meeting_id in (${orphaned}) returning 1`, [person.id, person.tenant_id]);
    if (person.aad_object_id) {
      // The payload names them as the organizer, and the meeting chat's reference as whoever sent the meeting's end.
      await tx.query(
        `update jobs set payload = payload - 'organizerAadId' - 'reference'
         where payload->>'organizerAadId' = $1 or payload->'reference'->'user'->>'aadObjectId' = $1`,
        [person.aad_object_id],
      );
    }
    report.meetingsDeleted = await count(tx, `delete from meetings where id in (${orphaned}) returning 1`, [person.id, person.tenant_id]);
    await tx.query("delete from people where id = $1", [person.id]);
  });
  return report;
}

async function scrubTranscripts(tx: Queryable, tenantId: string, names: NameSet, report: ForgetReport): Promise<void> {
  const rows = await tx.query<{ meeting_id: string; utterances: unknown; schema_version: number }>(
    "select t.meeting_id, t.utterances, t.schema_version from transcripts t join meetings m on m.id = t.meeting_id where m.tenant_id = $1",
    [tenantId],
  );
  for (const row of rows.rows) {
    const utterances = readDocument(UTTERANCES, row.utterances, row.schema_version, row.meeting_id);
    // Their given name alone is not redacted in a meeting where someone else has it too.
    const others = new Set(utterances.flatMap((u) => (u.speaker !== null && !names.has(u.speaker) ? [u.speaker] : [])));
    const redact = nameRedactor(names.list, [...others]);
    let mentions = 0;
    const kept = utterances
      .filter((u) => u.speaker === null || !names.has(u.speaker))
      .map((u) => {
        const r = redact(u.text);
        mentions += r.count;
        return r.count > 0 ? { ...u, text: r.text } : u;
      });
    if (kept.length === utterances.length && mentions === 0) continue;
    report.utterancesRemoved += utterances.length - kept.length;
    report.mentionsReplaced += mentions;
    report.transcriptsChanged++;
    const raw = JSON.stringify(kept.map((u) => ({ speaker: u.speaker, start: u.startMs / 1000, end: u.endMs / 1000, text: u.text })));
    await tx.query("update transcripts set utterances = $2, raw = $3, format = 'json' where meeting_id = $1", [
      row.meeting_id,
      JSON.stringify(kept),
      raw,
    ]);
  }
}

async function scrubTitles(tx: Queryable, tenantId: string, redact: NameRedactor, report: ForgetReport): Promise<void> {
  const rows = await tx.query<{ id: string; title: string }>("select id, title from meetings where tenant_id = $1", [tenantId]);
  for (const row of rows.rows) {
    const r = redact(row.title);
    if (r.count === 0) continue;
    report.titlesChanged++;
    await tx.query("update meetings set title = $2 where id = $1", [row.id, r.text]);
  }
}

async function scrubAnalyses(tx: Queryable, tenantId: string, names: NameSet, report: ForgetReport): Promise<void> {
  const rows = await tx.query<{ meeting_id: string; metrics: unknown; schema_version: number }>(
    "select a.meeting_id, a.metrics, a.schema_version from analyses a join meetings m on m.id = a.meeting_id where m.tenant_id = $1",
    [tenantId],
  );
  for (const row of rows.rows) {
    const a = readDocument(ANALYSIS, row.metrics, row.schema_version, row.meeting_id);
    const mentions = a.speakers.some((s) => names.has(s.name)) || (a.manager !== null && names.has(a.manager.name));
    if (!mentions) continue;
    report.analysesChanged++;
    const scrubbed: Analysis = {
      ...a,
      speakers: a.speakers.filter((s) => !names.has(s.name)),
      monologues: a.monologues.filter((m) => !names.has(m.speaker)),
      interruptions: a.interruptions.filter((i) => !names.has(i.by) && !names.has(i.of)),
      manager:
        a.manager && names.has(a.manager.name)
          ? null
          : a.manager && { ...a.manager, quietPeople: a.manager.quietPeople.filter((p) => !names.has(p.name)) },
    };
    await tx.query("update analyses set metrics = $2 where meeting_id = $1", [row.meeting_id, JSON.stringify(scrubbed)]);
  }
}

async function scrubReports(tx: Queryable, tenantId: string, names: NameSet, redact: NameRedactor, report: ForgetReport): Promise<void> {
  const rows = await tx.query<{ id: string; meeting_id: string; coaching: unknown; schema_version: number }>(
    "select r.id, r.meeting_id, r.coaching, r.schema_version from coaching_reports r join meetings m on m.id = r.meeting_id where m.tenant_id = $1",
    [tenantId],
  );
  for (const row of rows.rows) {
    const c = readDocument(COACHING, row.coaching, row.schema_version, row.meeting_id);
    let mentions = 0;
    const clean = (text: string) => {
      const r = redact(text);
      mentions += r.count;
      return r.text;
    };
    const moments = c.moments
      .filter((m) => !names.has(m.speaker))
      .map((m) => ({ ...m, quote: clean(m.quote), whatHappened: clean(m.whatHappened), suggestion: clean(m.suggestion) }));
    const theirs = c.kept.filter((k) => names.has(k.of)).length;
    const kept = c.kept.map((k) => ({ ...k, of: names.has(k.of) ? NEUTRAL_MARKER : k.of, quote: clean(k.quote) }));
    const habit = clean(c.habit);
    if (moments.length === c.moments.length && theirs === 0 && mentions === 0) continue;
    report.momentsRemoved += c.moments.length - moments.length;
    report.restatementsKept += theirs;
    report.mentionsReplaced += mentions;
    await tx.query("update coaching_reports set coaching = $2 where id = $1", [row.id, JSON.stringify({ ...c, moments, kept, habit })]);
  }
}

async function count(tx: Queryable, sql: string, params: unknown[]): Promise<number> {
  return (await tx.query(sql, params)).rows.length;
}

/** Names compared as people are matched when stored: ignoring case. */
class NameSet {
  private readonly folded: Set<string>;
  constructor(readonly list: readonly string[]) {
    this.folded = new Set(list.map((n) => n.toLowerCase()));
  }
  has(name: string): boolean {
    return this.folded.has(name.toLowerCase());
  }
}
