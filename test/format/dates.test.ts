import { describe, expect, it } from "vitest";
import { dateRange, isoDate, shortDay } from "../../src/format/dates.js";

describe("dates", () => {
  it("reads stored times in UTC, whatever the machine's time zone", () => {
    const lateEvening = new Date("2026-03-02T23:30:00Z");
    expect(isoDate(lateEvening)).toBe("2026-03-02");
    expect(shortDay(lateEvening)).toBe("2 Mar");
  });

  it("a range names the first and last item, one date for one item, nothing for none", () => {
    const at = (iso: string) => ({ at: new Date(iso) });
    expect(dateRange([at("2026-03-02T09:00:00Z"), at("2026-03-05T09:00:00Z"), at("2026-03-09T09:00:00Z")])).toBe(
      "2026-03-02 to 2026-03-09",
    );
    expect(dateRange([at("2026-03-02T09:00:00Z")])).toBe("2026-03-02");
    expect(dateRange([])).toBe("");
  });
});
