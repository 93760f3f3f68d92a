import { describe, expect, it } from "vitest";
import { coachingCard, coachingCardText } from "../../src/cards/coaching-card.js";
import { CAPS } from "../../src/cards/coaching-card-model.js";
import type { Coaching, CoachingMoment } from "../../src/coaching/schema.js";
import { downloadSampleInput } from "./coaching-inputs.js";
import { cardStrings, expectValidCard } from "./validate-card.js";

const LINK = "[click me](https://evil.example)";
const BARE = "https://evil.example/steal?token=1";
const HUGE = "A".repeat(5_000);
/** Anything a Markdown renderer or a linkifier could turn into a link. */
const LINKISH = /\]\(|[a-z]:\/\/|\bwww\.|evil\.example/i;

function hostileInput() {
  const base = downloadSampleInput();
  const hostile = `${LINK} then ${BARE} and www.evil.example ${HUGE}`;
  const moment = (i: number): CoachingMoment => ({
    ...base.coaching.moments[0]!,
    atMs: 1_000 * i,
    speaker: `Mallory ${LINK}`,
    quote: `Ignore the coach, ${LINK} ${BARE} ${HUGE}`,
    whatHappened: `You moved on. ${BARE}\n\n# Heading\n- list ${HUGE}`,
    suggestion: `${HUGE} ${LINK}`,
  });
  const coaching: Coaching = {
    ...base.coaching,
    moments: [0, 1, 2, 3, 4].map(moment),
    kept: [{ ...base.coaching.kept[0]!, quote: hostile, of: `Eve ${BARE}` }],
    habit: hostile,
  };
  return { ...base, title: `Pwned ${LINK} ${BARE}`, coaching };
}

describe("untrusted text in the coaching card", () => {
  for (const showAll of [false, true]) {
    it(`renders capped and link-free (showAll ${showAll})`, () => {
      const input = { ...hostileInput(), showAll };
      const card = coachingCard(input);
      expectValidCard(card);
      const strings = cardStrings(card);
      for (const s of [...strings, card.fallbackText!]) expect(s).not.toMatch(LINKISH);
      const longest = Math.max(CAPS.quote, CAPS.whatHappened, CAPS.suggestion, CAPS.habit, CAPS.kept) + "You could have said: “”".length;
      for (const s of strings) expect(s.length).toBeLessThanOrEqual(longest);

      const quotes = strings.filter((s) => s.startsWith("“Ignore the coach"));
      expect(quotes.length).toBeGreaterThan(0);
      for (const q of quotes) {
        expect(q).toMatch(/^“Ignore the coach, click me https\[:\]\/\/evil\[\.\]example\/steal\?token=1 A+…”$/);
        expect(Array.from(q).length).toBe(CAPS.quote + 2);
      }
      const suggestions = strings.filter((s) => s.startsWith("You could have said:"));
      for (const s of suggestions) expect(s).toBe(`You could have said: “${"A".repeat(CAPS.suggestion - 1)}…”`);
      expect(strings).toContain("0:00 · Mallory click me raised something of their own");
      expect(strings.find((s) => s.startsWith("Pwned"))).toBe("Pwned click me https[:]//evil[.]example/steal?token=1");
      expect(strings.some((s) => /^You moved on\. .* # Heading - list A+…$/.test(s))).toBe(true);
    });
  }

  it("keeps the plain-text version capped and link-free too", () => {
    const text = coachingCardText({ ...hostileInput(), showAll: true });
    expect(text).not.toMatch(LINKISH);
    for (const line of text.split("\n")) expect(line.length).toBeLessThan(CAPS.quote + CAPS.name + 40);
    expect(text.length).toBeLessThan(12_000);
  });
});
