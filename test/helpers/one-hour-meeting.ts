import type { Utterance } from "../../src/transcript/schema.js";
import { transcriptOf } from "./fixtures.js";

export const ONE_HOUR_MANAGER = "FEE013 (Project Manager)";

/**
 * About an hour of real meeting talk: AMI ES2004a, IS1009a, ES2004a, IS1009a one after another (59:57).
 * IS1009a's Project Manager is relabelled as ES2004a's, so one manager leads the whole hour.
 */
export function oneHourMeeting(): Utterance[] {
  const parts = ["ami/ES2004a.teams.vtt", "ami/IS1009a.teams.vtt", "ami/ES2004a.teams.vtt", "ami/IS1009a.teams.vtt"];
  const out: Utterance[] = [];
  let offset = 0;
  for (const part of parts) {
    const utterances = transcriptOf(part).utterances;
    const first = utterances[0]!.startMs;
    let last = 0;
    for (const u of utterances) {
      const speaker = u.speaker === "FIE088 (Project Manager)" ? ONE_HOUR_MANAGER : u.speaker;
      out.push({ ...u, id: `u${out.length + 1}`, speaker, startMs: u.startMs - first + offset, endMs: u.endMs - first + offset });
      last = Math.max(last, u.endMs - first + offset);
    }
    offset = last + 1000;
  }
  return out;
}
