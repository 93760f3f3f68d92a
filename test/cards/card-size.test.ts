import { describe, expect, it } from "vitest";
import { coachingCard } from "../../src/cards/coaching-card.js";
import { MAX_MOMENTS } from "../../src/cards/coaching-card-model.js";
import type { CoachingMoment } from "../../src/coaching/schema.js";
import { crowdedInput } from "./coaching-inputs.js";
import { LONG_MEETING_MANAGER, LONG_MEETING_MS, LONG_MEETING_PEOPLE } from "./long-meeting.js";
import { cardCharts, cardStrings, expectValidCard } from "./validate-card.js";

const LIMIT = 28 * 1024;
const size = (card: unknown) => JSON.stringify(card).length;
const bytes = (card: unknown) => Buffer.byteLength(JSON.stringify(card));
/** Orders chart labels as the analysis orders speakers (the manager is "You"). */
const byShare = (input: { analysis: { speakers: { name: string }[] } }) => {
  const order = input.analysis.speakers.map((s) => (s.name === LONG_MEETING_MANAGER ? "You" : s.name));
  return (a: string, b: string) => order.indexOf(a) - order.indexOf(b);
};
const suggestions = (card: unknown) => cardStrings(card).filter((s) => s.startsWith("You could have said:")).length;

describe("a 2-hour meeting of 12 people", () => {
  const input = crowdedInput({ title: "Quarterly planning: platform, data, mobile and support, all hands" });

  it("is what it claims to be: two hours, twelve speakers, far more moments than a card can hold", () => {
    expect(input.analysis.durationMs).toBeGreaterThan(LONG_MEETING_MS - 3 * 60_000);
    expect(input.analysis.speakers).toHaveLength(12);
    expect(input.coaching.moments.length).toBeGreaterThan(MAX_MOMENTS + 10);
  });

  for (const showAll of [false, true]) {
    it(`stays under 28 KB with every speaker listed (showAll ${showAll})`, () => {
      const card = coachingCard({ ...input, showAll });
      expectValidCard(card);
      expect(size(card)).toBeLessThan(LIMIT);
      expect(bytes(card)).toBeLessThan(LIMIT);
      const strings = cardStrings(card);
      // every speaker in the chart (the manager as "You") and, in words, in its fallback
      const [chart] = cardCharts(card);
      expect((chart!.data as { x: string }[]).map((d) => d.x)).toEqual(["You", ...LONG_MEETING_PEOPLE.slice(1)].sort(byShare(input)));
      for (const name of LONG_MEETING_PEOPLE) expect(strings.some((s) => s === name || s === `You · ${name}`)).toBe(true);
      expect(strings).toContain(`You · ${LONG_MEETING_PEOPLE[0]}`);
      const carried = suggestions(card);
      expect(carried).toBeGreaterThan(3);
      expect(carried).toBeLessThanOrEqual(MAX_MOMENTS);
      expect(strings).toContain(`and ${input.coaching.moments.length - carried} more moments, not shown here`);
    });
  }

  it("keeps three moments inline and the rest behind the ShowCard", () => {
    const card = coachingCard(input);
    expect(suggestions(card.body)).toBe(3);
    expect(card.actions![0]).toMatchObject({ type: "Action.ShowCard", title: `Show ${suggestions(card.actions![0])} more moments` });
  });

  it("drops moments rather than grow past the budget when every string is at its cap and multi-byte", () => {
    const long = (word: string) => `${word} `.repeat(2_000);
    const moments: CoachingMoment[] = Array.from({ length: 60 }, (_, i) => ({
      utteranceId: `u${i + 1}`,
      atMs: i * 60_000,
      speaker: "Ἀριστοτέλης Παπαδημητρίου-Χατζηγεωργίου (Φιλοσοφία και Δεοντολογία)",
      quote: long("ανησυχώ"),
      kind: "missed-concern",
      whatHappened: long("διέκοψες"),
      suggestion: long("ακούγεται"),
      replyUtteranceId: null,
    }));
    for (const showAll of [false, true]) {
      const card = coachingCard({
        ...input,
        showAll,
        coaching: {
          ...input.coaching,
          moments,
          kept: moments
            .slice(0, 2)
            .map((m) => ({ utteranceId: m.utteranceId, atMs: m.atMs, quote: m.quote, of: m.speaker, ofUtteranceId: m.utteranceId })),
          habit: long("συνήθεια"),
        },
      });
      expectValidCard(card);
      expect(bytes(card)).toBeLessThan(LIMIT);
      expect(suggestions(card)).toBeGreaterThanOrEqual(3);
    }
  });
});
