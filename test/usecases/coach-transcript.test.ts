import { describe, expect, it } from "vitest";
import type { CoachDeps } from "../../src/coaching/coach.js";
import { coachTranscript, describeCoachFailure } from "../../src/usecases/coach-transcript.js";
import { readFixture } from "../helpers/fixtures.js";

const oneOnOne = readFixture("teams/download-style.vtt");
const heuristic = async (): Promise<CoachDeps> => ({ llm: null, prompts: null });

describe("coachTranscript", () => {
  it("parses, finds the manager from part of the name, measures and coaches", async () => {
    const r = await coachTranscript(oneOnOne, { manager: "renee", coach: heuristic });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.transcript.format).toBe("vtt-download");
    expect(r.value.analysis.manager?.name).toBe("Renée Ortiz");
    expect(r.value.coaching).toMatchObject({ source: "heuristic", manager: "Renée Ortiz" });
    expect(r.value.coaching!.moments.length).toBeGreaterThan(0);
  });

  it("measures without coaching when no coach is asked for, and asks for none without a manager", async () => {
    const measured = await coachTranscript(oneOnOne, { manager: "Renée Ortiz" });
    expect(measured.ok && measured.value.coaching).toBeNull();
    expect(measured.ok && measured.value.analysis.manager?.name).toBe("Renée Ortiz");
    let asked = 0;
    const nobody = await coachTranscript(oneOnOne, {
      manager: null,
      coach: async () => {
        asked++;
        return heuristic();
      },
      metrics: { monologueMs: 5000 },
    });
    expect(nobody.ok && nobody.value.analysis.manager).toBeNull();
    expect(nobody.ok && nobody.value.analysis.thresholds.monologueMs).toBe(5000);
    expect(nobody.ok && nobody.value.coaching).toBeNull();
    expect(asked).toBe(0);
  });

  it("fails with a code and one line: a bad transcript, an unknown manager, a transcript without speakers", async () => {
    const bad = await coachTranscript("not a transcript", { manager: "x" });
    expect(!bad.ok && bad.error.code).toBe("unknown-format");
    expect(!bad.ok && describeCoachFailure(bad.error, { source: "notes.txt", manager: "--manager" })).toMatch(
      /^notes\.txt:line 1: not a transcript: expected a WebVTT file/,
    );
    const unknown = await coachTranscript(oneOnOne, { manager: "Zed", coach: heuristic });
    expect(!unknown.ok && unknown.error.code).toBe("unknown-manager");
    expect(!unknown.ok && describeCoachFailure(unknown.error, { manager: "manager" })).toMatch(
      /^manager: no speaker matches 'Zed'; speakers are /,
    );
    const unattributed = await coachTranscript(readFixture("teams/no-speaker.vtt"), { manager: "Renée", coach: heuristic });
    expect(!unattributed.ok && unattributed.error).toEqual({
      code: "no-speakers",
      message: "the transcript names no speakers, so there is no manager among them",
    });
  });
});
