import type { Utterance } from "../transcript/schema.js";
import { balanceIndex } from "./balance.js";
import { analyzeFloor } from "./floor.js";
import { median } from "./intervals.js";
import { managerMetrics } from "./manager.js";
import { findMonologues } from "./monologues.js";
import { defaultMetricOptions, type MetricOptions } from "./options.js";
import { responseGaps } from "./response-gaps.js";
import { ANALYSIS_SCHEMA_VERSION, type Analysis } from "./schema.js";
import { silentSpeaker, speakerMetrics } from "./speakers.js";
import { measureTalkTime } from "./talk-time.js";

export interface AnalyzeInput {
  utterances: readonly Utterance[];
  /** Exact display name of the manager (resolve user input with resolveSpeaker first). */
  manager?: string | null;
  /** Everyone present, when a roster is known; silent people then count toward the fair share. */
  roster?: readonly string[];
  options?: Partial<MetricOptions>;
}

/** All listening metrics of one meeting. Pure: same utterances and options, same result. */
export function analyze(input: AnalyzeInput): Analysis {
  const options: MetricOptions = { ...defaultMetricOptions, ...input.options };
  const { utterances } = input;
  const talk = measureTalkTime(utterances);
  const floor = analyzeFloor(utterances, options);
  const speakers = speakerMetrics(utterances, talk.bySpeaker, floor);
  const rosterOnly = (input.roster ?? []).filter((name) => !talk.bySpeaker.has(name));
  for (const name of rosterOnly) speakers.push(silentSpeaker(name));
  const people = speakers.length;
  const monologues = findMonologues(floor.turns, options.monologueMs);
  const gaps = responseGaps(floor.turns);
  const first = utterances.reduce((min, u) => Math.min(min, u.startMs), Infinity);
  const last = utterances.reduce((max, u) => Math.max(max, u.endMs), 0);
  return {
    schemaVersion: ANALYSIS_SCHEMA_VERSION,
    durationMs: utterances.length === 0 ? 0 : last - first,
    speechMs: talk.speechMs,
    overlapMs: talk.overlapMs,
    speakersKnown: utterances.length > 0 && talk.unattributedMs === 0 && utterances.every((u) => u.speaker !== null),
    unattributedMs: talk.unattributedMs,
    utterances: utterances.length,
    fairShare: people === 0 ? null : 1 / people,
    balance: balanceIndex(
      speakers.map((s) => s.share),
      people,
    ),
    speakers,
    monologues,
    interruptions: floor.interruptions,
    responseGaps: { count: gaps.length, medianMs: median(gaps.map((g) => g.gapMs)) },
    manager: input.manager ? managerMetrics(input.manager, speakers, people, gaps, monologues, options) : null,
    thresholds: options,
  };
}
