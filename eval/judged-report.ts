/** The reader's figures as text: per split (held-out first) and judge, the moments table and the praise table. Pure. */
import type { Split } from "./annomi.js";
import {
  agreement,
  type Count,
  equalWeight,
  type GroupTally,
  groups,
  MOMENT_COLUMNS,
  type MomentColumn,
  share,
  tallyRows,
} from "./judged-figures.js";
import type { SampleRow } from "./sample-rows.js";
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
    out.push("", `${title}: ${moments.length} moments and ${praise.length} praised items`);
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

type Verdicts = Parameters<typeof tallyRows>[1];

function momentTable(rows: readonly SampleRow[], verdicts: Verdicts): string {
  const tallies = groups(rows).map(([name, rs]) => [name, tallyRows(rs, verdicts)] as const);
  const body = tallies.map(([name, t]) => [name, ...counts(t), String(t.notWritten), ...MOMENT_COLUMNS.map((c) => cell(t.moment[c]))]);
  const c = tallies.find(([n]) => n === "counselling")![1];
  const m = tallies.find(([n]) => n === "meetings")![1];
  body.push(["equal weight", "", "", "", "", ...MOMENT_COLUMNS.map((col) => pctText(equalWeight(c.moment[col], m.moment[col])))]);
  return table(["group", "rows", "judged", "not yet", "no text", ...MOMENT_COLUMNS.map((col) => HEADER[col])], body);
}

function praiseTable(rows: readonly SampleRow[], verdicts: Verdicts): string {
  const tallies = groups(rows).map(([name, rs]) => [name, tallyRows(rs, verdicts)] as const);
  const body = tallies.map(([name, t]) => [name, ...counts(t), cell(t.restates)]);
  const c = tallies.find(([n]) => n === "counselling")![1];
  const m = tallies.find(([n]) => n === "meetings")![1];
  body.push(["equal weight", "", "", "", pctText(equalWeight(c.restates, m.restates))]);
  return table(["group", "rows", "judged", "not yet", "restates"], body);
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
