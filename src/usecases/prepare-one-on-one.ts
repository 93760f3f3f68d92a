import { prepare, type PrepDeps } from "../prep/llm-prep.js";
import type { Prep } from "../prep/prep.js";
import { fail, ok, type Failure, type Result } from "../result.js";
import type { Queryable } from "../storage/db.js";
import { managerHistory, sharedMeetings } from "../storage/history.js";
import { coParticipants, findPerson, type PersonRow } from "../storage/people.js";
import { lookUpManager, noMeetingsMessage, shellName, signedIn, type ManagerRef } from "./manager-ref.js";

/** How many shared meetings prep looks back over. */
export const PREP_LAST = 10;

export interface PrepRequest {
  manager: ManagerRef;
  /** The person the one-on-one is with, as typed. */
  with: string;
  last?: number;
}

export type PrepFailure = Failure<"unknown-manager" | "no-meetings" | "unknown-person" | "same-person" | "no-shared-meetings">;

/**
 * "Prepare this 1:1": the manager's stored meetings with the person, prepared by the heuristic or the
 * prompt set. Called by the CLI (attune prep), the bot (prep NAME) and the playground. A manager named by
 * name finds the person among the tenant's people; the signed-in manager only among people they have met,
 * so no other name in the tenant is revealed. A failure is one line for the person asking.
 */
export async function prepareOneOnOne(db: Queryable, coach: PrepDeps, request: PrepRequest): Promise<Result<Prep, PrepFailure>> {
  const found = await lookUpManager(db, request.manager);
  if (!found.ok) return found;
  const manager = found.value;
  let person: Result<PersonRow, PrepFailure>;
  if (signedIn(request.manager)) {
    person = await someoneMet(db, manager, request.with);
  } else {
    if ((await managerHistory(db, manager.id, 1)).length === 0) return fail("no-meetings", noMeetingsMessage(manager.display_name));
    person = await someoneStored(db, request.manager.tenant, request.with);
  }
  if (!person.ok) return person;
  return prepFor(db, manager, person.value, coach, request);
}

/**
 * Prep for a one-on-one with a person known by id (prep at start: the person is identified by their Entra id,
 * never by name). Fails as `no-shared-meetings` when the manager has no coached meeting with them.
 */
export async function prepareOneOnOneWith(
  db: Queryable,
  coach: PrepDeps,
  manager: PersonRow,
  person: PersonRow,
): Promise<Result<Prep, PrepFailure>> {
  return prepFor(db, manager, person, coach, { manager: { personId: manager.id }, with: person.display_name });
}

async function someoneStored(db: Queryable, tenant: string, who: string): Promise<Result<PersonRow, PrepFailure>> {
  const person = await findPerson(db, tenant, who);
  return person.ok ? person : fail("unknown-person", `--with: ${person.error.message}`);
}

async function someoneMet(db: Queryable, manager: PersonRow, who: string): Promise<Result<PersonRow, PrepFailure>> {
  const hits = await coParticipants(db, manager.id, who);
  if (hits.length === 1) return ok(hits[0]!);
  if (hits.length === 0) return fail("unknown-person", `I have no stored meetings of yours with anyone called '${who}'.`);
  const names = hits
    .slice(0, 6)
    .map((p) => p.display_name)
    .join(", ");
  return fail("unknown-person", `'${who}' matches ${hits.length} people you have met: ${names}. Give more of the name.`);
}

async function prepFor(
  db: Queryable,
  manager: PersonRow,
  person: PersonRow,
  coach: PrepDeps,
  request: PrepRequest,
): Promise<Result<Prep, PrepFailure>> {
  if (person.id === manager.id)
    return fail("same-person", `--with names ${manager.display_name}, the manager; give the person the one-on-one is with`);
  const names = [...new Set([person.display_name, ...person.aliases])];
  const meetings = await sharedMeetings(db, manager.id, person.id, names, request.last ?? PREP_LAST);
  if (meetings.length === 0) {
    return fail(
      "no-shared-meetings",
      signedIn(request.manager)
        ? `I have no stored meetings of yours with ${person.display_name}.`
        : `no stored meetings of ${manager.display_name} with ${person.display_name}; save one with attune analyze FILE --manager ${shellName(manager.display_name)} --save`,
    );
  }
  return ok(await prepare({ manager: manager.display_name, person: { name: person.display_name, names }, meetings }, coach));
}
