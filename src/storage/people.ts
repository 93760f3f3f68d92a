import { z } from "zod";
import { foldName } from "../metrics/resolve-speaker.js";
import { fail, ok, type Failure, type Result } from "../result.js";
import type { Queryable } from "./db.js";

export interface PersonRow {
  id: string;
  tenant_id: string;
  aad_object_id: string | null;
  display_name: string;
  aliases: string[];
  /** How to message the person in their personal chat later (a Bot Framework conversation reference), once known. */
  conversation_ref: Record<string, unknown> | null;
  paused: boolean;
  opted_out: boolean;
}

type PersonRecord = Omit<PersonRow, "conversation_ref"> & { conversation_ref: unknown };

const conversationRefSchema = z.record(z.string(), z.unknown()).nullable();

/** A people row as read: its jsonb conversation reference parsed (an object, or null), never cast. */
function toPerson(row: PersonRecord): PersonRow {
  const ref = conversationRefSchema.safeParse(row.conversation_ref);
  if (!ref.success) throw new Error(`person ${row.id} has a conversation reference that is not a JSON object`);
  return { ...row, conversation_ref: ref.data };
}

export const LOCAL_TENANT = "local";

export async function ensureTenant(tx: Queryable, tenantId: string): Promise<void> {
  await tx.query("insert into tenants (id) values ($1) on conflict (id) do nothing", [tenantId]);
}

/**
 * The person a transcript's display name refers to: one already known by that name or alias (case
 * ignored), else a new person. Names are all a transcript gives; Entra ids are joined on later.
 */
export async function personForName(tx: Queryable, tenantId: string, displayName: string): Promise<string> {
  const found = await tx.query<{ id: string }>(
    `select id from people where tenant_id = $1 and (lower(display_name) = lower($2) or $2 = any(aliases))
     order by (aad_object_id is not null) desc, created_at limit 1`,
    [tenantId, displayName],
  );
  if (found.rows[0]) return found.rows[0].id;
  const inserted = await tx.query<{ id: string }>(
    `insert into people (tenant_id, display_name) values ($1, $2)
     on conflict (tenant_id, lower(display_name)) where aad_object_id is null do update set updated_at = now()
     returning id`,
    [tenantId, displayName],
  );
  return inserted.rows[0]!.id;
}

/** The person with this Entra object id, created or updated; the display name becomes an alias too. */
export async function personForAad(tx: Queryable, tenantId: string, aadObjectId: string, displayName: string | null): Promise<string> {
  const existing = await tx.query<{ id: string }>("select id from people where tenant_id = $1 and aad_object_id = $2", [
    tenantId,
    aadObjectId,
  ]);
  if (existing.rows[0]) {
    if (displayName) {
      await tx.query(
        `update people set display_name = $2, aliases = case when $2 = any(aliases) then aliases else array_append(aliases, $2) end, updated_at = now() where id = $1`,
        [existing.rows[0].id, displayName],
      );
    }
    return existing.rows[0].id;
  }
  // A person first seen by name in a transcript gets their Entra id now.
  if (displayName) {
    const byName = await tx.query<{ id: string }>(
      "update people set aad_object_id = $3, updated_at = now() where id = (select id from people where tenant_id = $1 and aad_object_id is null and lower(display_name) = lower($2) limit 1) returning id",
      [tenantId, displayName, aadObjectId],
    );
    if (byName.rows[0]) return byName.rows[0].id;
  }
  const inserted = await tx.query<{ id: string }>(
    "insert into people (tenant_id, aad_object_id, display_name, aliases) values ($1, $2, $3, $4) returning id",
    [tenantId, aadObjectId, displayName ?? aadObjectId, displayName ? [displayName] : []],
  );
  return inserted.rows[0]!.id;
}

export async function getPerson(db: Queryable, id: string): Promise<PersonRow | null> {
  const row = (await db.query<PersonRecord>("select * from people where id = $1", [id])).rows[0];
  return row ? toPerson(row) : null;
}

export async function personByAad(db: Queryable, tenantId: string, aadObjectId: string): Promise<PersonRow | null> {
  const row = (await db.query<PersonRecord>("select * from people where tenant_id = $1 and aad_object_id = $2", [tenantId, aadObjectId]))
    .rows[0];
  return row ? toPerson(row) : null;
}

export type PersonMatch = Result<PersonRow, Failure<"not-found" | "ambiguous">>;

/** Finds one person by id, exact name or alias, or a unique part of a name (case and accents ignored). */
export async function findPerson(db: Queryable, tenantId: string, query: string): Promise<PersonMatch> {
  const all = (await db.query<PersonRecord>("select * from people where tenant_id = $1 order by display_name", [tenantId])).rows.map(
    toPerson,
  );
  const q = foldName(query);
  const exact = all.filter(
    (p) => p.id === query || p.aad_object_id === query || foldName(p.display_name) === q || p.aliases.some((a) => foldName(a) === q),
  );
  const hits =
    exact.length > 0 ? exact : all.filter((p) => foldName(p.display_name).includes(q) || p.aliases.some((a) => foldName(a).includes(q)));
  if (hits.length === 1) return ok(hits[0]!);
  if (hits.length === 0) {
    return fail(
      "not-found",
      `nobody called '${query}' is stored${all.length ? `; people include ${someNames(all)}` : " (save a meeting first: attune analyze FILE --manager NAME --save)"}`,
    );
  }
  return fail("ambiguous", `'${query}' matches ${hits.length} people (${someNames(hits)}); give more of the name`);
}

/** A few whole names, then how many more: a message stays one short line however many people are stored. */
function someNames(people: readonly PersonRow[], shown = 5): string {
  const names = people.slice(0, shown).map((p) => `'${p.display_name.length > 40 ? `${p.display_name.slice(0, 39)}…` : p.display_name}'`);
  const more = people.length - shown;
  return more > 0 ? `${names.join(", ")} and ${more} more` : names.join(", ");
}

/**
 * The people who were in the manager's stored meetings whose name or alias matches `query` (case and
 * accents ignored; an exact match wins over a partial one). The bot resolves names this way so that a
 * manager can only reach people they have met, and no other names in the tenant are revealed.
 */
export async function coParticipants(db: Queryable, managerId: string, query: string): Promise<PersonRow[]> {
  const rows = await db.query<PersonRecord>(
    `select distinct p.* from people p join meeting_participants mp on mp.person_id = p.id join analyses a on a.meeting_id = mp.meeting_id
     where a.manager_id = $1 and p.id <> $1 order by p.display_name`,
    [managerId],
  );
  const q = foldName(query);
  if (q === "") return [];
  const people = rows.rows.map(toPerson);
  const names = (p: PersonRow) => [p.display_name, ...p.aliases].map(foldName);
  const exact = people.filter((p) => names(p).some((n) => n === q));
  return exact.length > 0 ? exact : people.filter((p) => names(p).some((n) => n.includes(q)));
}

export async function setConversationRef(db: Queryable, personId: string, ref: unknown): Promise<void> {
  await db.query("update people set conversation_ref = $2, updated_at = now() where id = $1", [
    personId,
    ref === null ? null : JSON.stringify(ref),
  ]);
}

export async function setPreferences(db: Queryable, personId: string, prefs: { paused?: boolean; optedOut?: boolean }): Promise<void> {
  await db.query("update people set paused = coalesce($2, paused), opted_out = coalesce($3, opted_out), updated_at = now() where id = $1", [
    personId,
    prefs.paused ?? null,
    prefs.optedOut ?? null,
  ]);
}
