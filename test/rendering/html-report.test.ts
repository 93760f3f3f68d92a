import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/attune.js";
import type { CliIo } from "../../src/cli/io.js";
import { fixturesDir } from "../helpers/fixtures.js";

async function analyzeHtml(args: string[], stdin = ""): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += `${t}\n`), readStdin: async () => stdin, env: {} };
  const code = await runCli(["analyze", ...args, "--format", "html"], io);
  return { code, out, err };
}

/** Anything in the page that would make a browser fetch: attributes with addresses, CSS urls and imports. */
const FETCHES = /<[a-z][^>]*\s(src|href|srcset|action|poster|data)=|url\(|@import|<link|<script|<iframe|<img/i;

describe("attune analyze --format html", () => {
  it("is one self-contained page: talk time, the timeline, the indicators and the coaching of AMI ES2004a (no moment due)", async () => {
    const { code, out, err } = await analyzeHtml([`${fixturesDir}ami/ES2004a.teams.vtt`, "--manager", "project manager"]);
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(out).toContain("<title>Attune listening report: ES2004a.teams.vtt</title>");
    expect(out).toContain('<tr class="you"><td class="name">You · FEE013 (Project Manager)</td><td class="num">43%</td>');
    expect(out.match(/<svg /g)).toHaveLength(1);
    expect(out).toContain('<svg xmlns="http://www.w3.org/2000/svg" class="attune-timeline"');
    expect(out).toContain("<dt>Share of the talk</dt><dd>43%, above 17%–38%, around a fair share of 25%</dd>");
    expect(out).toContain("<dt>Pause before replying</dt><dd>0.75 s before they finished, at the median");
    // the Project Manager's replies took up what was raised: the card says so plainly, with the habit
    expect(out).not.toContain("<h2>Moments to restate</h2>");
    expect(out).toContain("No moments are picked out in a discussion among several people unless Attune is set up with a language model");
    expect(out).toContain("<h2>One habit to try next time</h2>");
    expect(out).toContain("keep it private, and delete it when you no longer need it");
    // nothing to fetch: no script, link, image, frame, url() or @import; the only address is the SVG namespace
    expect(out).not.toMatch(FETCHES);
    expect([...out.matchAll(/https?:\/\/[^\s"'<>]+/g)].map((m) => m[0])).toEqual(["http://www.w3.org/2000/svg"]);
    expect(out).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
  });

  it("without a manager: talk time and the timeline, no indicators and no coaching", async () => {
    const { code, out } = await analyzeHtml([`${fixturesDir}ami/IS1009a.teams.vtt`]);
    expect(code).toBe(0);
    expect(out).toContain("attune-timeline");
    expect(out).not.toContain("How ");
    expect(out).not.toContain("Moments to restate");
    // it quotes nothing, and says so (issue 18, item 8)
    expect(out).not.toContain("It quotes what people said");
    expect(out).toContain("It shows who spoke when and how much, not what was said");
  });

  it("escapes what participants control: their names and what they said", async () => {
    const hostile = "<img src=x onerror=alert(1)> Sam";
    const transcript = JSON.stringify([
      { speaker: "Dana", start: 0, end: 4, text: "Thanks for joining, let's look at the plan." },
      {
        speaker: hostile,
        start: 4.5,
        end: 16,
        text: "Honestly I'm worried that the migration will slip again & I'm the only one on call that weekend.",
      },
      { speaker: "Dana", start: 16.2, end: 22, text: "Okay, let's move on to the budget, we have a lot to cover." },
    ]);
    const { code, out } = await analyzeHtml(["-", "--manager", "Dana"], transcript);
    expect(code).toBe(0);
    expect(out).toContain('<td class="name">&lt;img src=x onerror=alert(1)&gt; Sam</td>');
    expect(out).toContain('<text class="tl-label" x="8" y="55">&lt;img src=x onerror=alert(1)&gt; Sam</text>');
    expect(out).toContain("<blockquote>“Honestly I&#39;m worried that the migration will slip again &amp; I&#39;m the only one");
    // the worry went without a response: the page shows the moment and what to say
    expect(out).toContain("<h2>Moments to restate</h2>");
    expect(out).toMatch(/You could have said: “(It sounds like|So you)/);
    expect(out).not.toMatch(FETCHES);
  });

  it("says what is wrong on one line for a bad transcript", async () => {
    const { code, err, out } = await analyzeHtml([`${fixturesDir}teams/download-style.vtt`, "--manager", "nobody at all"]);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err.trim().split("\n")).toHaveLength(1);
  });
});
