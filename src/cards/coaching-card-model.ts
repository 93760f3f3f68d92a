import type { Coaching, CoachingMoment, MomentKind } from "../coaching/schema.js";
import type { Analysis, ManagerMetrics } from "../metrics/schema.js";
import { praiseOnCard } from "../coaching/keep-doing.js";
import { clock } from "../format/durations.js";
import { percent } from "../format/percent.js";
import { responseGapText } from "../format/response-gap.js";
import { shareAgainstRange } from "../format/share-range.js";
import { noMoments } from "../rendering/no-moments.js";
import { safeText } from "./safe-text.js";

export interface CoachingCardInput {
  /** The meeting's title (untrusted: anyone can name a meeting). */
  title: string;
  /** ISO date-time of the meeting, or null when unknown. */
  date: string | null;
  analysis: Analysis;
  coaching: Coaching;
  /** Stored meeting id, for the card's buttons; without it the card has no bot buttons. */
  meetingId?: string;
  /** Every moment inline, instead of the top three with the rest behind a button. */
  showAll?: boolean;
}

/** Longest rendered length of each untrusted string. */
export const CAPS = { title: 120, name: 60, quote: 280, whatHappened: 240, suggestion: 300, kept: 280, habit: 300 } as const;
/** Moments shown first; the rest sit behind "Show all". */
export const TOP_MOMENTS = 3;
/** The most moments one card carries, inline or hidden; more are counted ("and N more"). */
export const MAX_MOMENTS = 15;
export const MAX_KEPT = 2;
export const MAX_SPEAKER_ROWS = 15;
const MAX_QUIET_NAMES = 4;

export interface SpeakerRow {
  /** The display name, `You · ` first for the manager (so the manager always finds themselves first). */
  name: string;
  /** The name as a chart labels it: `You` for the manager, else the display name. */
  label: string;
  share: string;
  /** The share as a fraction, for the chart. */
  fraction: number;
  isManager: boolean;
}

export interface Indicator {
  label: string;
  value: string;
}

export interface MomentView {
  /** `0:34 · Lee, Jordan raised a worry` */
  lead: string;
  quote: string;
  whatHappened: string;
  suggestion: string;
  /** The other person's utterance the moment is about (for "Practise this"). */
  utteranceId: string;
}

/** What the coaching card says, worked out once for the card and its plain-text twin. Strings are safe to render. */
export interface CoachingCardModel {
  title: string;
  /** ISO date-time to the second in UTC (`2026-03-14T10:00:00Z`), or null. */
  date: string | null;
  facts: string;
  /** `oneOnOne`: two people, so the chart is a donut of the whole; otherwise one bar per person. */
  talk: { heading: string; rows: SpeakerRow[]; oneOnOne: boolean; more: string | null; note: string | null };
  /** The manager's indicators; empty without a manager. */
  indicators: Indicator[];
  moments: { total: number; top: MomentView[]; rest: MomentView[]; empty: string | null };
  kept: { quote: string; context: string }[];
  habit: string;
  coach: string;
  privacy: string;
  headline: string;
}

/** "Only you can see this card" is also how the bot's and the playground's tests recognise a coaching card. */
export const PRIVACY_NOTE = "Only you can see this card. It is coaching for you, not a score for HR.";

export function coachingCardModel(input: CoachingCardInput): CoachingCardModel {
  const { analysis: a, coaching: c } = input;
  const people = a.speakers.length;
  const moments = c.moments.slice(0, MAX_MOMENTS).map(momentView);
  const date = isoSeconds(input.date);
  return {
    headline: "Attune · your private listening coach",
    title: safeText(input.title, CAPS.title) || "Your meeting",
    date,
    facts: [`${clock(a.durationMs)} long`, people > 0 ? `${people} ${people === 1 ? "person" : "people"}` : null]
      .filter(Boolean)
      .join(" · "),
    talk: talk(a),
    indicators: a.manager ? indicators(a.manager, a) : [],
    moments: {
      total: c.moments.length,
      top: moments.slice(0, TOP_MOMENTS),
      rest: moments.slice(TOP_MOMENTS),
      empty: c.moments.length > 0 ? null : noMoments(c, a),
    },
    kept: praiseOnCard(c, a)
      .slice(0, MAX_KEPT)
      .map((k) => ({ quote: safeText(k.quote, CAPS.kept), context: `to ${safeText(k.of, CAPS.name)} at ${clock(k.atMs)}` })),
    habit: safeText(c.habit, CAPS.habit),
    coach: coachLine(c),
    privacy: PRIVACY_NOTE,
  };
}

/** `N more moments` wording shared by the card and the text. */
export function moreMoments(n: number): string {
  return `and ${n} more moment${n === 1 ? "" : "s"}, not shown here`;
}

function talk(a: Analysis): CoachingCardModel["talk"] {
  const fair = a.fairShare !== null && a.speakers.length > 2 ? ` (a fair share is ${percent(a.fairShare)} each)` : "";
  const heading = `Talk time${fair}`;
  if (a.speakers.length === 0) {
    return {
      heading,
      rows: [],
      oneOnOne: false,
      more: null,
      note: "Speakers are unknown for this meeting (speaker attribution was off), so talk time by person cannot be shown.",
    };
  }
  const rows = a.speakers.slice(0, MAX_SPEAKER_ROWS).map((s) => {
    const isManager = a.manager?.name === s.name;
    const name = safeText(s.name, CAPS.name);
    return {
      name: isManager ? `You · ${name}` : name,
      label: isManager ? "You" : name,
      share: percent(s.share),
      fraction: s.share,
      isManager,
    };
  });
  const others = a.speakers.slice(MAX_SPEAKER_ROWS);
  const more =
    others.length > 0 ? `and ${others.length} more, ${percent(others.reduce((sum, s) => sum + s.share, 0))} of the talk together` : null;
  const note = a.speakersKnown ? null : `Part of the speech (${clock(a.unattributedMs)}) has no speaker name; the figures cover the rest.`;
  return { heading, rows, oneOnOne: a.speakers.length === 2, more, note };
}

function indicators(m: ManagerMetrics, a: Analysis): Indicator[] {
  const shown = shareAgainstRange(m.share, m.expectedShare);
  const reference = m.oneOnOne
    ? `the ${shown.range} that suits a one-on-one`
    : `${shown.range}, around a fair share of ${percent(m.fairShare)}`;
  const rows: Indicator[] = [
    { label: "Your share of the talk", value: `${shown.share}, ${m.shareVerdict} ${reference}` },
    {
      label: "Questions you asked",
      value:
        m.questions === 0
          ? "none"
          : `${m.questions}, ${m.openQuestions === 0 ? "none" : m.openQuestions} of them open (what, how, tell me…)`,
    },
    { label: "Talked over someone", value: m.interruptionsMade === 0 ? "never" : `${times(m.interruptionsMade)} (the aim is never)` },
    { label: "Pause before replying", value: gap(m.medianResponseGapMs) },
    {
      label: "Longest stretch talking",
      value: `${clock(m.longestMonologueMs)}${m.monologues > 0 ? `, ${times(m.monologues)} over ${clock(a.thresholds.monologueMs)}` : ""} (aim: under ${clock(a.thresholds.monologueMs)})`,
    },
  ];
  if (!m.oneOnOne || m.quietPeople.length > 0) {
    const names = m.quietPeople.slice(0, MAX_QUIET_NAMES).map((p) => `${safeText(p.name, CAPS.name)} (${percent(p.share)})`);
    const extra = m.quietPeople.length - names.length;
    if (extra > 0) names.push(`${extra} more`);
    rows.push({
      label: "Barely spoke",
      value: names.length === 0 ? "nobody" : `${names.join(", ")}: an open question could bring them in`,
    });
  }
  return rows;
}

function gap(ms: number | null): string {
  if (ms === null) return "too few replies to tell";
  if (ms < 0) return `you usually came in ${responseGapText(ms)} (about 1 s after is usual on video calls)`;
  return `${responseGapText(ms)}, at the median (about 1 s after is usual on video calls)`;
}

function times(n: number): string {
  return n === 1 ? "once" : `${n} times`;
}

const KIND: Record<MomentKind, string> = {
  "missed-concern": "raised something of their own",
  "missed-question": "asked a question",
  "missed-long-turn": "made a longer point",
  interrupted: "was talked over",
  "quick-reply": "got a very quick reply",
  "not-picked-up": "spoke up, and nobody took it up",
};

function momentView(m: CoachingMoment): MomentView {
  return {
    lead: `${clock(m.atMs)} · ${safeText(m.speaker, CAPS.name)} ${KIND[m.kind]}`,
    quote: safeText(m.quote, CAPS.quote),
    whatHappened: safeText(m.whatHappened, CAPS.whatHappened),
    suggestion: safeText(m.suggestion, CAPS.suggestion),
    utteranceId: m.utteranceId,
  };
}

function coachLine(c: Coaching): string {
  if (c.source === "llm") return "Coach: a language model with Attune's prompts, its quotes checked against the transcript.";
  const fallback = c.fallbackReason ? " The language model could not be used this time." : "";
  return `Coach: Attune's built-in rules (no language model).${fallback}`;
}

/** `2026-03-14T10:00:00Z`: the form Adaptive Cards' DATE() and TIME() accept (no fraction of a second). */
function isoSeconds(date: string | null): string | null {
  if (!date) return null;
  const d = new Date(date);
  if (Number.isNaN(d.getTime())) return null;
  const iso = d.toISOString().replace(/\.\d{3}Z$/, "Z");
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(iso) ? iso : null;
}
