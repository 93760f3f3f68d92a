import { coachingCardModel, moreMoments, type CoachingCardInput, type MomentView } from "./coaching-card-model.js";

/**
 * The coaching card as plain text, for clients that cannot render cards and for previews: the same content
 * (the top three moments, or all of them with `showAll`), no markup. Pure.
 */
export function coachingCardText(input: CoachingCardInput): string {
  const model = coachingCardModel(input);
  const { top, rest, total } = model.moments;
  const shown = input.showAll ? [...top, ...rest] : top;
  const lines: string[] = [model.headline, model.title, [model.date ? utc(model.date) : null, model.facts].filter(Boolean).join(" · "), ""];

  lines.push(model.talk.heading);
  const width = Math.max(0, ...model.talk.rows.map((r) => r.name.length));
  for (const r of model.talk.rows) lines.push(`  ${r.name.padEnd(width)}  ${r.share.padStart(4)}`);
  if (model.talk.more) lines.push(`  ${model.talk.more}`);
  if (model.talk.note) lines.push(`  ${model.talk.note}`);

  if (model.indicators.length > 0) {
    lines.push("", "How you listened");
    for (const i of model.indicators) lines.push(`  ${i.label}: ${i.value}`);
  }

  lines.push("", total === 1 ? "A moment to restate" : "Moments to restate");
  if (model.moments.empty) lines.push(`  ${model.moments.empty}`);
  for (const [i, m] of shown.entries()) lines.push(...moment(m, i + 1));
  if (total > shown.length) lines.push(`  ${moreMoments(total - shown.length)}`);

  if (model.kept.length > 0) {
    lines.push("", "Keep doing. Here you said back what you heard:");
    for (const k of model.kept) lines.push(`  “${k.quote}” (${k.context})`);
  }
  lines.push("", "One habit to try next time", `  ${model.habit}`, "", model.privacy, model.coach);
  return lines.join("\n");
}

function moment(m: MomentView, n: number): string[] {
  return [`  ${n}. ${m.lead}: “${m.quote}”`, `     ${m.whatHappened}`, `     You could have said: “${m.suggestion}”`];
}

/** `2026-03-14 10:00 UTC`: the text cannot show the reader's own time zone the way the card does. */
function utc(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
