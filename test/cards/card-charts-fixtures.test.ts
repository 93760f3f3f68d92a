import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { loadAnnoMi, SPEAKER, transcriptJson, type Conversation } from "../../eval/annomi.js";
import { coachingCard, coachingCardText } from "../../src/cards/coaching-card.js";
import { htmlReport } from "../../src/rendering/html-report.js";
import { coachTranscript } from "../../src/usecases/coach-transcript.js";
import { cardCharts, cardStrings, expectValidCard } from "./validate-card.js";

/**
 * The coaching card's chart and its fallback, and the HTML report's timeline, on every real conversation the
 * project ships: all 48 AnnoMI counselling sessions (one-on-ones: a donut) and the bundled samples (AMI
 * group meetings: one bar per person; the made-up one-on-one).
 */
const heuristic = async () => ({ llm: null, prompts: null });
let annomi: Conversation[];
beforeAll(async () => {
  annomi = await loadAnnoMi();
}, 60_000);

async function coached(text: string, manager: string) {
  const result = await coachTranscript(text, { manager, coach: heuristic });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe("charts on real conversations", () => {
  it("every AnnoMI session: a valid card whose donut is the counsellor ('You') and the client, summing to 100, said in words too", async () => {
    expect(annomi.length).toBe(48);
    for (const conversation of annomi) {
      const { analysis, coaching, transcript } = await coached(transcriptJson(conversation), SPEAKER.therapist);
      const input = { title: `AnnoMI ${conversation.id}`, date: null, analysis, coaching: coaching! };
      const card = coachingCard(input);
      expectValidCard(card);
      const charts = cardCharts(card);
      expect(
        charts.map((c) => c.type),
        conversation.id,
      ).toEqual(["Chart.Donut"]);
      const data = charts[0]!.data as { legend: string; value: number }[];
      expect(data.map((d) => d.legend.replace(/ \d+%$/, "")).sort()).toEqual(["Client", "You"]);
      expect(data.reduce((sum, d) => sum + d.value, 0)).toBeCloseTo(100, 0);
      expect(cardStrings(charts[0]!.fallback)).toContain(`You · ${SPEAKER.therapist}`);
      expect(coachingCardText(input)).not.toMatch(/[█░▁▂▃▄▅▆▇]/);
      const html = htmlReport({
        analysis,
        coaching: coaching!,
        utterances: transcript.utterances,
        source: conversation.id,
        format: transcript.format,
        cueCount: transcript.cueCount,
      });
      expect(html.match(/<text class="tl-label[^"]*"/g), conversation.id).toHaveLength(2);
    }
  }, 120_000);

  for (const [file, manager, people] of [
    ["ES2004a.teams.vtt", "FEE013 (Project Manager)", 4],
    ["IS1009a.teams.vtt", "FIE088 (Project Manager)", 4],
    ["one-on-one.vtt", "Renée Ortiz", 2],
  ] as const) {
    it(`samples/${file}: the chart of its ${people} people, the manager as 'You', and the report's timeline`, async () => {
      const text = readFileSync(fileURLToPath(new URL(`../../samples/${file}`, import.meta.url)), "utf8");
      const { analysis, coaching, transcript } = await coached(text, manager);
      const card = coachingCard({ title: file, date: null, analysis, coaching: coaching! });
      expectValidCard(card);
      const [chart] = cardCharts(card);
      expect(chart!.type).toBe(people === 2 ? "Chart.Donut" : "Chart.HorizontalBar");
      const labels =
        people === 2 ? (chart!.data as { legend: string }[]).map((d) => d.legend) : (chart!.data as { x: string }[]).map((d) => d.x);
      expect(labels).toHaveLength(people);
      expect(labels.filter((l) => l.startsWith("You"))).toHaveLength(1);
      const html = htmlReport({
        analysis,
        coaching: coaching!,
        utterances: transcript.utterances,
        source: file,
        format: transcript.format,
        cueCount: transcript.cueCount,
      });
      expect(html.match(/<text class="tl-label[^"]*"/g)).toHaveLength(people);
      expect(html).toContain(`<text class="tl-label tl-you" x="8" y="19">You · ${manager}</text>`);
    }, 30_000);
  }
});
