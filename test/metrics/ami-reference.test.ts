import { describe, expect, it } from "vitest";
import { analyze } from "../../src/metrics/analyze.js";
import { readFixture, transcriptOf } from "../helpers/fixtures.js";

/** The independently computed figures that ship with each AMI meeting (test/fixtures/ami/ATTRIBUTION.md). */
interface Reference {
  speechSeconds: number;
  overlapSeconds: number;
  durationSeconds: number;
  speakers: Record<string, { talkSeconds: number; shareOfSummedTalk: number }>;
  monologues_backchannel_tolerant: { speaker: string; start: number; end: number }[];
  manager?: string;
  questionDAs?: Record<string, number>;
}

function reference(meeting: string): { teams: Reference; rttm: Reference } {
  return JSON.parse(readFixture(`ami/${meeting}.ref.json`)) as { teams: Reference; rttm: Reference };
}

const meetings = ["ES2004a", "IS1009a"] as const;
const shapes = ["teams", "rttm"] as const;

describe.each(meetings)("AMI %s against its reference figures", (meeting) => {
  const ref = reference(meeting);
  const manager = ref.teams.manager!;

  describe.each(shapes)("%s.vtt", (shape) => {
    const expected = ref[shape];
    const analysis = analyze({ utterances: transcriptOf(`ami/${meeting}.${shape}.vtt`).utterances, manager });

    it("every speaker's talk time within 0.5 s", () => {
      expect(analysis.speakers.map((s) => s.name).sort()).toEqual(Object.keys(expected.speakers).sort());
      for (const s of analysis.speakers) {
        expect(Math.abs(s.talkMs / 1000 - expected.speakers[s.name]!.talkSeconds)).toBeLessThanOrEqual(0.5);
      }
    });

    it("speech, overlap (within 1%) and duration", () => {
      expect(Math.abs(analysis.speechMs / 1000 - expected.speechSeconds)).toBeLessThanOrEqual(0.5);
      expect(analysis.overlapMs).not.toBeNull();
      expect(Math.abs(analysis.overlapMs! / 1000 - expected.overlapSeconds) / expected.overlapSeconds).toBeLessThanOrEqual(0.01);
      expect(Math.abs(analysis.durationMs / 1000 - expected.durationSeconds)).toBeLessThanOrEqual(0.5);
    });

    it("the Project Manager as manager, with the right share", () => {
      expect(analysis.manager?.name).toBe(manager);
      expect(analysis.manager!.share).toBeCloseTo(expected.speakers[manager]!.shareOfSummedTalk, 2);
      const shares = analysis.speakers.reduce((sum, s) => sum + s.share, 0);
      expect(shares).toBeCloseTo(1, 6);
    });

    it("monologues of 60 s or more where the reference lists them (backchannel-tolerant definition)", () => {
      const found = analysis.monologues.map((m) => ({ speaker: m.speaker, start: m.startMs / 1000, end: m.endMs / 1000 }));
      expect(found).toHaveLength(expected.monologues_backchannel_tolerant.length);
      expected.monologues_backchannel_tolerant.forEach((m, i) => {
        expect(found[i]!.speaker).toBe(m.speaker);
        expect(Math.abs(found[i]!.start - m.start)).toBeLessThanOrEqual(0.5);
        expect(Math.abs(found[i]!.end - m.end)).toBeLessThanOrEqual(0.5);
      });
    });
  });

  it("question counts follow the reference's question dialogue acts", () => {
    const analysis = analyze({ utterances: transcriptOf(`ami/${meeting}.teams.vtt`).utterances });
    const counted = Object.fromEntries(analysis.speakers.map((s) => [s.name, s.questions]));
    for (const [name, count] of Object.entries(ref.teams.questionDAs!)) {
      expect(Math.abs(counted[name]! - count)).toBeLessThanOrEqual(1);
    }
  });
});

describe("AMI IS1009a: the manager's reading", () => {
  const analysis = analyze({ utterances: transcriptOf("ami/IS1009a.teams.vtt").utterances, manager: "FIE088 (Project Manager)" });

  it("the Project Manager is the top questioner", () => {
    const top = [...analysis.speakers].sort((a, b) => b.questions - a.questions)[0]!;
    expect(top.name).toBe("FIE088 (Project Manager)");
    expect(top.questions).toBe(19);
  });

  it("a manager at 59% of a four-person meeting is above the fair-share range, and the quiet people are named", () => {
    const m = analysis.manager!;
    expect(m.fairShare).toBe(0.25);
    expect(m.oneOnOne).toBe(false);
    expect(m.shareVerdict).toBe("above");
    expect(m.quietPeople.map((p) => p.name).sort()).toEqual(["FIO084 (Industrial Designer)", "FIO087 (Interface Designer)"]);
  });
});
