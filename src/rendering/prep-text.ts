import { padEnd } from "../format/columns.js";
import { isoDate } from "../format/dates.js";
import { percent } from "../format/percent.js";
import type { Prep, PrepMeeting } from "../prep/prep.js";
import { KIND_LABEL, shareSparkline, shareSummary, sourceText, span } from "./prep-format.js";

function meetingLine(m: PrepMeeting): string {
  const title = m.title.length > 32 ? `${m.title.slice(0, 31)}…` : padEnd(m.title, 32);
  const theirs =
    m.personShare === null ? "did not speak" : `${percent(m.personShare)}${m.oneOnOne ? "" : ` (fair ${percent(m.fairShare ?? 0)})`}`;
  return `${isoDate(m.at)}  ${title}  ${padEnd(m.oneOnOne ? "1:1" : "group", 5)}  ${padEnd(theirs, 16)}  you ${m.managerShare === null ? "n/a" : percent(m.managerShare)}`;
}

/** One-on-one prep for a terminal. */
export function prepText(prep: Prep): string {
  const who = prep.firstName;
  const lines = [`Attune one-on-one prep: ${prep.manager} with ${prep.person}`, `From ${span(prep)}; ${sourceText(prep)}`, ""];
  lines.push(`${who}'s share of talk  ${shareSparkline(prep)}  ${shareSummary(prep)}`);
  for (const m of prep.meetings) lines.push(`  ${meetingLine(m)}`);
  lines.push("", "Raised and not picked up");
  if (prep.raised.length === 0) lines.push("  nothing in the stored coaching moments");
  for (const r of prep.raised) {
    lines.push(`  ${isoDate(r.at)}  ${KIND_LABEL[r.kind]}: “${r.quote}”`);
    lines.push(`              ${r.whatHappened}`);
  }
  lines.push("", `What you did well with ${who}`);
  if (prep.wentWell.length === 0) lines.push(`  no restatement of ${who}'s words stored yet`);
  for (const w of prep.wentWell) lines.push(`  ${isoDate(w.at)}  you said back: “${w.quote}”`);
  lines.push("", "Questions to ask");
  for (const [i, q] of prep.questions.entries()) lines.push(`  ${i + 1}. ${q.question}`);
  lines.push("", `Your habit with ${who}`, `  ${prep.reminder}`);
  return lines.join("\n");
}

/** One-on-one prep as Markdown. */
export function prepMarkdown(prep: Prep): string {
  const cell = (text: string) => text.replace(/\|/g, "\\|");
  const who = cell(prep.firstName);
  const out = [`# One-on-one prep: ${cell(prep.manager)} with ${cell(prep.person)}`, "", `From ${span(prep)}; ${sourceText(prep)}.`, ""];
  out.push(`## ${who}'s share of talk`, "", `\`${shareSparkline(prep)}\` ${shareSummary(prep)}`, "");
  out.push("| Date | Meeting | Kind | Their share | Your share |", "|---|---|---|---:|---:|");
  for (const m of prep.meetings) {
    out.push(
      `| ${isoDate(m.at)} | ${cell(m.title)} | ${m.oneOnOne ? "1:1" : "group"} | ${m.personShare === null ? "–" : percent(m.personShare)} | ${m.managerShare === null ? "–" : percent(m.managerShare)} |`,
    );
  }
  out.push("", "## Raised and not picked up", "");
  if (prep.raised.length === 0) out.push("Nothing in the stored coaching moments.");
  for (const r of prep.raised) out.push(`- ${isoDate(r.at)}, ${KIND_LABEL[r.kind]}: “${cell(r.quote)}” ${cell(r.whatHappened)}`);
  out.push("", `## What you did well with ${who}`, "");
  if (prep.wentWell.length === 0) out.push(`No restatement of ${who}'s words stored yet.`);
  for (const w of prep.wentWell) out.push(`- ${isoDate(w.at)}: you said back “${cell(w.quote)}”`);
  out.push("", "## Questions to ask", "");
  for (const [i, q] of prep.questions.entries()) out.push(`${i + 1}. ${cell(q.question)}`);
  out.push("", `## Your habit with ${who}`, "", cell(prep.reminder));
  return out.join("\n");
}
