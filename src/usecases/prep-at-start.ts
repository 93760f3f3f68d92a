import { fail, ok, type Failure, type Result } from "../result.js";
import type { Queryable } from "../storage/db.js";
import { sharedMeetings } from "../storage/history.js";
import { personByAad, type PersonRow } from "../storage/people.js";
import { prepAtStartEnabled } from "../storage/prep-at-start.js";

/** Who Teams says is in a meeting as it starts: the meeting chat's members (the invitees), by Entra id. */
export interface StartingMeeting {
  tenantId: string;
  organizerAadId: string;
  /** Each member's Entra object id; null for a member Teams gave without one (a guest, say). */
  memberAadIds: readonly (string | null)[];
  /** Teams has more members than were read. */
  more: boolean;
}

export type NoPrepAtStart = Failure<"unknown-organizer" | "paused" | "turned-off" | "not-one-on-one" | "first-meeting">;

/**
 * Whether a starting meeting is a one-on-one the organizer should get the prep card for: the organizer and
 * exactly one other person, both known by Entra id (never by name), the organizer not paused and prep at
 * start not turned off, and at least one coached meeting of the organizer's with that person stored.
 */
export async function oneOnOneAtStart(
  db: Queryable,
  meeting: StartingMeeting,
): Promise<Result<{ manager: PersonRow; person: PersonRow }, NoPrepAtStart>> {
  const manager = await personByAad(db, meeting.tenantId, meeting.organizerAadId);
  if (!manager) return fail("unknown-organizer", "the organizer has not used Attune");
  if (manager.paused || manager.opted_out) return fail("paused", "the organizer paused coaching");
  if (!(await prepAtStartEnabled(db, manager.id))) return fail("turned-off", "the organizer turned prep at start off");
  const guests = meeting.memberAadIds.filter((id) => id === null).length;
  const others = new Set(meeting.memberAadIds.filter((id): id is string => id !== null && id !== meeting.organizerAadId));
  if (meeting.more || guests > 0 || others.size !== 1)
    return fail("not-one-on-one", "the meeting is not the organizer and one other person");
  const person = await personByAad(db, meeting.tenantId, [...others][0]!);
  if (!person || person.id === manager.id) return fail("first-meeting", "the other person is not known by their Entra id");
  if ((await sharedMeetings(db, manager.id, person.id, [], 1)).length === 0)
    return fail("first-meeting", "no coached meeting of the organizer's with this person is stored");
  return ok({ manager, person });
}
