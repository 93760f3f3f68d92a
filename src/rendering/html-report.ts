import { clock } from "../format/durations.js";
import { coachingSection, indicatorList, talkTable } from "./html-sections.js";
import { HTML_REPORT_CSS } from "./html-report-style.js";
import { escapeXml as esc } from "./markup.js";
import { observations } from "./observations.js";
import type { ReportInput } from "./report-input.js";
import { timelineSvg } from "./timeline-svg.js";

/**
 * The listening report as one self-contained HTML file (`attune analyze FILE --format html`): talk time, the
 * meeting timeline (inline SVG), the manager's indicators, what stands out and, with coaching, the moments to
 * restate. No script, no font, no image or link to fetch: the page makes no request, so a manager can keep
 * it, open it offline or print it. Everything from the transcript is escaped. Pure.
 */
export function htmlReport(input: ReportInput): string {
  const { analysis: a, coaching } = input;
  const title = `Attune listening report: ${input.source}`;
  const people = a.speakers.length;
  const meta = [
    `${clock(a.durationMs)} long`,
    people > 0 ? `${people} ${people === 1 ? "person" : "people"}` : "speakers unknown",
    `${input.cueCount} cues (${input.format})`,
  ];
  const sections: string[] = [
    `<header><h1>${esc(title)}</h1><p class="meta">${esc(meta.join(" · "))}</p>`,
    `<p class="private">${coaching ? `Coaching for ${esc(coaching.manager)}, and only for them. It quotes what people said in the meeting: keep it private, and delete it when you no longer need it.` : "It shows who spoke when and how much, not what was said; it still names the people in the meeting, so keep it private."} Coaching is never a score for HR.</p></header>`,
    `<section aria-labelledby="talk"><h2 id="talk">Talk time</h2>${talkTable(a)}</section>`,
  ];
  if (input.utterances && input.utterances.length > 0)
    sections.push(
      `<section aria-labelledby="when"><h2 id="when">Who spoke when</h2><div class="timeline">${timelineSvg({ utterances: input.utterances, analysis: a, coaching: coaching ?? null })}</div></section>`,
    );
  if (a.manager)
    sections.push(
      `<section aria-labelledby="how"><h2 id="how">How ${esc(a.manager.name)} listened</h2>${indicatorList(a.manager, a)}</section>`,
    );
  const notes = observations(a);
  if (notes.length > 0)
    sections.push(
      `<section aria-labelledby="stands-out"><h2 id="stands-out">What stands out</h2><ul class="observations">${notes.map((n) => `<li>${esc(n)}</li>`).join("")}</ul></section>`,
    );
  if (coaching) sections.push(`<section>${coachingSection(coaching, a)}</section>`);
  sections.push(
    `<p class="footer">Made by Attune from the transcript's text and timings (no audio). Definitions and thresholds: docs/metrics.md; monologue ${clock(a.thresholds.monologueMs)}, ${coaching ? `coach: ${coaching.source === "llm" ? "the prompt set with a language model" : "Attune's built-in rules"}` : "no coaching asked for"}.</p>`,
  );
  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="referrer" content="no-referrer">',
    `<title>${esc(title)}</title>`,
    `<style>${HTML_REPORT_CSS}</style>`,
    "</head>",
    `<body><main>${sections.join("\n")}</main></body>`,
    "</html>",
    "",
  ].join("\n");
}
