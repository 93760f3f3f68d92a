import { pickMoments } from "../src/coaching/moments.js";
import type { MomentKind } from "../src/coaching/schema.js";
import {
  defaultTiming,
  restatementPairs,
  SPEAKER,
  toUtterances,
  type Conversation,
  type RestatementPair,
  type TimingAssumptions,
} from "./annomi.js";
import type { Detector } from "./detectors.js";
import { emptyConfusion, tally, type Confusion } from "./scores.js";

export interface DetectorResult {
  name: string;
  description: string;
  overall: Confusion;
  /** Keyed by conversation id, in the order the pairs came. */
  byConversation: Map<string, Confusion>;
  predictions: boolean[];
}

export function allPairs(conversations: readonly Conversation[]): RestatementPair[] {
  return conversations.flatMap(restatementPairs);
}

/** Runs the detector on every pair, one at a time (an LLM judge should not be flooded). */
export async function scoreDetector(pairs: readonly RestatementPair[], detector: Detector): Promise<DetectorResult> {
  const overall = emptyConfusion();
  const byConversation = new Map<string, Confusion>();
  const predictions: boolean[] = [];
  for (const pair of pairs) {
    const predicted = await detector.judge(pair.previous, pair.reply);
    predictions.push(predicted);
    tally(overall, pair.gold, predicted);
    let perConversation = byConversation.get(pair.conversationId);
    if (!perConversation) {
      perConversation = emptyConfusion();
      byConversation.set(pair.conversationId, perConversation);
    }
    tally(perConversation, pair.gold, predicted);
  }
  return { name: detector.name, description: detector.description, overall, byConversation, predictions };
}

export async function scoreDetectors(pairs: readonly RestatementPair[], detectors: readonly Detector[]): Promise<DetectorResult[]> {
  const results: DetectorResult[] = [];
  for (const detector of detectors) results.push(await scoreDetector(pairs, detector));
  return results;
}

export interface MissedMoments {
  conversationId: string;
  quality: "high" | "low";
  /** Client rows; in AnnoMI a row is a whole turn (speakers alternate row by row). */
  clientTurns: number;
  candidates: number;
  per10ClientTurns: number;
  byKind: Partial<Record<MomentKind, number>>;
  /** Restatements pickMoments credited to the therapist. */
  kept: number;
}

/** pickMoments with the therapist as the "manager": candidate moments where a restatement was missed. */
export function missedMoments(conversation: Conversation, timing: TimingAssumptions = defaultTiming): MissedMoments {
  const { candidates, kept } = pickMoments(toUtterances(conversation, timing), SPEAKER.therapist);
  const clientTurns = conversation.rows.filter((r) => r.interlocutor === "client").length;
  const byKind: Partial<Record<MomentKind, number>> = {};
  for (const c of candidates) byKind[c.kind] = (byKind[c.kind] ?? 0) + 1;
  return {
    conversationId: conversation.id,
    quality: conversation.quality,
    clientTurns,
    candidates: candidates.length,
    per10ClientTurns: clientTurns === 0 ? 0 : (10 * candidates.length) / clientTurns,
    byKind,
    kept: kept.length,
  };
}

export interface PairCheck {
  low: MissedMoments;
  high: MissedMoments;
  /** The low-quality conversation has more missed moments than its high-quality pair. */
  asExpected: boolean;
}

export function comparePair(
  conversations: readonly Conversation[],
  lowId: string,
  highId: string,
  timing: TimingAssumptions = defaultTiming,
): PairCheck {
  const find = (id: string): Conversation => {
    const c = conversations.find((x) => x.id === id);
    if (!c) throw new Error(`no AnnoMI transcript ${id}`);
    return c;
  };
  const low = missedMoments(find(lowId), timing);
  const high = missedMoments(find(highId), timing);
  return { low, high, asExpected: low.candidates > high.candidates };
}
