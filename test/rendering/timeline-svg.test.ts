import { describe, expect, it } from "vitest";
import { coachMeeting } from "../../src/coaching/coach.js";
import { analyze } from "../../src/metrics/analyze.js";
import { praiseOnCard } from "../../src/coaching/keep-doing.js";
import { mergeInPixels, TIMELINE_WIDTH, timelineSvg } from "../../src/rendering/timeline-svg.js";
import type { Utterance } from "../../src/transcript/schema.js";
import { LONG_MEETING_MANAGER, LONG_MEETING_PEOPLE, longMeeting } from "../cards/long-meeting.js";
import { transcriptOf } from "../helpers/fixtures.js";

const PM = "FEE013 (Project Manager)";
const count = (svg: string, pattern: RegExp) => svg.match(new RegExp(pattern.source, "g"))?.length ?? 0;
const labels = (svg: string) => [...svg.matchAll(/<text class="tl-label[^"]*"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

async function es2004a() {
  const { utterances } = transcriptOf("ami/ES2004a.teams.vtt");
  const analysis = analyze({ utterances, manager: PM });
  const coaching = await coachMeeting({ utterances, analysis, manager: PM }, { llm: null, prompts: null });
  return { utterances, analysis, coaching };
}

describe("the meeting timeline (SVG)", () => {
  it("has one row per speaker, the manager first as 'You', and marks the monologue, the moments, the restatements and the interruptions", async () => {
    const input = await es2004a();
    const svg = timelineSvg(input);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" class="attune-timeline"')).toBe(true);
    expect(labels(svg)).toEqual([
      `You · ${PM}`,
      "FEE016 (Marketing Expert)",
      "MEE014 (Industrial Designer)",
      "MEO015 (Interface Designer)",
    ]);
    // speech drawn per row: the manager's row in their colour
    expect(count(svg, /<path class="tl-bar tl-manager"/)).toBe(1);
    expect(count(svg, /<path class="tl-bar"/)).toBe(3);
    // ES2004a's one monologue: the Project Manager, 1:20–2:48 (docs/metrics.md)
    expect(count(svg, /<rect class="tl-monologue"[^>]*><title>/)).toBe(1);
    expect(svg).toMatch(/<title>You held the floor for 1:2\d \(1:2\d–2:4\d\)<\/title>/);
    expect(count(svg, /<path class="tl-missed" d="M[\d.]+ [\d.]+l4 7h-8z"/)).toBe(input.coaching.moments.length);
    // a restatement is marked only where the card praises it: in this discussion of four, a model's verdict
    expect(input.coaching.kept.length).toBeGreaterThan(0);
    expect(count(svg, /<circle class="tl-kept"[^>]*><title>/)).toBe(0);
    const said = {
      ...input.coaching.kept[0]!,
      quote: "So you want the remote to be easy to find when it gets lost.",
      source: "model" as const,
    };
    const confirmed = { ...input.coaching, kept: [said, ...input.coaching.kept] };
    expect(count(timelineSvg({ ...input, coaching: confirmed }), /<circle class="tl-kept"[^>]*><title>/)).toBe(
      praiseOnCard(confirmed, input.analysis).length,
    );
    expect(praiseOnCard(confirmed, input.analysis).length).toBe(1);
    expect(count(svg, /<path class="tl-interruption" d="M[\d.]+ [\d.]+l6 6m0 -6l-6 6" stroke="#c4314b" stroke-width="1.5"><title>/)).toBe(
      input.analysis.interruptions.filter((c) => c.by === PM).length,
    );
    expect(svg).toContain('<desc id="tl-desc">One row per speaker, the meeting from left to right. Share of the talk: You · FEE013');
    // the time axis: 0:00 to past 15:00 in five-minute steps for a 17-minute meeting
    expect([...svg.matchAll(/<text class="tl-tick"[^>]*>([^<]*)</g)].map((m) => m[1])).toEqual(["0:00", "5:00", "10:00", "15:00"]);
  });

  it("escapes every name and quote a participant controls", async () => {
    const hostile = `<script>alert("x")</script> & 'Bob' <img src=x onerror=alert(1)>`;
    const utterances: Utterance[] = [
      { id: "u1", speaker: "Dana", startMs: 0, endMs: 4000, text: "Tell me more." },
      { id: "u2", speaker: hostile, startMs: 4500, endMs: 70_000, text: "I worry </svg><svg onload=alert(1)>" },
    ];
    const analysis = analyze({ utterances, manager: "Dana" });
    const coached = await coachMeeting({ utterances, analysis, manager: "Dana" }, { llm: null, prompts: null });
    const svg = timelineSvg({
      utterances,
      analysis,
      coaching: {
        ...coached,
        moments: [
          {
            utteranceId: "u2",
            atMs: 4500,
            speaker: hostile,
            quote: "</title></svg><script>x</script>",
            kind: "missed-concern",
            whatHappened: "",
            suggestion: "",
            replyUtteranceId: null,
          },
        ],
        kept: [],
      },
    });
    // only the elements the timeline writes, and the hostile text only as text
    expect(new Set([...svg.matchAll(/<([a-zA-Z]+)/g)].map((m) => m[1]))).toEqual(
      new Set(["svg", "title", "desc", "text", "rect", "path", "line", "circle", "g"]),
    );
    expect(svg).not.toMatch(/<script|<img|<svg onload|<\/svg><svg/);
    expect(svg).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Bob&#39;");
    expect(svg).toContain("&lt;/title&gt;&lt;/svg&gt;&lt;script&gt;x&lt;/script&gt;");
    expect(count(svg, /<svg/)).toBe(1);
  });

  it("stays small for long meetings: speech under a pixel apart is merged, so a row holds at most one segment per two pixels", () => {
    // eight hours of twelve people speaking in 300 ms bursts 150 ms apart (64,000 utterances)
    const utterances: Utterance[] = [];
    for (let i = 0, t = 0; t < 8 * 3_600_000; i++, t += 450)
      utterances.push({ id: `u${i + 1}`, speaker: LONG_MEETING_PEOPLE[i % 12]!, startMs: t, endMs: t + 300, text: "word" });
    const svg = timelineSvg({ utterances, analysis: analyze({ utterances, manager: LONG_MEETING_MANAGER }) });
    const segments = count(svg, /h[\d.]+v12h-[\d.]+z/);
    expect(utterances.length).toBeGreaterThan(60_000);
    expect(segments).toBeLessThanOrEqual(12 * (TIMELINE_WIDTH / 2));
    expect(svg.length).toBeLessThan(100 * 1024);
    // the two-hour generated meeting: every speaker's row, well under the card-sized budget
    const two = longMeeting();
    const svg2 = timelineSvg({ utterances: two, analysis: analyze({ utterances: two, manager: LONG_MEETING_MANAGER }) });
    expect(labels(svg2)).toHaveLength(12);
    expect(svg2.length).toBeLessThan(40 * 1024);
  });

  it("merges in pixel space: overlaps and gaps under a pixel join, a sub-pixel segment counts a pixel wide", () => {
    expect(
      mergeInPixels([
        [3, 4],
        [0, 0.3],
        [0.5, 0.7],
      ]),
    ).toEqual([
      [0, 0.7],
      [3, 4],
    ]);
    // a segment of 0.2 px is drawn 1 px wide: the next stays apart only from a pixel after that
    expect(
      mergeInPixels([
        [0, 0.2],
        [2.5, 3],
        [2.6, 2.8],
        [10, 12],
      ]),
    ).toEqual([
      [0, 0.2],
      [2.5, 3],
      [10, 12],
    ]);
    expect(
      mergeInPixels([
        [0, 0.2],
        [1.9, 3],
      ]),
    ).toEqual([[0, 3]]);
    expect(mergeInPixels([])).toEqual([]);
  });

  it("shows unnamed speech on a row of its own, without a manager", () => {
    const { utterances } = transcriptOf("teams/no-speaker.vtt");
    const svg = timelineSvg({ utterances, analysis: analyze({ utterances }) });
    expect(labels(svg)).toEqual(["No speaker name"]);
    expect(svg).not.toContain("tl-manager");
  });
});
