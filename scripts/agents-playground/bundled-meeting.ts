import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * The meeting `npm run teams:try` and its test end: a bundled one-on-one from samples/, with the people the
 * Agents Playground pretends to be. The organizer is the Playground's signed-in user and speaks in the
 * transcript under the same name, so Attune finds the manager the way it does in Teams.
 */
export interface BundledMeeting {
  tenantId: string;
  title: string;
  /** The Bot Connector's meeting id (channelData.meeting.id) and the Graph id its meeting info names. */
  meetingId: string;
  graphId: string;
  transcriptId: string;
  scheduledStart: string;
  scheduledEnd: string;
  organizer: PlaygroundUser;
  /** A participant who is not the organizer: they must never see the organizer's coaching. */
  participant: PlaygroundUser;
  vtt: string;
}

export interface PlaygroundUser {
  /** The Playground's user id (the `29:` id in Teams). */
  id: string;
  aadObjectId: string;
  name: string;
  givenName: string;
  surname: string;
  email: string;
}

export function oneOnOneMeeting(): BundledMeeting {
  return {
    tenantId: "5f1c0b6e-2a4d-4c8e-9b3a-7d6e5f4a3b21",
    title: "Jordan / Renée weekly 1:1",
    meetingId: "MCMxOTptZWV0aW5nX0FnZW50c1BsYXlncm91bmRTYW1wbGVAdGhyZWFkLnYyIzA=",
    graphId: "MSoyYjdlOWQ0Yy0xZjNhLTRlNmItOGQyYy05YTBiMWMyZDNlNGYqMCoqMTk6bWVldGluZ19BZ2VudHNQbGF5Z3JvdW5k",
    transcriptId: "MSMjMCMjQWdlbnRzUGxheWdyb3VuZFRyYW5zY3JpcHQ=",
    scheduledStart: "2026-11-25T15:00:00Z",
    scheduledEnd: "2026-11-25T15:30:00Z",
    organizer: {
      id: "user-renee",
      aadObjectId: "2b7e9d4c-1f3a-4e6b-8d2c-9a0b1c2d3e4f",
      name: "Renée Ortiz",
      givenName: "Renée",
      surname: "Ortiz",
      email: "renee.ortiz@example.com",
    },
    participant: {
      id: "user-jordan",
      aadObjectId: "7c4d2e1f-5a6b-4c3d-9e8f-1a2b3c4d5e6f",
      name: "Jordan Lee",
      givenName: "Jordan",
      surname: "Lee",
      email: "jordan.lee@example.com",
    },
    vtt: readFileSync(fileURLToPath(new URL("../../samples/one-on-one.vtt", import.meta.url)), "utf8"),
  };
}
