/**
 * The reader's figures as text: per split (held-out first) and judge, the moments table and the praise table, each
 * by group (judged-figures.ts groups). Pure.
 */
import type { Split } from "./annomi.js";
import {
  agreement,
  type Count,
  equalWeight,
  type GroupName,
  type GroupTally,
  groups,
  MOMENT_COLUMNS,
  type MomentColumn,
  share,
  tallyRows,
} from "./judged-figures.js";
import type { SampleRow } from "./sample-rows.js";
import { SETTING } from "./sources.js";
import { table } from "./table.js";
import type { VerdictStore } from "./verdicts.js";

const SPLITS: [Split, string][] = [
  ["held-out", "held-out split (not tuned on)"],
  ["tune", "tuning split"],
];
const HEADER: Record<MomentColumn, string> = {
  worth: "worth it",
  faithful: "faithful*",
  fluent: "fluent*",
  heart: "the heart",
  whatHappenedTrue: "what happened true",
  good: "good (all four)",
};

const cell = (c: Count): string => (c.judged === 0 ? "-" : `${c.holds}/${c.judged} ${pctText(share(c))}`);
const pctText = (x: number | null): string => (x === null ? "-" : `${Math.round(100 * x)}%`);

export function judgedReport(rows: readonly SampleRow[], store: VerdictStore): string {
  const out = [
    "Reader's eval: the fixed sample (the top 3 moments and the first 2 praised items of every card), judged by the rubric",
    `Verdicts: eval/verdicts/ (${store.size === 0 ? "none yet" : [...store.keys()].join(", ")}). Make a packet of the rows not yet judged: npx tsx eval/judge-packet.ts --split held-out --out DIR`,
  ];
  const judges = store.size === 0 ? [null] : [...store.keys()];
  for (const [split, title] of SPLITS) {
    const inSplit = rows.filter((r) => r.split === split);
    const moments = inSplit.filter((r) => r.kind === "moment");
    const praise = inSplit.filter((r) => r.kind === "praise");
    out.push("", ...splitSizes(title, moments, praise));
    for (const judge of judges) {
      const verdicts = judge === null ? undefined : store.get(judge);
      out.push("", `judge: ${judge ?? "(none)"}; moments`, momentTable(moments, verdicts));
      out.push("", `judge: ${judge ?? "(none)"}; praise ("Keep doing")`, praiseTable(praise, verdicts));
    }
    out.push(...agreementLines(inSplit, store));
  }
  out.push("", "* faithful and fluent: of the moments with a written restatement (n/a left out, counted under 'no text').");
  return out.join("\n");
}

/**
 * How many rows the split has: in counselling and meetings, then in one-on-ones on a line of their own, so that
 * the first count is never of the one-on-ones too.
 */
function splitSizes(title: string, moments: readonly SampleRow[], praise: readonly SampleRow[]): string[] {
  const sizes = (keep: (r: SampleRow) => boolean): string =>
    `${moments.filter(keep).length} moments and ${praise.filter(keep).length} praised items`;
  const oneOnOne = (r: SampleRow): boolean => SETTING[r.source] === "one-on-ones";
  return [`${title}: ${sizes((r) => !oneOnOne(r))}`, `${title}, one-on-ones besides: ${sizes(oneOnOne)}`];
}

type Verdicts = Parameters<typeof tallyRows>[1];

function momentTable(rows: readonly SampleRow[], verdicts: Verdicts): string {
  const body = withEqualWeight(
    groups(rows).map(([name, rs]) => [name, tallyRows(rs, verdicts)] as const),
    (t) => [...counts(t), String(t.notWritten), ...MOMENT_COLUMNS.map((c) => cell(t.moment[c]))],
    (c, m) => ["", "", "", "", ...MOMENT_COLUMNS.map((col) => pctText(equalWeight(c.moment[col], m.moment[col])))],
  );
  return table(["group", "rows", "judged", "not yet", "no text", ...MOMENT_COLUMNS.map((col) => HEADER[col])], body);
}

function praiseTable(rows: readonly SampleRow[], verdicts: Verdicts): string {
  const body = withEqualWeight(
    groups(rows).map(([name, rs]) => [name, tallyRows(rs, verdicts)] as const),
    (t) => [...counts(t), cell(t.restates)],
    (c, m) => ["", "", "", pctText(equalWeight(c.restates, m.restates))],
  );
  return table(["group", "rows", "judged", "not yet", "restates"], body);
}

/**
 * A table's body: a row per group, and the "equal weight" row right after meetings, since it averages counselling
 * and meetings only; the groups after it (one-on-ones) are shown beside that average, never folded into it.
 */
function withEqualWeight(
  tallies: readonly (readonly [GroupName, GroupTally])[],
  cells: (t: GroupTally) => string[],
  equalCells: (counselling: GroupTally, meetings: GroupTally) => string[],
): string[][] {
  const tallyOf = (name: GroupName): GroupTally => tallies.find(([n]) => n === name)![1];
  const body = tallies.map(([name, t]) => [name, ...cells(t)]);
  const afterMeetings = tallies.findIndex(([n]) => n === "meetings") + 1;
  body.splice(afterMeetings, 0, ["equal weight", ...equalCells(tallyOf("counselling"), tallyOf("meetings"))]);
  return body;
}

const counts = (t: GroupTally): string[] => [String(t.rows), String(t.judged), String(t.rows - t.judged)];

function agreementLines(rows: readonly SampleRow[], store: VerdictStore): string[] {
  const judges = [...store.keys()];
  const out: string[] = [];
  for (let i = 0; i < judges.length; i++) {
    for (let j = i + 1; j < judges.length; j++) {
      const a = agreement(rows, store.get(judges[i]!)!, store.get(judges[j]!)!);
      if (a.length === 0) continue;
      out.push("", `agreement of ${judges[i]} and ${judges[j]} (rows both judged)`);
      out.push(
        table(
          ["question", "both judged", "same answer", "agreement"],
          a.map((x) => [x.question, String(x.both), String(x.agree), pctText(x.agree / x.both)]),
        ),
      );
    }
  }
  return out;
}
