import { describe, expect, it } from "vitest";
import { responseGapShort, responseGapText } from "../../src/format/response-gap.js";
import { shareAgainstRange } from "../../src/format/share-range.js";

const GROUP_OF_FOUR: [number, number] = [0.25 / 1.5, 0.25 * 1.5]; // 16.67%–37.5%

describe("a share against its range", () => {
  it("is whole percent when that agrees with the verdict", () => {
    expect(shareAgainstRange(0.4263, GROUP_OF_FOUR)).toMatchObject({ share: "43%", range: "17%–38%" });
    expect(shareAgainstRange(0.3, [0.2, 0.4])).toMatchObject({ share: "30%", range: "20%–40%" });
    // inside the range and rounding onto its edge reads fine: "38%, within 17%–38%"
    expect(shareAgainstRange(0.3749, GROUP_OF_FOUR)).toMatchObject({ share: "37%", range: "17%–38%" });
    expect(shareAgainstRange(0.375, GROUP_OF_FOUR)).toMatchObject({ share: "38%", range: "17%–38%" });
  });

  it("takes one decimal when a share outside the range would round onto its edge (38.05% is above 37.5%)", () => {
    expect(shareAgainstRange(0.3805, GROUP_OF_FOUR)).toEqual({ share: "38.0%", range: "16.7%–37.5%", low: "16.7%", high: "37.5%" });
    expect(shareAgainstRange(0.1649, GROUP_OF_FOUR)).toMatchObject({ share: "16%", range: "17%–38%" });
    expect(shareAgainstRange(0.1664, GROUP_OF_FOUR)).toMatchObject({ share: "16.6%", range: "16.7%–37.5%" });
    // more decimals only when one is still not enough
    expect(shareAgainstRange(0.37504, GROUP_OF_FOUR)).toMatchObject({ share: "37.504%", range: "16.667%–37.500%" });
  });

  it("never shows a share outside its range as equal to or inside an edge, over a sweep of shares and ranges", () => {
    for (let people = 3; people <= 12; people++) {
      const range: [number, number] = [1 / people / 1.5, Math.min(1, (1 / people) * 1.5)];
      for (let share = 0; share <= 1; share += 0.0001) {
        const shown = shareAgainstRange(share, range);
        const n = (s: string) => Number.parseFloat(s);
        if (share > range[1] + 1.5e-5) expect(n(shown.share), `${share} vs ${shown.high}`).toBeGreaterThan(n(shown.high));
        if (share < range[0] - 1.5e-5) expect(n(shown.share), `${share} vs ${shown.low}`).toBeLessThan(n(shown.low));
      }
    }
  });
});

describe("a response gap in words", () => {
  it("says before or after, never a minus sign", () => {
    expect(responseGapText(-750)).toBe("0.75 s before they finished");
    expect(responseGapText(1250)).toBe("1.25 s after they finished");
    expect(responseGapText(-100)).toBe("as they finished");
    expect(responseGapText(-1370, "the other person")).toBe("1.25 s before the other person finished");
    expect(responseGapShort(-565)).toBe("0.5 s before");
    expect(responseGapShort(720)).toBe("0.75 s after");
    expect(responseGapShort(90)).toBe("no gap");
    for (let ms = -5000; ms <= 5000; ms += 37) expect(responseGapText(ms)).not.toMatch(/[-−]/);
  });
});
