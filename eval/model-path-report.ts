/**
 * The "model path (replayed)" section of `npm run eval`: for the conversations with recorded model answers, the
 * model path's cards beside the rules' cards on the same conversations: which coach wrote each card, moments and
 * praise shown, the fixed sample's verdicts (moments judged good, praise judged restating, with the rows not yet
 * judged), and the model answers the guards dropped, with their reasons. Pure.
 */
import type { Coaching } from "../src/coaching/schema.js";
import type { JsonReport } from "../src/rendering/json-report.js";
import { praisedItems } from "./collect.js";
import { type GroupTally, share, tallyRows } from "./judged-figures.js";
import type { ModelPathRun } from "./model-path.js";
import type { SourceRun } from "./run-sources.js";
import { sampleRows, type SampleRow } from "./sample-rows.js";
import { SETTING, SETTINGS, type Setting } from "./sources.js";
import { table } from "./table.js";
import type { VerdictStore } from "./verdicts.js";

type Ran = Extract<ModelPathRun, { ok: true }>;

export const MODEL_PATH_TITLE = "Model path (replayed)";

export function modelPathReport(runs: readonly ModelPathRun[], store: VerdictStore, dir: string): string {
  const title = `${MODEL_PATH_TITLE}: recorded model answers replayed by a local OpenAI-compatible server, beside the rules on the same conversations`;
  if (runs.length === 0) {
    return `${title}\nno replays recorded in ${dir} (one folder per conversation, as test/fixtures/model-replays/README.md describes)`;
  }
  const ran = runs.filter((r): r is Ran => r.ok);
  const out = [title, `${ran.length} of the ${runs.length} folders in ${dir} ran`];
  if (ran.length > 0) out.push("", "Cards: who wrote each (coaching.source), moments and praised items shown", cardsTable(ran));
  out.push(...notes(runs));
  if (ran.length > 0) out.push(...judgedTables(ran, store));
  return out.join("\n");
}

const coachingOf = (run: SourceRun): Coaching | undefined => run.report.coaching;

function cardsTable(ran: readonly Ran[]): string {
  const body = ran.map(({ model, rules }) => {
    const m = coachingOf(model);
    const r = coachingOf(rules);
    const byModel = (items: readonly { source?: string | undefined }[]): string =>
      `${items.length} (${items.filter((x) => x.source === "model").length} by the model)`;
    return [
      model.source.id,
      model.source.split,
      m?.source ?? "none",
      m ? byModel(m.moments) : "-",
      String(r?.moments.length ?? "-"),
      m ? byModel(praisedItems(model.report)) : "-",
      String(r ? praisedItems(rules.report).length : "-"),
      String(m?.dropped ?? "-"),
    ];
  });
  return table(
    [
      "conversation",
      "split",
      "model path card",
      "moments (model path)",
      "moments (rules)",
      "praised (model path)",
      "praised (rules)",
      "dropped",
    ],
    body,
    [0, 1, 2],
  );
}

/** Drops by reason, fallbacks to the rules, requests with no recorded answer, and folders that did not run. */
function notes(runs: readonly ModelPathRun[]): string[] {
  const out: string[] = [];
  const total = new Map<string, number>();
  for (const run of runs) {
    if (!run.ok) {
      out.push(`${run.folder}: did not run: ${run.reason}`);
      continue;
    }
    const c = coachingOf(run.model);
    const id = run.model.source.id;
    if (c && c.source !== "llm") out.push(`${id}: the card came from the rules, not the model: ${c.fallbackReason ?? "no reason given"}`);
    if (c && c.dropped > 0) {
      const reasons = (c.drops ?? []).map((d) => `${d.reason}: ${d.count}`).join("; ");
      out.push(`${id}: ${c.dropped} model answer${c.dropped === 1 ? "" : "s"} dropped by the guards (${reasons || "no reasons given"})`);
      for (const d of c.drops ?? []) total.set(d.reason, (total.get(d.reason) ?? 0) + d.count);
    }
    if (run.missing.length > 0) {
      const keys = run.missing.map((m) => `${m.prompt} ${m.key}`).join(", ");
      out.push(
        `${id} (${run.folder}): missing fixture for ${run.missing.length} request${run.missing.length === 1 ? "" : "s"} (${keys}); render them with scripts/model-requests.ts`,
      );
    }
  }
  const dropped = [...total.values()].reduce((a, b) => a + b, 0);
  const why = [...total].sort((a, b) => b[1] - a[1]).map(([reason, n]) => `${reason}: ${n}`);
  out.unshift("", `Model answers dropped by the guards: ${dropped}${dropped > 0 ? ` (${why.join("; ")})` : ""}`);
  return out;
}

/** Every replay, then each setting's (a setting with no replays shows zeros: none is recorded for it yet). */
const GROUPS: [string, (s: Setting) => boolean][] = [
  ["all", () => true],
  ...SETTINGS.map((setting): [string, (s: Setting) => boolean] => [setting, (s) => s === setting]),
];

function judgedTables(ran: readonly Ran[], store: VerdictStore): string[] {
  const coaches: [string, SourceRun[]][] = [
    ["rules", ran.map((r) => r.rules)],
    ["model path", ran.map((r) => r.model)],
  ];
  const judges = store.size === 0 ? [null] : [...store.keys()];
  const out: string[] = [];
  for (const judge of judges) {
    const verdicts = judge === null ? undefined : store.get(judge);
    const body = GROUPS.flatMap(([group, keep]) =>
      coaches.flatMap(([coach, runs]) => {
        const inGroup = runs.filter((run) => keep(SETTING[run.source.source]));
        // a setting that holds every replay would repeat "all"
        if (group !== "all" && inGroup.length > 0 && inGroup.length === runs.length) return [];
        const rows = inGroup.flatMap((run) => sampleRows(run, praisedItems));
        const moments = tallyRows(only(rows, "moment"), verdicts);
        const praise = tallyRows(only(rows, "praise"), verdicts);
        const shown = (count: (report: JsonReport, c: Coaching) => number): string =>
          String(inGroup.reduce((n, run) => n + (run.report.coaching ? count(run.report, run.report.coaching) : 0), 0));
        return [
          [
            group,
            coach,
            String(inGroup.length),
            shown((_, c) => c.moments.length),
            ...sampleCells(moments, moments.moment.good),
            shown((report) => praisedItems(report).length),
            ...sampleCells(praise, praise.restates),
          ],
        ];
      }),
    );
    out.push(
      "",
      `judge: ${judge ?? "(none)"}; the fixed sample of these cards (the same rows and verdicts as the reader's eval: a row both coaches wrote alike is judged once and counts for both)`,
      table(
        [
          "group",
          "coach",
          "cards",
          "moments",
          "in sample",
          "judged",
          "not yet",
          "good",
          "praised",
          "in sample",
          "judged",
          "not yet",
          "restates",
        ],
        body,
        [0, 1],
      ),
    );
  }
  return out;
}

const only = (rows: readonly SampleRow[], kind: SampleRow["kind"]): SampleRow[] => rows.filter((r) => r.kind === kind);

function sampleCells(t: GroupTally, holds: { judged: number; holds: number }): string[] {
  const x = share(holds);
  const cell = holds.judged === 0 ? "-" : `${holds.holds}/${holds.judged} ${x === null ? "" : `${Math.round(100 * x)}%`}`;
  return [String(t.rows), String(t.judged), String(t.rows - t.judged), cell];
}
