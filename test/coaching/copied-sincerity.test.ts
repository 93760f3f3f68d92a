import { describe, expect, it } from "vitest";
import { withoutCopiedSincerity } from "../../src/coaching/address.js";

/**
 * Readers of the model path's cards (j46–j55) found a dozen say-backs that put the speaker's "honestly" in the
 * manager's mouth, where it vouches for the manager. Each shape they read, as the model wrote it.
 */
describe("the speaker's 'honestly' copied into a model's say-back", () => {
  const said = "I'm, honestly, I'm a bit tired.";
  it.each([
    [
      "Honestly, you were really scared yesterday when Noah went under the rope.",
      "You were really scared yesterday when Noah went under the rope.",
    ],
    [
      "Twelve kids for one instructor is, honestly, too much, especially with the small ones.",
      "Twelve kids for one instructor is too much, especially with the small ones.",
    ],
    ["You drive to Digos every night, and honestly you're a bit tired.", "You drive to Digos every night, and you're a bit tired."],
    ["You feel lighter now, and to be honest you were fearing this meeting.", "You feel lighter now, and you were fearing this meeting."],
    [
      "You've been here till six most nights, and you're pretty tired, honestly. Did I get that right?",
      "You've been here till six most nights, and you're pretty tired. Did I get that right?",
    ],
    ["You're very proud of the new tibeb, honestly; the women saw it.", "You're very proud of the new tibeb; the women saw it."],
    [
      "You're very tired, honestly, and yesterday you almost signed the wrong lot.",
      "You're very tired, and yesterday you almost signed the wrong lot.",
    ],
    ["So. Honestly, you're worried.", "So. You're worried."],
  ])("%s", (suggestion, written) => {
    expect(withoutCopiedSincerity(suggestion, said)).toBe(written);
  });

  it("is left where the speaker never said it", () => {
    const suggestion = "Honestly, you were really scared yesterday.";
    expect(withoutCopiedSincerity(suggestion, "I was really scared yesterday.")).toBe(suggestion);
  });
});
