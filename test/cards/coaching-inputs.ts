import type { CoachingCardInput } from "../../src/cards/coaching-card.js";
import { heuristicCoaching } from "../../src/coaching/heuristic-coach.js";
import { pickMoments } from "../../src/coaching/moments.js";
import { analyze } from "../../src/metrics/analyze.js";
import type { Utterance } from "../../src/transcript/schema.js";
import { transcriptOf } from "../helpers/fixtures.js";
import { LONG_MEETING_MANAGER, longMeeting } from "./long-meeting.js";

export const MEETING_ID = "3f2b8c1e-5d4a-4b6f-9e21-7a0c5d9e8b13";
export const DOWNLOAD_MANAGER = "Renée Ortiz";
export const AMI_MANAGER = "FEE013 (Project Manager)";

/** A card input the way the pipeline builds one: parse, analyze, pick moments, heuristic coaching. */
export function inputFromUtterances(
  utterances: readonly Utterance[],
  manager: string,
  extra: Partial<CoachingCardInput> = {},
): CoachingCardInput {
  const analysis = analyze({ utterances, manager });
  const coaching = heuristicCoaching(pickMoments(utterances, manager), analysis, manager, 0);
  return { title: "Meeting", date: "2026-03-14T10:00:00.000Z", analysis, coaching, meetingId: MEETING_ID, ...extra };
}

/**
 * The 2-hour meeting of twelve people with the moments the rules would pick in it if it were a conversation between
 * two (in a group only a model picks moments): a card with far more moments than it can hold, for its limits.
 */
export function crowdedInput(extra: Partial<CoachingCardInput> = {}): CoachingCardInput {
  const utterances = longMeeting();
  const analysis = analyze({ utterances, manager: LONG_MEETING_MANAGER });
  const asTwo = { ...analysis, manager: analysis.manager && { ...analysis.manager, oneOnOne: true } };
  const coaching = heuristicCoaching(pickMoments(utterances, LONG_MEETING_MANAGER), asTwo, LONG_MEETING_MANAGER, 0);
  return { title: "Meeting", date: "2026-03-14T10:00:00.000Z", analysis, coaching, meetingId: MEETING_ID, ...extra };
}

/** test/fixtures/teams/download-style.vtt: a one-on-one, Renée Ortiz managing. */
export function downloadSampleInput(extra: Partial<CoachingCardInput> = {}): CoachingCardInput {
  return inputFromUtterances(transcriptOf("teams/download-style.vtt").utterances, DOWNLOAD_MANAGER, {
    title: "Release plan and on-call",
    ...extra,
  });
}

/**
 * Seven moments on one card: the 2-hour meeting's coaching cut to its first seven, for the "Show all" behaviour
 * (a real meeting rarely has more than three moments worth coaching).
 */
export function sevenMomentsInput(extra: Partial<CoachingCardInput> = {}): CoachingCardInput {
  const input = crowdedInput({ title: "Quarterly planning", ...extra });
  return { ...input, coaching: { ...input.coaching, moments: input.coaching.moments.slice(0, 7) } };
}

/** AMI ES2004a: four people, the Project Manager managing. */
export function amiInput(extra: Partial<CoachingCardInput> = {}): CoachingCardInput {
  return inputFromUtterances(transcriptOf("ami/ES2004a.teams.vtt").utterances, AMI_MANAGER, {
    title: "Remote control design: kick-off",
    ...extra,
  });
}
