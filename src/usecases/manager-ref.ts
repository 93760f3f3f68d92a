import { fail, ok, type Failure, type Result } from "../result.js";
import type { Queryable } from "../storage/db.js";
import { findPerson, getPerson, type PersonRow } from "../storage/people.js";

/**
 * Whose trend or prep is asked for: a manager named on the command line or in the playground (found by
 * name in the tenant; messages name the CLI's options), or the person signed in to the bot, who may only
 * ever see their own (messages speak to them).
 */
export type ManagerRef = { name: string; tenant: string } | { personId: string };

export function signedIn(ref: ManagerRef): ref is { personId: string } {
  return "personId" in ref;
}

/** The manager a request names, or why there is none (one line). */
export async function lookUpManager(db: Queryable, ref: ManagerRef): Promise<Result<PersonRow, Failure<"unknown-manager">>> {
  if (signedIn(ref)) {
    const person = await getPerson(db, ref.personId);
    return person ? ok(person) : fail("unknown-manager", "I have no meetings of yours yet.");
  }
  const match = await findPerson(db, ref.tenant, ref.name);
  return match.ok ? match : fail("unknown-manager", `--manager: ${match.error.message}`);
}

/** A name as it would be typed on a command line: quoted when it has spaces or quotes. */
export function shellName(name: string): string {
  return /^[\p{L}\p{N}._@-]+$/u.test(name) ? name : `"${name.replace(/(["\\$`])/g, "\\$1")}"`;
}

export function noMeetingsMessage(manager: string): string {
  return `no meetings stored for ${manager}; save one with attune analyze FILE --manager ${shellName(manager)} --save`;
}
