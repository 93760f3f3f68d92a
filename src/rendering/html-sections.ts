import type { Coaching } from "../coaching/schema.js";
import { praiseOnCard } from "../coaching/keep-doing.js";
import { clock } from "../format/durations.js";
import { percent } from "../format/percent.js";
import { responseGapText } from "../format/response-gap.js";
import { shareAgainstRange } from "../format/share-range.js";
import type { Analysis, ManagerMetrics } from "../metrics/schema.js";
import { escapeXml as esc, plainName } from "./markup.js";
import { noMoments } from "./no-moments.js";
import { KIND_LABEL } from "./prep-format.js";

/** The HTML report's sections, each a string of escaped HTML. Pure. */

export function talkTable(a: Analysis): string {
  if (a.speakers.length === 0)
    return `<p>Speakers are unknown for this meeting (speaker attribution was off), so talk time by person cannot be shown.</p>`;
  const manager = a.manager?.name ?? null;
  const rows = a.speakers.map((s) => {
    const you = s.name === manager;
    const name = `${you ? "You · " : ""}${esc(plainName(s.name))}`;
    return `<tr${you ? ' class="you"' : ""}><td class="name">${name}</td><td class="num">${percent(s.share)}</td><td class="num">${clock(s.talkMs)}</td><td aria-hidden="true"><div class="bar"><span style="width:${(s.share * 100).toFixed(1)}%"></span></div></td></tr>`;
  });
  const fair = a.fairShare === null ? "" : `<p class="note">A fair share is ${percent(a.fairShare)} each.</p>`;
  return `<table><thead><tr><th>Speaker</th><th class="num">Share</th><th class="num">Talk</th><th><span class="visually-hidden">Bar</span></th></tr></thead><tbody>${rows.join("")}</tbody></table>${fair}`;
}

export function indicatorList(m: ManagerMetrics, a: Analysis): string {
  const shown = shareAgainstRange(m.share, m.expectedShare);
  const reference = m.oneOnOne
    ? `the ${shown.range} that suits a one-on-one`
    : `${shown.range}, around a fair share of ${percent(m.fairShare)}`;
  const gap =
    m.medianResponseGapMs === null
      ? "too few replies to tell"
      : `${responseGapText(m.medianResponseGapMs)}, at the median (about 1 s after is usual on video calls)`;
  const rows: [string, string][] = [
    ["Share of the talk", `${shown.share}, ${m.shareVerdict} ${reference}`],
    ["Questions asked", m.questions === 0 ? "none" : `${m.questions}, ${m.openQuestions} of them open (what, how, tell me…)`],
    [
      "Talked over someone",
      m.interruptionsMade === 0 ? "never" : `${m.interruptionsMade === 1 ? "once" : `${m.interruptionsMade} times`} (the aim is never)`,
    ],
    ["Pause before replying", gap],
    ["Longest stretch talking", `${clock(m.longestMonologueMs)} (aim: under ${clock(a.thresholds.monologueMs)})`],
  ];
  if (!m.oneOnOne)
    rows.push([
      "Barely spoke",
      m.quietPeople.length === 0 ? "nobody" : m.quietPeople.map((p) => `${plainName(p.name)} (${percent(p.share)})`).join(", "),
    ]);
  return `<dl>${rows.map(([t, v]) => `<dt>${esc(t)}</dt><dd>${esc(v)}</dd>`).join("")}</dl>`;
}

export function coachingSection(c: Coaching, a: Pick<Analysis, "speakersKnown" | "manager">): string {
  const parts: string[] = [];
  if (c.moments.length === 0 || (c.language && !c.language.coached)) parts.push(`<p>${esc(noMoments(c, a))}</p>`);
  else {
    const items = c.moments.map(
      (m) =>
        `<li><div class="lead">${clock(m.atMs)} · ${esc(plainName(m.speaker))} · ${esc(KIND_LABEL[m.kind])}</div><blockquote>“${esc(m.quote)}”</blockquote><div>${esc(m.whatHappened)}</div><div class="try">You could have said: “${esc(m.suggestion)}”</div></li>`,
    );
    parts.push(`<h2>Moments to restate</h2><ol class="moments">${items.join("")}</ol>`);
  }
  const kept = praiseOnCard(c, a);
  if (kept.length > 0)
    parts.push(
      `<h2>Keep doing</h2><p>Here you said back what you heard:</p><ul>${kept.map((k) => `<li>${clock(k.atMs)} to ${esc(plainName(k.of))}: “${esc(k.quote)}”</li>`).join("")}</ul>`,
    );
  parts.push(`<h2>One habit to try next time</h2><p class="habit">${esc(c.habit)}</p>`);
  return parts.join("");
}
