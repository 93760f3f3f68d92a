import { median } from "./intervals.js";
import type { MetricOptions } from "./options.js";
import type { ManagerMetrics, Monologue, ResponseGap, ShareVerdict, SpeakerMetrics } from "./schema.js";

/** The manager's listening indicators, judged against the reference ranges in the options. */
export function managerMetrics(
  name: string,
  speakers: readonly SpeakerMetrics[],
  people: number,
  gaps: readonly ResponseGap[],
  monologues: readonly Monologue[],
  options: MetricOptions,
): ManagerMetrics | null {
  const me = speakers.find((s) => s.name === name);
  if (!me) return null;
  const fairShare = 1 / Math.max(1, people);
  const oneOnOne = people === 2;
  const expectedShare: [number, number] = oneOnOne
    ? options.oneOnOneShareRange
    : [fairShare / options.groupShareTolerance, Math.min(1, fairShare * options.groupShareTolerance)];
  const myGaps = gaps.filter((g) => g.speaker === name).map((g) => g.gapMs);
  return {
    name,
    share: me.share,
    fairShare,
    expectedShare,
    shareVerdict: verdict(me.share, expectedShare),
    oneOnOne,
    interruptionsMade: me.interruptionsMade,
    questions: me.questions,
    openQuestions: me.openQuestions,
    closedQuestions: me.closedQuestions,
    medianResponseGapMs: median(myGaps),
    responses: myGaps.length,
    longestMonologueMs: me.longestMonologueMs,
    monologues: monologues.filter((m) => m.speaker === name).length,
    // In a one-on-one the other person's share is the mirror of the manager's: the share verdict says it.
    quietPeople: speakers
      .filter((s) => !oneOnOne && s.name !== name && s.share < fairShare * options.quietFractionOfFairShare)
      .map((s) => ({ name: s.name, share: s.share })),
  };
}

function verdict(share: number, [low, high]: [number, number]): ShareVerdict {
  if (share < low) return "below";
  return share > high ? "above" : "within";
}
