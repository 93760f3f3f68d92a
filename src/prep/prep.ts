import { praiseOnCard } from "../coaching/keep-doing.js";
import type { MomentKind } from "../coaching/schema.js";
import { foldForQuote } from "../llm/untrusted-text.js";
import type { Utterance } from "../transcript/schema.js";
import { direction, halves, type Direction } from "../trend/direction.js";
import type { CoachedMeeting } from "../trend/listening-trend.js";
import { percent } from "../format/percent.js";
import { shareAgainstRange } from "../format/share-range.js";
import { genericQuestions, questionFor, shortName } from "./wording.js";

/**
 * Preparation for a manager's next one-on-one with a person, from the stored meetings they shared: the
 * person's share of talk and its trend, what they raised that was not picked up (from the coaching moments),
 * what the manager did well with them, open questions to ask, and a reminder of the manager's own habit.
 * The heuristic here is pure; llm-prep.ts may replace the questions and the reminder.
 */

/** A meeting the manager led and the person was in, as prep reads it. */
export interface SharedMeeting extends CoachedMeeting {
  /** The person's own utterances, while the transcript is retained; null after the purge. */
  theirUtterances: Utterance[] | null;
}

export interface PrepPerson {
  /** The stored display name. */
  name: string;
  /** Every name the person goes by in transcripts: the display name and aliases. */
  names: readonly string[];
}

export interface PrepInput {
  /** The manager's display name. */
  manager: string;
  person: PrepPerson;
  /** Oldest first. */
  meetings: readonly SharedMeeting[];
}

export interface PrepMeeting {
  meetingId: string;
  title: string;
  at: Date;
  oneOnOne: boolean;
  /** The person's share of talk; null when they did not speak (or their figures were forgotten). */
  personShare: number | null;
  managerShare: number | null;
  fairShare: number | null;
  expectedShare: [number, number] | null;
}

/** Something the person said that the manager could have shown they heard, and did not. */
export interface RaisedItem {
  meetingId: string;
  title: string;
  at: Date;
  utteranceId: string;
  kind: MomentKind;
  /** Verbatim from the stored coaching moment. */
  quote: string;
  whatHappened: string;
}

/** A restatement the manager made of what the person said. */
export interface WentWell {
  meetingId: string;
  title: string;
  at: Date;
  /** The manager's own words. */
  quote: string;
  /** What the person had said, while the transcript is retained. */
  theirWords: string | null;
}

export interface PrepQuestion {
  question: string;
  /** The person's words the question builds on; null for a general opener. */
  quote: string | null;
  meetingId: string | null;
  at: Date | null;
}

export type ShareDirection = "rising" | "steady" | "falling" | "not-enough-meetings";

/** The figures behind the habit reminder. */
export interface HabitFigures {
  /** How many meetings the figures cover (the latest up to three). */
  meetings: number;
  oneOnOne: boolean;
  /** The manager's mean share of talk over them, and the range it is judged against. */
  managerShare: number;
  expectedShare: [number, number];
  /** The person's mean share over them. */
  personShare: number | null;
  /** Times the manager came in before the person had finished, over the same meetings. */
  interruptions: number;
}

export interface Prep {
  source: "heuristic" | "llm";
  /** Set when a model was configured but its answer could not be used, so the heuristic prepared this. */
  fallbackReason: string | null;
  manager: string;
  person: string;
  /** How the person is addressed: "Jordan". */
  firstName: string;
  meetings: PrepMeeting[];
  share: { values: (number | null)[]; earlier: number | null; recent: number | null; direction: ShareDirection };
  raised: RaisedItem[];
  wentWell: WentWell[];
  questions: PrepQuestion[];
  reminder: string;
  habit: HabitFigures | null;
  /** Model answers dropped by the guard (questions with quotes not in stored meetings, invented figures). */
  dropped: number;
  tokens: { prompt: number; completion: number; requests: number };
}

export const PREP_LIMITS = { raised: 6, wentWell: 3, questions: 3, habitMeetings: 3 } as const;

/** The person's share moving by less than this (5 percentage points) is steady. */
export const PERSON_SHARE_BAND = 0.05;

const KIND_ORDER: readonly MomentKind[] = [
  "missed-concern",
  "missed-question",
  "not-picked-up",
  "interrupted",
  "missed-long-turn",
  "quick-reply",
];

const SHARE_DIRECTION: Record<Direction, ShareDirection> = {
  improving: "rising",
  steady: "steady",
  slipping: "falling",
  "not-enough-meetings": "not-enough-meetings",
};

export function heuristicPrep(input: PrepInput): Prep {
  const names = new Set(input.person.names);
  const firstName = shortName(input.person.name);
  const meetings = input.meetings.map((s) => prepMeeting(s, names));
  const values = meetings.map((m) => m.personShare);
  const { earlier, recent } = halves(values);
  const share = { values, earlier, recent, direction: SHARE_DIRECTION[direction(values, PERSON_SHARE_BAND).direction] };
  const raised = raisedItems(input.meetings, names);
  const latestId = input.meetings[input.meetings.length - 1]?.meetingId;
  const questions: PrepQuestion[] = raised
    .flatMap((r) => {
      const group = meetings.find((m) => m.meetingId === r.meetingId)?.oneOnOne === false;
      const question = questionFor(r.kind, r.quote, r.at, r.meetingId === latestId, input.person.name, group);
      return question ? [{ question, quote: r.quote, meetingId: r.meetingId, at: r.at }] : [];
    })
    .slice(0, PREP_LIMITS.questions);
  const habit = habitFigures(input.meetings, names);
  // Quiet: under half the talk in their one-on-ones, or under 15% in group meetings (the AMI median of the quietest person).
  const quiet = habit !== null && habit.personShare !== null && habit.personShare < (habit.oneOnOne ? 0.5 : 0.15);
  for (const q of genericQuestions(firstName, quiet)) {
    if (questions.length >= 2) break;
    questions.push({ question: q, quote: null, meetingId: null, at: null });
  }
  return {
    source: "heuristic",
    fallbackReason: null,
    manager: input.manager,
    person: input.person.name,
    firstName,
    meetings,
    share,
    raised,
    wentWell: wentWell(input.meetings, names),
    questions,
    reminder: reminderText(habit, firstName),
    habit,
    dropped: 0,
    tokens: { prompt: 0, completion: 0, requests: 0 },
  };
}

function prepMeeting(s: SharedMeeting, names: ReadonlySet<string>): PrepMeeting {
  const m = s.analysis.manager;
  const person = s.analysis.speakers.filter((sp) => names.has(sp.name));
  return {
    meetingId: s.meetingId,
    title: s.title,
    at: s.at,
    oneOnOne: m?.oneOnOne ?? false,
    personShare: person.length === 0 ? null : person.reduce((sum, p) => sum + p.share, 0),
    managerShare: m?.share ?? null,
    fairShare: m?.fairShare ?? s.analysis.fairShare,
    expectedShare: m ? [m.expectedShare[0], m.expectedShare[1]] : null,
  };
}

/** The person's moments from every shared meeting, concerns and questions first, newest first within a kind. */
function raisedItems(meetings: readonly SharedMeeting[], names: ReadonlySet<string>): RaisedItem[] {
  const items: RaisedItem[] = [];
  for (const s of meetings) {
    if (!s.coaching) continue;
    const restated = new Set(s.coaching.kept.map((k) => k.ofUtteranceId));
    for (const m of s.coaching.moments) {
      if (!names.has(m.speaker) || restated.has(m.utteranceId)) continue;
      items.push({
        meetingId: s.meetingId,
        title: s.title,
        at: s.at,
        utteranceId: m.utteranceId,
        kind: m.kind,
        quote: m.quote,
        whatHappened: m.whatHappened,
      });
    }
  }
  const seen = new Set<string>();
  return items
    .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || b.at.getTime() - a.at.getTime())
    .filter((item) => {
      const key = foldForQuote(item.quote).toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, PREP_LIMITS.raised);
}

function wentWell(meetings: readonly SharedMeeting[], names: ReadonlySet<string>): WentWell[] {
  const out: WentWell[] = [];
  for (const s of [...meetings].reverse()) {
    for (const k of s.coaching ? praiseOnCard(s.coaching, s.analysis) : []) {
      if (!names.has(k.of)) continue;
      const theirs = s.theirUtterances?.find((u) => u.id === k.ofUtteranceId)?.text ?? null;
      out.push({ meetingId: s.meetingId, title: s.title, at: s.at, quote: k.quote, theirWords: theirs });
    }
  }
  return out.slice(0, PREP_LIMITS.wentWell);
}

/** The manager's share over the latest one-on-ones with the person (up to three), else the latest shared meetings. */
export function habitFigures(meetings: readonly SharedMeeting[], names: ReadonlySet<string>): HabitFigures | null {
  const withFigures = meetings.filter((s) => s.analysis.manager !== null);
  const oneOnOnes = withFigures.filter((s) => s.analysis.manager!.oneOnOne);
  const oneOnOne = oneOnOnes.length > 0;
  const chosen = (oneOnOne ? oneOnOnes : withFigures).slice(-PREP_LIMITS.habitMeetings);
  const latest = chosen[chosen.length - 1];
  if (!latest) return null;
  const avg = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const personShares = chosen.flatMap((s) => {
    const mine = s.analysis.speakers.filter((sp) => names.has(sp.name));
    return mine.length === 0 ? [] : [mine.reduce((sum, p) => sum + p.share, 0)];
  });
  const interruptions = chosen.reduce(
    (n, s) => n + s.analysis.interruptions.filter((i) => i.by === s.analysis.manager!.name && names.has(i.of)).length,
    0,
  );
  const range = latest.analysis.manager!.expectedShare;
  return {
    meetings: chosen.length,
    oneOnOne,
    managerShare: avg(chosen.map((s) => s.analysis.manager!.share)),
    expectedShare: oneOnOne
      ? [range[0], range[1]]
      : [avg(chosen.map((s) => s.analysis.manager!.expectedShare[0])), avg(chosen.map((s) => s.analysis.manager!.expectedShare[1]))],
    personShare: personShares.length === 0 ? null : avg(personShares),
    interruptions,
  };
}

const NUMBER_WORDS = ["", "", "two", "three"];

/** "You talked 77% in your last meeting with Jordan (a one-on-one: aim for 20–40%)…". */
export function reminderText(h: HabitFigures | null, firstName: string): string {
  if (!h) return `Let ${firstName} talk first, and say back what you heard before you answer.`;
  const where =
    h.meetings === 1
      ? `in your last ${h.oneOnOne ? "one-on-one" : "meeting"} with ${firstName}`
      : `on average in your last ${NUMBER_WORDS[h.meetings] ?? h.meetings} ${h.oneOnOne ? "one-on-ones" : "meetings"} with ${firstName}`;
  const { share, range } = shareAgainstRange(h.managerShare, h.expectedShare);
  const parts = [`You talked ${share} ${where}`];
  if (h.managerShare > h.expectedShare[1]) parts.push(`; aim for ${range} and let ${firstName} do most of the talking.`);
  else if (h.managerShare < h.expectedShare[0])
    parts.push(`, below ${range}: share your own view too, once ${firstName} has had their say.`);
  else parts.push(`, within ${range}: keep leaving ${firstName} room to talk.`);
  if (!h.oneOnOne && h.personShare !== null) parts.push(` ${firstName} talked ${percent(h.personShare)}.`);
  if (h.interruptions > 0)
    parts.push(
      ` You came in before ${firstName} had finished ${h.interruptions === 1 ? "once" : `${h.interruptions} times`}: let them finish, then start with what you heard.`,
    );
  return parts.join("");
}
