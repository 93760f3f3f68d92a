import { describe, expect, it } from "vitest";
import { analyze } from "../../src/metrics/analyze.js";
import { analyzeFloor } from "../../src/metrics/floor.js";
import { defaultMetricOptions } from "../../src/metrics/options.js";
import type { Utterance } from "../../src/transcript/schema.js";
import { transcriptOf } from "../helpers/fixtures.js";

/** [speaker, start s, end s, text] rows → utterances, in start order. */
function utterances(rows: [string | null, number, number, string][]): Utterance[] {
  return rows
    .map(([speaker, start, end, text], i) => ({ id: `u${i + 1}`, speaker, startMs: start * 1000, endMs: end * 1000, text }))
    .sort((a, b) => a.startMs - b.startMs);
}

describe("turns and backchannels", () => {
  it("a short acknowledgement while someone holds the floor is a backchannel, not a turn", () => {
    const floor = analyzeFloor(
      utterances([
        ["Ana", 0, 10, "Here is the plan for the quarter and what it means for us."],
        ["Bo", 5, 5.6, "Mhm."],
        ["Ana", 10.5, 20, "Then we ship it in March."],
      ]),
      defaultMetricOptions,
    );
    expect(floor.turns).toEqual([{ speaker: "Ana", startMs: 0, endMs: 20_000, utteranceIds: ["u1", "u3"] }]);
    expect(floor.backchannels).toEqual([{ speaker: "Bo", utteranceId: "u2", atMs: 5000, of: "Ana" }]);
    expect(floor.interruptions).toEqual([]);
  });

  it("a short answer after a long silence takes the floor", () => {
    const floor = analyzeFloor(
      utterances([
        ["Ana", 0, 5, "Shall we start?"],
        ["Bo", 12, 12.5, "Okay."],
        ["Ana", 13, 20, "Good, first item."],
      ]),
      defaultMetricOptions,
    );
    expect(floor.turns.map((t) => t.speaker)).toEqual(["Ana", "Bo", "Ana"]);
  });

  it("same-speaker pauses over the join gap start a new turn", () => {
    const floor = analyzeFloor(
      utterances([
        ["Ana", 0, 5, "One."],
        ["Ana", 7.5, 9, "Two."],
      ]),
      defaultMetricOptions,
    );
    expect(floor.turns).toHaveLength(2);
    expect(
      analyzeFloor(
        utterances([
          ["Ana", 0, 5, "One."],
          ["Ana", 7.5, 9, "Two."],
        ]),
        { ...defaultMetricOptions, joinGapMs: 3000 },
      ).turns,
    ).toHaveLength(1);
  });
});

describe("interruptions", () => {
  it("B starts while A talks, A stops within 2 s: B interrupted A", () => {
    const floor = analyzeFloor(
      utterances([
        ["Ana", 0, 10, "I am worried about the migration because nobody else knows it"],
        ["Bo", 9, 20, "Right, but the soak tests will catch that."],
      ]),
      defaultMetricOptions,
    );
    expect(floor.interruptions).toEqual([{ by: "Bo", of: "Ana", utteranceId: "u2", atMs: 9000, overlapMs: 1000 }]);
  });

  it("an overlap under 300 ms is ordinary turn-taking", () => {
    const floor = analyzeFloor(
      utterances([
        ["Ana", 0, 10, "A long point about things."],
        ["Bo", 9.8, 20, "A reply that follows it."],
      ]),
      defaultMetricOptions,
    );
    expect(floor.interruptions).toEqual([]);
  });

  it("when A keeps talking long after B starts, A did not yield: no interruption", () => {
    const floor = analyzeFloor(
      utterances([
        ["Ana", 0, 20, "A long point about things."],
        ["Bo", 5, 9, "Something said over her."],
      ]),
      defaultMetricOptions,
    );
    expect(floor.interruptions).toEqual([]);
  });

  it("the download sample: the manager talks over the worried report", () => {
    const a = analyze({ utterances: transcriptOf("teams/download-style.vtt").utterances, manager: "Renée Ortiz" });
    expect(a.interruptions.map((i) => [i.by, i.of, i.utteranceId])).toEqual([["Renée Ortiz", "Lee, Jordan (Guest)", "u5"]]);
    expect(a.manager!.oneOnOne).toBe(true);
    expect(a.manager!.expectedShare).toEqual([0.2, 0.4]);
    expect(a.manager!.shareVerdict).toBe("above");
    expect(a.speakers.find((s) => s.name === "Lee, Jordan (Guest)")!.backchannels).toBe(1);
  });
});

describe("response gaps", () => {
  it("measures the pause before each change of floor, negative when starting early", () => {
    const a = analyze({
      utterances: utterances([
        ["Ana", 0, 10, "What do you think about the plan?"],
        ["Bo", 11, 20, "I think it is tight but doable."],
        ["Ana", 19.5, 25, "Good, let us go ahead with it."],
      ]),
      manager: "Ana",
    });
    expect(a.responseGaps).toEqual({ count: 2, medianMs: 250 });
    expect(a.manager!.medianResponseGapMs).toBe(-500);
  });
});

describe("questions", () => {
  it("counts open and closed questions per speaker", () => {
    const a = analyze({
      utterances: utterances([
        ["Ana", 0, 5, "So, what worries you most? Is it the date? Uh how would you do it?"],
        ["Bo", 6, 9, "The date. Right?"],
      ]),
    });
    const ana = a.speakers.find((s) => s.name === "Ana")!;
    expect([ana.questions, ana.openQuestions, ana.closedQuestions]).toEqual([3, 2, 1]);
    expect(a.speakers.find((s) => s.name === "Bo")!.questions).toBe(1);
  });
});

describe("unknown speakers", () => {
  it("says speakers are unknown instead of inventing them", () => {
    const a = analyze({ utterances: transcriptOf("teams/no-speaker.vtt").utterances });
    expect(a.speakersKnown).toBe(false);
    expect(a.speakers).toEqual([]);
    expect(a.overlapMs).toBeNull();
    expect(a.speechMs).toBe(3000 + 1500 + 2800);
    expect(a.unattributedMs).toBe(a.speechMs);
    expect(a.balance).toBeNull();
  });

  it("a roster counts silent people in the fair share", () => {
    const a = analyze({
      utterances: utterances([
        ["Ana", 0, 10, "Hello all."],
        ["Bo", 10, 20, "Hi."],
      ]),
      roster: ["Ana", "Bo", "Cy", "Di"],
      manager: "Ana",
    });
    expect(a.fairShare).toBe(0.25);
    expect(a.manager!.quietPeople.map((p) => p.name)).toEqual(["Cy", "Di"]);
  });
});
