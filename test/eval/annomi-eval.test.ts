import { beforeAll, describe, expect, it } from "vitest";
import { loadAnnoMi, parseAnnoMi, restatementPairs, toUtterances, type Conversation } from "../../eval/annomi.js";
import { alwaysRestates, heuristicDetector, markerOnly } from "../../eval/detectors.js";
import { allPairs, comparePair, scoreDetector } from "../../eval/evaluate.js";
import { accuracy, confusionOf, f1, majorityClass, precision, recall } from "../../eval/scores.js";

let conversations: Conversation[];
beforeAll(async () => {
  conversations = await loadAnnoMi();
});

describe("AnnoMI loader", () => {
  it("finds the 4 conversations and all 138 rows", () => {
    expect(conversations.map((c) => c.id)).toEqual(["0", "24", "86", "15"]);
    expect(conversations.reduce((n, c) => n + c.rows.length, 0)).toBe(138);
    expect(conversations.map((c) => c.quality)).toEqual(["high", "high", "high", "low"]);
  });

  it("pairs each therapist row with the client row right before it, labelled by reflection_exists", () => {
    for (const c of conversations) {
      for (const p of restatementPairs(c)) {
        const i = c.rows.findIndex((r) => r.utteranceId === p.utteranceId);
        expect(c.rows[i]!.interlocutor).toBe("therapist");
        expect(c.rows[i - 1]!.interlocutor).toBe("client");
        expect(p.previous).toBe(c.rows[i - 1]!.text);
        expect(p.gold).toBe(c.rows[i]!.reflection);
      }
    }
    const pairs = allPairs(conversations);
    const therapistRowsAfterClient = conversations.reduce(
      (n, c) => n + c.rows.filter((r, i) => r.interlocutor === "therapist" && c.rows[i - 1]?.interlocutor === "client").length,
      0,
    );
    expect(pairs).toHaveLength(therapistRowsAfterClient);
  });

  it("derives utterance ends that never precede their start nor overlap the next utterance", () => {
    for (const c of conversations) {
      const utterances = toUtterances(c);
      expect(utterances).toHaveLength(c.rows.length);
      utterances.forEach((u, i) => {
        expect(u.endMs).toBeGreaterThanOrEqual(u.startMs);
        const next = utterances[i + 1];
        if (next) expect(u.endMs).toBeLessThanOrEqual(Math.max(u.startMs, next.startMs));
        expect(u.speaker === "therapist" || u.speaker === "client").toBe(true);
      });
    }
  });

  it("rejects a therapist row without a True/False reflection label", () => {
    const header = "mi_quality,transcript_id,topic,utterance_id,interlocutor,timestamp,utterance_text,reflection_exists,question_exists";
    expect(() => parseAnnoMi(`${header}\nhigh,1,t,0,therapist,00:00:01,Hello.,n/a,False\n`)).toThrow(/reflection_exists/);
    expect(parseAnnoMi(`${header}\nhigh,1,t,0,therapist,00:01:02,Hello.,True,False\n`)[0]!.rows[0]!.startMs).toBe(62_000);
  });
});

describe("scores", () => {
  it("computes precision, recall and F1 from a hand-made confusion", () => {
    //            TP     FN     TP     FP     TN     TP     FN     TN     TN     TN
    const gold = [true, true, true, false, false, true, true, false, false, false];
    const pred = [true, false, true, true, false, true, false, false, false, false];
    const c = confusionOf(gold, pred);
    expect(c).toEqual({ tp: 3, fp: 1, fn: 2, tn: 4 });
    expect(precision(c)).toBeCloseTo(3 / 4);
    expect(recall(c)).toBeCloseTo(3 / 5);
    expect(f1(c)).toBeCloseTo((2 * 0.75 * 0.6) / (0.75 + 0.6));
    expect(accuracy(c)).toBeCloseTo(7 / 10);
    expect(majorityClass(gold)).toEqual({ label: false, rate: 0.5 });
  });

  it("leaves undefined scores null and scores a detector that finds nothing as F1 0", () => {
    const none = confusionOf([true, false], [false, false]);
    expect(precision(none)).toBeNull();
    expect(recall(none)).toBe(0);
    expect(f1(none)).toBe(0);
    expect(f1(confusionOf([false], [false]))).toBeNull();
    expect(() => confusionOf([true], [])).toThrow();
  });
});

describe("restatement detection on AnnoMI", () => {
  it("the heuristic beats the always-restates and marker-only baselines on F1", async () => {
    const pairs = allPairs(conversations);
    const [heuristic, always, marker] = await Promise.all(
      [heuristicDetector, alwaysRestates, markerOnly].map((d) => scoreDetector(pairs, d)),
    );
    const f = (r: typeof heuristic) => f1(r!.overall) ?? 0;
    expect(f(heuristic)).toBeGreaterThan(f(always));
    expect(f(heuristic)).toBeGreaterThan(f(marker));
    expect(always!.overall.fn + always!.overall.tn).toBe(0);
  });
});

describe("missed moments", () => {
  it("the low-quality conversation 15 has more missed moments than its high-quality pair 24", () => {
    const check = comparePair(conversations, "15", "24");
    expect(check.low.quality).toBe("low");
    expect(check.high.quality).toBe("high");
    expect(check.low.candidates).toBeGreaterThan(check.high.candidates);
    expect(check.asExpected).toBe(true);
  });
});
