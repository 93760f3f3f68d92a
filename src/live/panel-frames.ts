import { foldName } from "../metrics/resolve-speaker.js";
import type { MeetingSummary } from "./meeting-summary.js";
import type { StateFrame } from "./protocol.js";
import type { Viewer } from "./viewer-auth.js";

/** Where a viewer sits: `person` is whose figures they see (their own; null: none counted yet). */
export interface Place {
  name: string;
  organizer: boolean;
  person: string | null;
}

/**
 * The viewer's place in the meeting. The organizer is decided by account id: the token's `oid` (and `tid`)
 * against the organizer's id from Teams' meeting info or the source's `managerId`, never by display name.
 * Only when the meeting has no organizer id and the token is this machine's development token (local mode)
 * does its name stand for the organizer. Anyone else is a participant, placed by the name the live source
 * gives them (sources know only names); someone named like the manager who is not the organizer sees no
 * figures but their own (none). Null when the meeting does not name them.
 */
export function placeOf(summary: MeetingSummary, viewer: Viewer): Place | null {
  const folded = foldName(viewer.name);
  const organizer = summary.organizer;
  const isOrganizer = organizer
    ? viewer.id === organizer.id && (organizer.tenantId === null || organizer.tenantId === viewer.tenantId)
    : viewer.dev && folded !== "" && foldName(summary.manager) === folded;
  if (isOrganizer) return { name: summary.manager, organizer: true, person: summary.manager };
  if (folded === "") return null;
  const person = summary.people.find((p) => p.name !== summary.manager && foldName(p.name) === folded);
  if (person) return { name: person.name, organizer: false, person: person.name };
  return foldName(summary.manager) === folded ? { name: viewer.name, organizer: false, person: null } : null;
}

/** One viewer's state frame: their own figures only; the organizer also sees who has not spoken. */
export function stateFrameFor(summary: MeetingSummary, place: Place): StateFrame {
  const me = place.person === null ? undefined : summary.people.find((p) => p.name === place.person);
  const floor =
    summary.floor && place.person !== null && summary.floor.speaker === place.person ? summary.floor.endMs - summary.floor.startMs : null;
  return {
    type: "state",
    meetingId: summary.meetingId,
    title: summary.title,
    atMs: summary.atMs,
    you: {
      name: place.name,
      talkMs: me?.talkMs ?? 0,
      share: me?.share ?? 0,
      recentShare: me?.recentShare ?? 0,
      floorMs: floor,
    },
    fairShare: summary.fairShare,
    people: summary.peopleCount,
    oneOnOne: summary.oneOnOne,
    recentWindowMs: summary.recentWindowMs,
    ...(place.organizer && {
      notSpoken: summary.people.filter((p) => p.present && p.talkMs === 0 && p.name !== summary.manager).map((p) => p.name),
    }),
  };
}
