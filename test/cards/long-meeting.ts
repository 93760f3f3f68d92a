import type { Utterance } from "../../src/transcript/schema.js";

/** Twelve people with long-ish display names, the first of them the manager. */
export const LONG_MEETING_PEOPLE = [
  "Maximiliana Featherstonehaugh-Okonkwo (Engineering Manager)",
  "Bartholomew Vanderstraeten-Nakamura (Platform)",
  "Anneliese Oyelaran-Castellanos (Data Engineering)",
  "Thelonious Abernathy-Gunawardena (Site Reliability)",
  "Wilhelmina Papadopoulou-Lindqvist (Security)",
  "Leopoldine Achterberg-Mwangi (Product Design)",
  "Konstantinos Ravindranathan (Mobile)",
  "Guadalupe Szczepańska-Whitfield (QA)",
  "Oluwaseun Kristiansen-Delacroix (Backend)",
  "Sebastienne Marchetti-Oyelowo (Frontend)",
  "Rutherford Ibekwe-Castellano (Support)",
  "Evangelina Thorsdottir-Banerjee (Finance)",
] as const;

export const LONG_MEETING_MANAGER = LONG_MEETING_PEOPLE[0];
export const LONG_MEETING_MS = 2 * 60 * 60 * 1000;

const WORRIES = [
  "I'm worried that the migration of the billing ledger will not finish before the freeze, because every dry run so far has stalled somewhere between the second and the third batch and nobody has had time to find out why",
  "Honestly the on-call load is too much for me right now, I have been paged four nights in a row and I'm falling behind on the roadmap work that I promised the mobile team weeks ago",
  "There is a real risk that the vendor contract lapses while we are still negotiating the data residency clause, and if that happens we lose the European customers and the revenue that comes with them",
  "I'm not sure the new design system is ready for the checkout flow, we found accessibility problems in the colour contrast and the focus order, and fixing them properly will take another sprint at least",
  "I feel stuck on the capacity model, the numbers from finance and the numbers from the dashboards disagree by almost thirty percent and I don't know which of them to trust for the board slides",
];
const QUESTIONS = [
  "Can we talk about who owns the incident review process after the reorganisation, because right now three teams think it is someone else's job and the last two reviews never happened?",
  "How are we supposed to prioritise the security findings against the feature deadlines when both of them are marked as the top priority in the planning document that went out on Monday?",
  "What would it take to get a second person trained on the release tooling, so that a single sick day does not stop the whole release train for a week?",
];
const POINTS = [
  "Let me walk through where we are with the quarterly plan: the platform work is mostly on track, the analytics pipeline slipped by two weeks because of the schema change, and the support backlog is growing again after the pricing announcement, which means we will probably need to rebalance the next sprint across three teams",
  "From the customer interviews we ran last month, the clearest signal is that people do not understand the permissions screen at all, they click around for a minute and then give up and file a ticket, and that accounts for roughly a fifth of all the tickets we receive",
];
const REPLIES = [
  "Okay, let's move on, we have a lot to get through today and I want to leave time for the roadmap at the end.",
  "Right, I think the plan still stands, so let's keep going with the next item on the agenda.",
  "Sure, but the deadline is fixed, so we will have to find a way to make it work somehow.",
  "Fine, noted, can someone take that offline and come back next week with a proposal?",
];

/** A deterministic 2-hour meeting: the eleven others take long turns (worries, questions, long points) and the manager answers fast, without restating. */
export function longMeeting(seed = 20260314): Utterance[] {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const out: Utterance[] = [];
  const say = (speaker: string, startMs: number, durationMs: number, text: string): number => {
    out.push({ id: `u${out.length + 1}`, speaker, startMs, endMs: startMs + durationMs, text });
    return startMs + durationMs;
  };
  let t = 5_000;
  let turn = 0;
  while (t < LONG_MEETING_MS - 90_000) {
    const speaker = LONG_MEETING_PEOPLE[1 + (turn % 11)]!;
    turn++;
    const pieces = 1 + Math.floor(random() * 3);
    for (let i = 0; i < pieces; i++) {
      const text = i === pieces - 1 ? pick([...WORRIES, ...QUESTIONS, ...WORRIES]) : pick(POINTS);
      t = say(speaker, t, 12_000 + Math.floor(random() * 14_000), text) + 400 + Math.floor(random() * 1_000);
    }
    t -= 1_400 + Math.floor(random() * 400); // the manager comes in just before or as they stop
    t =
      say(LONG_MEETING_MANAGER, Math.max(t, out[out.length - 1]!.startMs + 1_000), 8_000 + Math.floor(random() * 20_000), pick(REPLIES)) +
      1_200;
  }
  return out;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}
