import { countOf } from "../format/count.js";
import type { Coaching } from "../coaching/schema.js";
import { praiseOnCard } from "../coaching/keep-doing.js";
import { clock } from "../format/durations.js";
import { percent } from "../format/percent.js";
import type { Analysis } from "../metrics/schema.js";
import { noMoments } from "./no-moments.js";

/** The coaching part of the text and markdown reports, as lines; `md` adds Markdown emphasis. */
export function coachingLines(c: Coaching, a: Pick<Analysis, "speakersKnown" | "manager">, md: boolean): string[] {
  const q = (text: string) => `“${text}”`;
  const h = (text: string) => (md ? `## ${text}` : text);
  const out: string[] = [];
  out.push(h(`Coaching for ${c.manager} (private to them; ${c.source === "llm" ? "prompt-set coach" : "heuristic coach"})`));
  if (c.fallbackReason) out.push(`${md ? "> " : "  "}Note: ${c.fallbackReason}.`);
  if (md) out.push("");
  if (c.moments.length === 0 || (c.language && !c.language.coached)) out.push(`${md ? "" : "  "}${noMoments(c, a)}`);
  c.moments.forEach((m, i) => {
    const lead = md ? `${i + 1}.` : `  ${i + 1}.`;
    const pad = md ? "   " : "     ";
    out.push(`${lead} ${clock(m.atMs)} ${m.speaker}: ${q(m.quote)}`);
    out.push(`${pad}What happened: ${m.whatHappened}`);
    out.push(`${pad}Try saying: ${q(m.suggestion)}`);
  });
  const kept = praiseOnCard(c, a);
  if (kept.length > 0) {
    out.push(md ? "" : "", md ? "**Keep doing:** you said back what you heard" : "  Keep doing: you said back what you heard");
    for (const k of kept.slice(0, 3)) out.push(`${md ? "- " : "  - "}${clock(k.atMs)} ${q(k.quote)}`);
  }
  out.push(md ? "" : "", `${md ? "**Habit to try next time:** " : "  Habit to try next time: "}${c.habit}`);
  const share = c.tokens.transcript > 0 ? ` (${percent(c.tokens.prompt / c.tokens.transcript)})` : "";
  out.push(
    md ? "" : "",
    `${md ? "_" : "  "}Coach: ${c.source}; ${countOf(c.candidates, "candidate moment")}, ${countOf(c.dropped, "model answer")} dropped by the checks${c.drops?.length ? ` (${c.drops.map((d) => `${d.reason}: ${d.count}`).join("; ")})` : ""}; prompt tokens ${c.tokens.prompt}${share} of the transcript's ${c.tokens.transcript}, ${c.tokens.requests} requests${md ? "_" : ""}`,
  );
  return out;
}
