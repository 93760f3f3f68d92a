import { describe, expect, it } from "vitest";
import { parseCardAction } from "../../src/bot/card-actions.js";
import { coachingCard } from "../../src/cards/coaching-card.js";
import { MEETING_ID, sevenMomentsInput } from "../cards/coaching-inputs.js";

/** Every Action.Execute in a card, however deep (Action.ShowCard nests a card of its own). */
function executes(node: unknown): { verb: string; data: unknown }[] {
  if (Array.isArray(node)) return node.flatMap(executes);
  if (typeof node !== "object" || node === null) return [];
  const record = node as Record<string, unknown>;
  const own = record.type === "Action.Execute" ? [{ verb: String(record.verb), data: record.data }] : [];
  return [...own, ...Object.values(record).flatMap(executes)];
}

describe("card button presses (the invoke value)", () => {
  it("every button on the coaching card parses as the action it stands for", () => {
    // seven moments: three inline, four behind "Show all"; each offers "Practise this"
    const buttons = executes(coachingCard(sevenMomentsInput()));
    expect(buttons.map((b) => b.verb).sort()).toEqual(["feedback", "feedback", ...Array(7).fill("practise"), "showAllMoments"]);
    for (const { verb, data } of buttons) {
      expect(parseCardAction({ action: { type: "Action.Execute", verb, data }, trigger: "manual" })).toEqual({ verb, data });
    }
    expect(parseCardAction({ action: { verb: "feedback", data: { meetingId: MEETING_ID, helpful: false, utteranceId: "u7" } } })).toEqual({
      verb: "feedback",
      data: { meetingId: MEETING_ID, helpful: false, utteranceId: "u7" },
    });
    expect(parseCardAction({ action: { verb: "prep", data: { person: "Lee, Jordan (Guest)" } } })).toEqual({
      verb: "prep",
      data: { person: "Lee, Jordan (Guest)" },
    });
    expect(parseCardAction({ action: { verb: "practise", data: { meetingId: MEETING_ID, utteranceId: "u4" } } })).toEqual({
      verb: "practise",
      data: { meetingId: MEETING_ID, utteranceId: "u4" },
    });
  });

  it("anything else is no button of Attune's", () => {
    for (const value of [
      undefined,
      "showAllMoments",
      { action: { verb: "EXAMPLE_VERB", data: { meetingId: "EXAMPLE" } } },
      { action: { verb: "showAllMoments" } },
      { action: { verb: "feedback", data: { meetingId: MEETING_ID, helpful: "yes" } } },
      { action: { verb: "prep", data: { person: 42 } } },
      { action: { verb: "showAllMoments", data: { meetingId: "x".repeat(101) } } },
      { action: { verb: "practise", data: { meetingId: MEETING_ID } } },
      { action: { verb: "practise", data: { meetingId: MEETING_ID, utteranceId: "u".repeat(101) } } },
    ])
      expect(parseCardAction(value), JSON.stringify(value)).toBeNull();
  });
});
