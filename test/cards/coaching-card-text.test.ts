import { describe, expect, it } from "vitest";
import { coachingCard, coachingCardText } from "../../src/cards/coaching-card.js";
import { PRIVACY_NOTE } from "../../src/cards/coaching-card-model.js";
import { amiInput, downloadSampleInput, sevenMomentsInput } from "./coaching-inputs.js";
import { cardStrings } from "./validate-card.js";

describe("the coaching card as plain text", () => {
  it("says what the card says for the download sample", () => {
    const input = downloadSampleInput();
    const text = coachingCardText(input);
    const moment = input.coaching.moments[0]!;
    for (const part of [
      "Release plan and on-call",
      "2026-03-14 10:00 UTC · 1:51 long · 2 people",
      "You · Renée Ortiz",
      "77%",
      "Lee, Jordan (Guest)",
      "23%",
      "Your share of the talk: 77%, above the 20%–40% that suits a one-on-one",
      "0:34 · Lee, Jordan (Guest) raised something of their own: “The migration script still fails on the larger tenants",
      moment.whatHappened,
      `You could have said: “${moment.suggestion}”`,
      "“So what I'm hearing is that you're carrying the migration",
      input.coaching.habit,
      PRIVACY_NOTE,
      "Coach: Attune's built-in rules (no language model).",
    ]) {
      expect(text).toContain(part);
    }
  });

  it("has no JSON and no card markup", () => {
    for (const input of [downloadSampleInput(), amiInput({ showAll: true })]) {
      const text = coachingCardText(input);
      expect(text).not.toMatch(/[{}]|"type"|AdaptiveCard|TextBlock|\{\{DATE/);
      expect(() => JSON.parse(text)).toThrow();
    }
  });

  it("lists the same moments as the card: the top three and a count of the rest, or all with showAll", () => {
    const top = coachingCardText(sevenMomentsInput());
    expect(top.match(/You could have said:/g)).toHaveLength(3);
    expect(top).toContain("and 4 more moments, not shown here");
    const all = coachingCardText(sevenMomentsInput({ showAll: true }));
    expect(all.match(/You could have said:/g)).toHaveLength(7);
    expect(all).not.toContain("more moments");
  });

  it("contains every line of card text apart from layout-only pieces", () => {
    const input = amiInput({ showAll: true });
    const text = coachingCardText(input);
    const layoutOnly = /^(█|░)+$|^\d+%$|\{\{DATE|^Talk time|^Moments to restate|^\d+ moments where|^Helpful$|^Not helpful$/;
    const missing = cardStrings(coachingCard(input))
      .filter((s) => !layoutOnly.test(s))
      .filter((s) => !text.includes(s));
    expect(missing).toEqual([]);
  });
});
