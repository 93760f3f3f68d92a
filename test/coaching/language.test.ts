import { describe, expect, it } from "vitest";
import { coachingCard, coachingCardText } from "../../src/cards/coaching-card.js";
import { coachMeeting } from "../../src/coaching/coach.js";
import { meetingLanguage } from "../../src/coaching/language.js";
import { analyze } from "../../src/metrics/index.js";
import { transcriptOf } from "../helpers/fixtures.js";

const heuristic = { llm: null, prompts: null };

describe("the meeting's language", () => {
  it("is read from Teams' spokenLanguage when the transcript carries it", () => {
    const t = transcriptOf("teams/metadata-content.vtt");
    expect(t.language).toBe("en-us");
    expect(meetingLanguage(t.utterances, t.language)).toEqual({ code: "en", name: "English", source: "transcript", coached: true });
    expect(meetingLanguage(t.utterances, "de-DE")).toMatchObject({ code: "de", name: "German", source: "transcript", coached: false });
  });

  it("is detected from what was said otherwise: English AMI meetings, a German one-on-one", () => {
    expect(meetingLanguage(transcriptOf("ami/ES2004a.teams.vtt").utterances)).toMatchObject({
      code: "en",
      source: "detected",
      coached: true,
    });
    expect(meetingLanguage(transcriptOf("teams/german-one-on-one.vtt").utterances)).toMatchObject({
      code: "de",
      name: "German",
      source: "detected",
      coached: false,
    });
  });

  it("a meeting in a language Attune has no name for is still not taken for English", () => {
    const swahili = [
      "Habari za asubuhi, karibu kwenye mkutano wetu wa wiki hii.",
      "Asante sana, nimefurahi kuwa hapa leo pamoja na timu yote.",
      "Tunahitaji kuzungumza kuhusu ratiba ya kazi ya mwezi ujao na mahitaji ya wateja wetu.",
      "Ndiyo, nadhani tunapaswa kuongeza wafanyakazi zaidi kwenye zamu ya usiku kwa sababu kazi ni nyingi sana.",
      "Sawa, nitaongea na meneja wa rasilimali watu kesho asubuhi kuhusu jambo hilo.",
    ];
    const utterances = swahili.map((text, i) => ({
      id: `u${i}`,
      speaker: i % 2 ? "Amina" : "Juma",
      startMs: i * 5000,
      endMs: i * 5000 + 4000,
      text,
    }));
    expect(meetingLanguage(utterances)).toMatchObject({ source: "detected", coached: false });
  });

  it("too little text to tell: English is assumed, and said to be assumed", () => {
    expect(meetingLanguage(transcriptOf("teams/graph-docs-style.vtt").utterances)).toMatchObject({ source: "assumed", coached: true });
  });

  it("a German meeting gets its figures and an honest note, never a false 'no moment called for a restatement'", async () => {
    const { utterances } = transcriptOf("teams/german-one-on-one.vtt");
    const manager = "Renée Ortiz";
    const analysis = analyze({ utterances, manager });
    const coaching = await coachMeeting({ utterances, analysis, manager }, heuristic);
    expect(coaching.moments).toEqual([]);
    expect(coaching.kept).toEqual([]);
    expect(coaching.language).toMatchObject({ code: "de", coached: false });
    const input = { title: "Release", date: null, analysis, coaching };
    const text = coachingCardText(input);
    expect(text).toContain("Attune finds listening moments in English conversations only, and this meeting was in German");
    expect(text).not.toContain("No moment called for a restatement");
    expect(JSON.stringify(coachingCard(input))).toContain("English conversations only");
    expect(analysis.manager!.share).toBeGreaterThan(0.4);
  });
});
