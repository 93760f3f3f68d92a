import { describe, expect, it } from "vitest";
import { coachingCard, coachingCardText } from "../../src/cards/coaching-card.js";
import { PRIVACY_NOTE } from "../../src/cards/coaching-card-model.js";
import { heuristicCoaching } from "../../src/coaching/heuristic-coach.js";
import { pickMoments } from "../../src/coaching/moments.js";
import { analyze } from "../../src/metrics/analyze.js";
import { transcriptOf } from "../helpers/fixtures.js";
import { AMI_MANAGER, amiInput, downloadSampleInput, MEETING_ID, sevenMomentsInput } from "./coaching-inputs.js";
import { cardCharts, cardStrings, cardTypes, expectValidCard } from "./validate-card.js";

type Node = Record<string, unknown>;

function actionsOf(card: unknown): Node[] {
  const out: Node[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (typeof node === "object" && node !== null) {
      const n = node as Node;
      if (typeof n.type === "string" && n.type.startsWith("Action.")) out.push(n);
      Object.values(n).forEach(visit);
    }
  };
  visit(card);
  return out;
}

const suggestionsIn = (node: unknown) => cardStrings(node).filter((s) => s.startsWith("You could have said:"));

describe("coaching card for the download-style sample (one-on-one, Renée Ortiz)", () => {
  const input = downloadSampleInput();
  const card = coachingCard(input);
  const strings = cardStrings(card);
  const has = (part: string) => strings.some((s) => s.includes(part));

  it("is a valid Adaptive Card 1.5 for Teams", () => {
    expect(card).toMatchObject({ type: "AdaptiveCard", $schema: "http://adaptivecards.io/schemas/adaptive-card.json", version: "1.5" });
    expectValidCard(card);
  });

  it("matches the snapshot", async () => {
    await expect(`${JSON.stringify(card, null, 2)}\n`).toMatchFileSnapshot("./__snapshots__/download-style.card.json");
    await expect(`${coachingCardText(input)}\n`).toMatchFileSnapshot("./__snapshots__/download-style.card.txt");
  });

  it("shows the meeting: title, date in the reader's time zone, length and people", () => {
    expect(strings).toContain("Release plan and on-call");
    expect(strings).toContain("{{DATE(2026-03-14T10:00:00Z, SHORT)}}, {{TIME(2026-03-14T10:00:00Z)}} · 1:51 long · 2 people");
  });

  it("shows talk time as a donut, the manager as 'You' in their own colour, and the same figures in words as its fallback", () => {
    const charts = cardCharts(card);
    expect(charts.map((c) => c.type)).toEqual(["Chart.Donut"]);
    const donut = charts[0]!;
    expect(donut.data).toEqual([
      { legend: "You 77%", value: expect.closeTo(77, 0), color: "categoricalPurple" },
      { legend: "Lee, Jordan (Guest) 23%", value: expect.closeTo(23, 0), color: "categoricalLightBlue" },
    ]);
    expect(cardStrings(donut.fallback)).toEqual(["You · Renée Ortiz", "77%", "Lee, Jordan (Guest)", "23%"]);
    // nothing a screen reader would read out as block glyphs, in the card or its text
    for (const glyph of ["█", "░", "▁", "▄"]) {
      expect(JSON.stringify(card)).not.toContain(glyph);
      expect(coachingCardText(input)).not.toContain(glyph);
    }
  });

  it("shows the manager's indicators against their reference ranges", () => {
    const facts = (card.body.find((e) => e.type === "FactSet") as { facts: { title: string; value: string }[] }).facts;
    expect(facts).toEqual([
      { title: "Your share of the talk", value: "77%, above the 20%–40% that suits a one-on-one" },
      { title: "Questions you asked", value: "3, 1 of them open (what, how, tell me…)" },
      { title: "Talked over someone", value: "once (the aim is never)" },
      { title: "Pause before replying", value: "0.5 s after they finished, at the median (about 1 s after is usual on video calls)" },
      { title: "Longest stretch talking", value: "0:37 (aim: under 1:00)" },
    ]);
  });

  it("shows the moment: attributed quote, what happened and the restatement to try", () => {
    const moment = input.coaching.moments[0]!;
    expect(strings).toContain("0:34 · Lee, Jordan (Guest) raised something of their own");
    expect(strings).toContain(
      "“The migration script still fails on the larger tenants, and I'm the only one who knows that code & I'm on call that weekend.”",
    );
    expect(strings).toContain(moment.whatHappened);
    expect(strings).toContain(`You could have said: “${moment.suggestion}”`);
    expect(moment.suggestion).toMatch(/^So you're worried… \(their worry, in your own words\)\./);
  });

  it("shows the restatement Renée did make, the habit, the coach and the privacy note", () => {
    expect(has("Keep doing")).toBe(true);
    expect(strings).toContain(
      "“So what I'm hearing is that you're carrying the migration and on-call alone and that's too much for one weekend. Is that right?”",
    );
    expect(strings).toContain("to Lee, Jordan (Guest) at 1:32");
    expect(strings).toContain(input.coaching.habit);
    expect(strings).toContain("Coach: Attune's built-in rules (no language model).");
    expect(strings).toContain(PRIVACY_NOTE);
    expect(PRIVACY_NOTE).toMatch(/^Only you can see this card\..*not a score for HR/);
  });

  it("has helpful / not helpful Action.Execute buttons for the meeting, and no 'show all' for a single moment", () => {
    expect(card.actions).toEqual([
      { type: "Action.Execute", title: "Helpful", verb: "feedback", data: { meetingId: MEETING_ID, helpful: true } },
      { type: "Action.Execute", title: "Not helpful", verb: "feedback", data: { meetingId: MEETING_ID, helpful: false } },
    ]);
  });

  it("carries the plain-text version as its fallback", () => {
    const text = coachingCardText(input);
    expect(card.fallbackText!.length).toBeLessThanOrEqual(1200);
    expect(text.startsWith(card.fallbackText!.slice(0, -1))).toBe(true);
  });
});

describe("coaching card with seven moments", () => {
  it("shows the top three, and the other four behind 'Show all 7 moments' with a button to keep them open", () => {
    const input = sevenMomentsInput();
    const card = coachingCard(input);
    expectValidCard(card);
    expect(input.coaching.moments).toHaveLength(7);
    expect(suggestionsIn(card.body)).toHaveLength(3);
    const [show, ...rest] = card.actions as Node[];
    expect(show).toMatchObject({ type: "Action.ShowCard", title: "Show all 7 moments" });
    expect(suggestionsIn(show)).toHaveLength(4);
    expect(actionsOf(show)).toContainEqual({
      type: "Action.Execute",
      title: "Keep this list open",
      verb: "showAllMoments",
      data: { meetingId: MEETING_ID },
    });
    expect(rest.map((a) => a.verb)).toEqual(["feedback", "feedback"]);
    expect(cardStrings(card)).toContain("The 3 that matter most, of 7 where saying back what you heard would have helped:");
  });

  it("puts all seven inline with showAll, most important first, and drops the show-all buttons", () => {
    const input = sevenMomentsInput({ showAll: true });
    const card = coachingCard(input);
    expectValidCard(card);
    expect(suggestionsIn(card.body)).toEqual(input.coaching.moments.map((m) => `You could have said: “${m.suggestion}”`));
    expect(cardTypes(card)).not.toContain("Action.ShowCard");
    // each moment offers "Practise this", for that moment
    expect(actionsOf(card).map((a) => a.verb)).toEqual([...input.coaching.moments.map(() => "practise"), "feedback", "feedback"]);
    expect(actionsOf(card).flatMap((a) => (a.verb === "practise" ? [(a.data as { utteranceId: string }).utteranceId] : []))).toEqual(
      input.coaching.moments.map((m) => m.utteranceId),
    );
  });

  it("has no bot buttons without a meeting id, but still lets the reader see every moment", () => {
    const card = coachingCard(sevenMomentsInput({ meetingId: undefined }));
    expectValidCard(card);
    expect(actionsOf(card).map((a) => a.type)).toEqual(["Action.ShowCard"]);
  });
});

describe("coaching card for AMI ES2004a (four people)", () => {
  it("shows its few moments inline, with no 'show all' when there are three or fewer", () => {
    const input = amiInput();
    const card = coachingCard(input);
    expectValidCard(card);
    expect(input.coaching.moments.length).toBeLessThanOrEqual(3);
    expect(suggestionsIn(card.body)).toHaveLength(input.coaching.moments.length);
    expect(cardTypes(card)).not.toContain("Action.ShowCard");
    expect(actionsOf(card).map((a) => a.verb)).toEqual(["feedback", "feedback"]);
  });

  it("shows the group indicators, the quiet person and the fair share", () => {
    const strings = cardStrings(coachingCard(amiInput()));
    expect(strings).toContain("Talk time (a fair share is 25% each)");
    expect(strings).toContain("43%, above 17%–38%, around a fair share of 25%");
    expect(strings).toContain("MEO015 (Interface Designer) (12%): an open question could bring them in");
    expect(strings).toContain("1:27, once over 1:00 (aim: under 1:00)");
  });

  it("draws one bar per person, the manager as 'You', and lists every name in the fallback", () => {
    const input = amiInput();
    const [bars, ...others] = cardCharts(coachingCard(input));
    expect(others).toEqual([]);
    expect(bars).toMatchObject({ type: "Chart.HorizontalBar", displayMode: "AbsoluteWithAxis" });
    const data = bars!.data as { x: string; y: number; color: string }[];
    expect(data.map((d) => d.x)).toEqual(input.analysis.speakers.map((s) => (s.name === AMI_MANAGER ? "You" : s.name)));
    expect(data.find((d) => d.x === "You")).toEqual({ x: "You", y: expect.closeTo(42.63, 2), color: "categoricalPurple" });
    expect(data.reduce((sum, d) => sum + d.y, 0)).toBeCloseTo(100, 1);
    expect(cardStrings(bars!.fallback)).toContain(`You · ${AMI_MANAGER}`);
  });
});

describe("coaching card edge cases", () => {
  it("without a manager: talk time for everyone, no indicators, nobody marked", () => {
    const input = downloadSampleInput();
    const card = coachingCard({ ...input, analysis: analyze({ utterances: transcriptOf("teams/download-style.vtt").utterances }) });
    expectValidCard(card);
    expect(cardTypes(card)).not.toContain("FactSet");
    expect(cardStrings(card)).toContain("Renée Ortiz");
    expect(cardStrings(card).some((s) => s.startsWith("You ·"))).toBe(false);
  });

  it("without speaker names: says so instead of talk time and moments", () => {
    const utterances = transcriptOf("teams/no-speaker.vtt").utterances;
    const analysis = analyze({ utterances, manager: null });
    const coaching = heuristicCoaching(pickMoments(utterances, "Renée Ortiz"), analysis, "Renée Ortiz", 0);
    const card = coachingCard({ title: "", date: null, analysis, coaching, meetingId: MEETING_ID });
    expectValidCard(card);
    const strings = cardStrings(card);
    expect(strings).toContain("Your meeting");
    expect(strings.some((s) => s.startsWith("Speakers are unknown for this meeting"))).toBe(true);
    expect(strings).toContain("Without speaker names, moments to restate cannot be found.");
    expect(strings.some((s) => s.includes("{{DATE"))).toBe(false);
  });

  it("with no moments and nothing kept: says plainly that there was nothing to coach, and that this is good", () => {
    const input = downloadSampleInput();
    const card = coachingCard({ ...input, coaching: { ...input.coaching, moments: [], kept: [] } });
    expectValidCard(card);
    expect(cardStrings(card)).toContain(
      "No moment to coach this time: Attune found no worry, feeling, proposal or problem someone raised that your reply left without a response. That is a good outcome.",
    );
    expect(cardStrings(card).some((s) => s.includes("Keep doing"))).toBe(false);
  });

  it("names the coach, without passing on why a language model was not used", () => {
    const input = downloadSampleInput();
    expect(cardStrings(coachingCard({ ...input, coaching: { ...input.coaching, source: "llm" } }))).toContain(
      "Coach: a language model with Attune's prompts, its quotes checked against the transcript.",
    );
    const fellBack = cardStrings(
      coachingCard({ ...input, coaching: { ...input.coaching, fallbackReason: "HTTP 401 from https://llm.internal.example/v1" } }),
    );
    expect(fellBack).toContain("Coach: Attune's built-in rules (no language model). The language model could not be used this time.");
    expect(fellBack.some((s) => s.includes("401") || s.includes("internal"))).toBe(false);
  });

  it("ignores a date it cannot read", () => {
    const card = coachingCard(downloadSampleInput({ date: "not a date" }));
    expect(cardStrings(card)).toContain("1:51 long · 2 people");
  });
});
