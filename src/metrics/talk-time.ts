import type { Utterance } from "../transcript/schema.js";
import { coveredByAtLeast, totalLength, unionOf, type Interval } from "./intervals.js";

export interface TalkTime {
  /** Per speaker, the union of their utterance intervals (a speaker never overlaps themself). */
  bySpeaker: Map<string, number>;
  /** Union over everyone, attributed or not. */
  speechMs: number;
  /** Time two or more named speakers talk at once; null when no speaker is named. */
  overlapMs: number | null;
  /** Speech with no speaker attached. */
  unattributedMs: number;
}

export function measureTalkTime(utterances: readonly Utterance[]): TalkTime {
  const intervals = new Map<string, Interval[]>();
  const unattributed: Interval[] = [];
  for (const u of utterances) {
    const interval = { startMs: u.startMs, endMs: u.endMs };
    if (u.speaker === null) unattributed.push(interval);
    else {
      const list = intervals.get(u.speaker);
      if (list) list.push(interval);
      else intervals.set(u.speaker, [interval]);
    }
  }
  const unions = new Map<string, Interval[]>();
  for (const [speaker, list] of intervals) unions.set(speaker, unionOf(list));
  const bySpeaker = new Map<string, number>();
  for (const [speaker, union] of unions) bySpeaker.set(speaker, totalLength(union));
  const all = unionOf(utterances.map((u) => ({ startMs: u.startMs, endMs: u.endMs })));
  return {
    bySpeaker,
    speechMs: totalLength(all),
    overlapMs: unions.size === 0 ? null : coveredByAtLeast([...unions.values()], 2),
    unattributedMs: totalLength(unionOf(unattributed)),
  };
}
