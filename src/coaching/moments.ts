import { analyzeFloor } from "../metrics/floor.js";
import { defaultMetricOptions, type MetricOptions } from "../metrics/options.js";
import { countWords } from "../metrics/words.js";
import type { Utterance } from "../transcript/schema.js";
import { voicesConcern } from "./markers.js";
import { judgeRestatement } from "./restatement.js";
import type { KeptRestatement, MomentKind } from "./schema.js";

/** A small window of utterances where the manager could have shown they listened. */
export interface Candidate {
  /** `m1`, `m2`, … in meeting order; stable for the same transcript and options. */
  id: string;
  kind: MomentKind;
  /** The other person. */
  speaker: string;
  /** Their turn's utterances (the last few when the turn was long). */
  trigger: Utterance[];
  /** The manager's reply, when the manager spoke next. */
  reply: Utterance | null;
  /** Gap between their last word and the manager's reply (negative: the manager came in early). */
  gapMs: number | null;
  interrupted: boolean;
  priority: number;
}

export interface MomentPick {
  candidates: Candidate[];
  kept: KeptRestatement[];
}

export interface MomentOptions {
  /** A turn this long (or with this many words) is a substantive point. */
  longTurnMs: number;
  longTurnWords: number;
  /** A reply faster than this after a long turn is a quick reply. */
  quickReplyMs: number;
  /** At most this many utterances of a turn go into a window. */
  windowUtterances: number;
}

export const defaultMomentOptions: MomentOptions = { longTurnMs: 20_000, longTurnWords: 45, quickReplyMs: 300, windowUtterances: 3 };

const PRIORITY: Record<MomentKind, number> = {
  "missed-concern": 50,
  interrupted: 40,
  "missed-question": 30,
  "not-picked-up": 25,
  "missed-long-turn": 20,
  "quick-reply": 10,
};

/** Finds the candidate moments and the restatements the manager did make. Pure and deterministic. */
export function pickMoments(
  utterances: readonly Utterance[],
  manager: string,
  metricOptions: MetricOptions = defaultMetricOptions,
  options: MomentOptions = defaultMomentOptions,
): MomentPick {
  const byId = new Map(utterances.map((u) => [u.id, u]));
  const floor = analyzeFloor(utterances, metricOptions);
  const interruptedAt = new Set(floor.interruptions.filter((i) => i.by === manager).map((i) => i.utteranceId));
  const substantiveTurns = new Map<string, number>();
  const found: Omit<Candidate, "id">[] = [];
  const kept: KeptRestatement[] = [];
  const turns = floor.turns.map((t) => ({ ...t, utterances: t.utteranceIds.map((id) => byId.get(id)!) }));
  for (const turn of turns) {
    if (turn.speaker !== manager && isSubstantive(turn.utterances, turn.endMs - turn.startMs, options)) {
      substantiveTurns.set(turn.speaker, (substantiveTurns.get(turn.speaker) ?? 0) + 1);
    }
  }
  for (let i = 0; i < turns.length; i++) {
    const turn = turns[i]!;
    if (turn.speaker === manager) continue;
    const next = turns[i + 1];
    const text = turn.utterances.map((u) => u.text).join(" ");
    const durationMs = turn.endMs - turn.startMs;
    const trigger = turn.utterances.slice(-options.windowUtterances);
    if (next && next.speaker === manager) {
      const reply = next.utterances[0]!;
      const judgement = judgeRestatement(text, reply.text);
      if (judgement.restates) {
        kept.push({
          utteranceId: reply.id,
          atMs: reply.startMs,
          quote: reply.text,
          of: turn.speaker,
          ofUtteranceId: trigger[trigger.length - 1]!.id,
        });
        continue;
      }
      if (!isSubstantive(turn.utterances, durationMs, options)) continue;
      const gapMs = next.startMs - turn.endMs;
      const interrupted = interruptedAt.has(reply.id);
      const kind = classify(text, durationMs, countWords(text), gapMs, interrupted, options);
      if (kind)
        found.push({
          kind,
          speaker: turn.speaker,
          trigger,
          reply,
          gapMs,
          interrupted,
          priority: PRIORITY[kind] + Math.min(9, durationMs / 10_000),
        });
      continue;
    }
    if (substantiveTurns.get(turn.speaker) === 1 && isSubstantive(turn.utterances, durationMs, options)) {
      const pickedUp = next ? judgeRestatement(text, next.utterances.map((u) => u.text).join(" ")).restates : false;
      if (!pickedUp) {
        found.push({
          kind: "not-picked-up",
          speaker: turn.speaker,
          trigger,
          reply: null,
          gapMs: null,
          interrupted: false,
          priority: PRIORITY["not-picked-up"],
        });
      }
    }
  }
  return { candidates: found.map((c, i) => ({ id: `m${i + 1}`, ...c })), kept };
}

function isSubstantive(utterances: readonly Utterance[], durationMs: number, options: MomentOptions): boolean {
  const text = utterances.map((u) => u.text).join(" ");
  const words = countWords(text);
  if (words < 4) return false;
  return durationMs >= options.longTurnMs || words >= options.longTurnWords || text.includes("?") || voicesConcern(text);
}

function classify(
  text: string,
  durationMs: number,
  words: number,
  gapMs: number,
  interrupted: boolean,
  options: MomentOptions,
): MomentKind | null {
  if (voicesConcern(text)) return "missed-concern";
  if (interrupted) return "interrupted";
  if (text.trimEnd().endsWith("?")) return "missed-question";
  const long = durationMs >= options.longTurnMs || words >= options.longTurnWords;
  if (long && gapMs < options.quickReplyMs) return "quick-reply";
  return long ? "missed-long-turn" : null;
}

/** Candidates most worth coaching first (a stable order for equal priorities). */
export function byPriority(candidates: readonly Candidate[]): Candidate[] {
  return [...candidates].sort((a, b) => b.priority - a.priority || a.trigger[0]!.startMs - b.trigger[0]!.startMs);
}
