import { endFloor, feedFloor, isShortAcknowledgement, type FloorSink, type TurnSpan } from "../metrics/floor.js";
import type { Interval } from "../metrics/intervals.js";
import { defaultMetricOptions } from "../metrics/options.js";
import type { LiveOptions } from "./live-options.js";
import type { MeetingState } from "./meeting-state.js";
import { unsettled } from "./segment-buffer.js";
import { provisionalTalk, recentMsOf, talkMsOf } from "./talk-tracker.js";

export interface PersonView {
  name: string;
  talkMs: number;
  /** Of everyone's summed talk, as the batch metrics define share. */
  share: number;
  recentMs: number;
  recentShare: number;
  present: boolean;
  /** End of their latest speech, settled or not; null before they speak. */
  lastSpokeMs: number | null;
}

/** The meeting as the batch metrics would read the transcript heard so far, if it ended now. */
export interface LiveView {
  atMs: number;
  manager: string;
  people: PersonView[];
  /** People present or heard: the roster counts silent people, as in the batch fair share. */
  peopleCount: number;
  fairShare: number;
  oneOnOne: boolean;
  /** The turn in progress. */
  floor: TurnSpan | null;
  recentWindowMs: number;
}

const quietSink: FloorSink = {
  turnStarted: () => undefined,
  turnExtended: () => undefined,
  backchannel: () => undefined,
  interruption: () => undefined,
};

export function liveView(state: MeetingState, options: LiveOptions, metrics = defaultMetricOptions): LiveView {
  const atMs = state.buffer.clockMs;
  const fromMs = atMs - options.recentWindowMs;
  const rows = new Map<string, { talkMs: number; recentMs: number; last: Interval | null; lastSpokeMs: number | null; present: boolean }>();
  for (const [name, person] of state.people) {
    rows.set(name, {
      talkMs: talkMsOf(person.talk),
      recentMs: recentMsOf(person.talk, fromMs, options.bucketMs),
      last: person.talk.last,
      lastSpokeMs: person.lastSpokeMs,
      present: person.present,
    });
  }
  const waiting = unsettled(state.buffer);
  const floor = structuredClone(state.floor);
  let id = state.settledCount;
  for (const s of waiting) {
    const row = rows.get(s.speaker);
    if (!row) continue;
    const { added, last } = provisionalTalk(row.last, s);
    row.last = last;
    if (added) {
      row.talkMs += added.endMs - added.startMs;
      row.recentMs += Math.max(0, added.endMs - Math.max(added.startMs, fromMs));
    }
    row.lastSpokeMs = Math.max(row.lastSpokeMs ?? 0, s.endMs);
    const short = isShortAcknowledgement(s.endMs - s.startMs, s.words, s.question, metrics);
    feedFloor(floor, { id: `p${++id}`, speaker: s.speaker, startMs: s.startMs, endMs: s.endMs, short }, metrics, quietSink);
  }
  endFloor(floor, metrics, quietSink);

  let total = 0;
  let recentTotal = 0;
  for (const row of rows.values()) {
    total += row.talkMs;
    recentTotal += row.recentMs;
  }
  const people: PersonView[] = [...rows.entries()].map(([name, row]) => ({
    name,
    talkMs: row.talkMs,
    share: total === 0 ? 0 : row.talkMs / total,
    recentMs: row.recentMs,
    recentShare: recentTotal === 0 ? 0 : row.recentMs / recentTotal,
    present: row.present,
    lastSpokeMs: row.lastSpokeMs,
  }));
  const peopleCount = people.filter((p) => p.present || p.talkMs > 0).length;
  return {
    atMs,
    manager: state.manager,
    people,
    peopleCount,
    fairShare: peopleCount === 0 ? 0 : 1 / peopleCount,
    oneOnOne: peopleCount === 2,
    floor: floor.current,
    recentWindowMs: options.recentWindowMs,
  };
}
