import { foldName } from "../metrics/resolve-speaker.js";
import type { MeetingSummary } from "./meeting-summary.js";
import type { StateFrame } from "./protocol.js";

/** The viewer's place in the meeting: the manager (organizer) or a participant; null when the meeting does not name them. */
export function placeOf(summary: MeetingSummary, viewerName: string): { name: string; organizer: boolean } | null {
  const folded = foldName(viewerName);
  if (folded === "") return null;
  if (foldName(summary.manager) === folded) return { name: summary.manager, organizer: true };
  const person = summary.people.find((p) => foldName(p.name) === folded);
  return person ? { name: person.name, organizer: false } : null;
}

/** One viewer's state frame: their own figures only; the organizer also sees who has not spoken. */
export function stateFrameFor(summary: MeetingSummary, place: { name: string; organizer: boolean }): StateFrame {
  const me = summary.people.find((p) => p.name === place.name);
  const floor = summary.floor && summary.floor.speaker === place.name ? summary.floor.endMs - summary.floor.startMs : null;
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
