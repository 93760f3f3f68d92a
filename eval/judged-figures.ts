/**
 * The reader's figures from the verdicts kept in eval/verdicts/: per split and judge, per question the rows
 * judged, the rows where it holds and the rows not yet judged, by source, by setting (counselling, meetings,
 * one-on-ones) and as the equal-weight average of counselling and meetings (one-on-ones stay outside it); and,
 * where two judges judged the same rows, how often they agree. Pure.
 */
import type { SampleRow } from "./sample-rows.js";
import { SETTING, SETTINGS, type Setting, type SourceName } from "./sources.js";
import { momentGood, type MomentVerdict, type PraiseVerdict, type Verdict, type VerdictStore } from "./verdicts.js";

export interface Count {
  judged: number;
  holds: number;
}

export const MOMENT_COLUMNS = ["worth", "faithful", "fluent", "heart", "whatHappenedTrue", "good"] as const;
export type MomentColumn = (typeof MOMENT_COLUMNS)[number];

export interface GroupTally {
  rows: number;
  judged: number;
  /** Moments: each question (faithful and fluent over written restatements only: "n/a" is left out). */
  moment: Record<MomentColumn, Count>;
  /** Moments judged without a written restatement. */
  notWritten: number;
  restates: Count;
}

const count = (): Count => ({ judged: 0, holds: 0 });
const add = (c: Count, holds: boolean): void => {
  c.judged++;
  if (holds) c.holds++;
};

export function tallyRows(rows: readonly SampleRow[], verdicts: ReadonlyMap<string, Verdict> | undefined): GroupTally {
  const t: GroupTally = {
    rows: rows.length,
    judged: 0,
    moment: Object.fromEntries(MOMENT_COLUMNS.map((c) => [c, count()])) as Record<MomentColumn, Count>,
    notWritten: 0,
    restates: count(),
  };
  for (const row of rows) {
    const v = verdicts?.get(row.key);
    if (!v || v.kind !== row.kind) continue;
    t.judged++;
    if (v.kind === "praise") add(t.restates, v.restates === "yes");
    else tallyMoment(t, v);
  }
  return t;
}

function tallyMoment(t: GroupTally, v: MomentVerdict): void {
  add(t.moment.worth, v.worth === "yes");
  add(t.moment.heart, v.heart === "yes");
  add(t.moment.whatHappenedTrue, v.whatHappenedTrue === "yes");
  add(t.moment.good, momentGood(v));
  if (v.faithful === "n/a") t.notWritten++;
  else add(t.moment.faithful, v.faithful === "yes");
  if (v.fluent !== "n/a") add(t.moment.fluent, v.fluent === "yes");
}

export const share = (c: Count): number | null => (c.judged === 0 ? null : c.holds / c.judged);

/** The mean of the two settings' shares (each weighs half, however many rows it has); null unless both are known. */
export function equalWeight(counselling: Count, meetings: Count): number | null {
  const a = share(counselling);
  const b = share(meetings);
  return a === null || b === null ? null : (a + b) / 2;
}

export type GroupName = "AnnoMI" | "ICSI" | "AMI" | Setting;
/**
 * The labelled corpora, each a group beside its setting. The written one-on-ones are not listed: they are the only
 * source of their setting, so their group is the setting's (a second row would repeat it).
 */
export const SOURCE_GROUPS: readonly (readonly [SourceName, GroupName])[] = [
  ["annomi", "AnnoMI"],
  ["icsi", "ICSI"],
  ["ami", "AMI"],
];

/** Rows of one kind in the groups the figures show: each labelled corpus, then each setting. */
export function groups(rows: readonly SampleRow[]): [GroupName, SampleRow[]][] {
  const by = (keep: (r: SampleRow) => boolean): SampleRow[] => rows.filter(keep);
  return [
    ...SOURCE_GROUPS.map(([s, name]): [GroupName, SampleRow[]] => [name, by((r) => r.source === s)]),
    ...SETTINGS.map((setting): [GroupName, SampleRow[]] => [setting, by((r) => SETTING[r.source] === setting)]),
  ];
}

export interface Agreement {
  question: string;
  both: number;
  agree: number;
}

/** Per question, over the rows both judges judged: how many, and on how many their answers are the same. */
export function agreement(rows: readonly SampleRow[], a: ReadonlyMap<string, Verdict>, b: ReadonlyMap<string, Verdict>): Agreement[] {
  const questions = ["worth", "faithful", "fluent", "heart", "whatHappenedTrue", "good", "restates"] as const;
  const out = questions.map((question) => ({ question: question as string, both: 0, agree: 0 }));
  for (const row of rows) {
    const va = a.get(row.key);
    const vb = b.get(row.key);
    if (!va || !vb || va.kind !== vb.kind) continue;
    for (const item of out) {
      const x = answerOf(va, item.question);
      const y = answerOf(vb, item.question);
      if (x === undefined || y === undefined) continue;
      item.both++;
      if (x === y) item.agree++;
    }
  }
  return out.filter((item) => item.both > 0);
}

function answerOf(v: Verdict, question: string): string | undefined {
  if (v.kind === "praise") return question === "restates" ? v.restates : undefined;
  if (question === "good") return String(momentGood(v));
  const m = v as MomentVerdict & Partial<PraiseVerdict>;
  return question in m && question !== "restates" ? String(m[question as keyof MomentVerdict]) : undefined;
}

export type { VerdictStore };
