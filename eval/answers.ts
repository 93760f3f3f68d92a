/**
 * A judge's answers, one JSON object a line, checked against the packet's index and turned into verdicts.
 * The first bad line fails the whole file with a one-line error (which line, what is wrong, what to write). Pure.
 *
 *   {"id": "b01-07", "worth": "no", "faithful": "n/a", "fluent": "n/a", "heart": "yes", "whatHappened": "yes", "reason": "…"}
 *   {"id": "b01-08", "restates": "yes", "reason": "…"}
 */
import type { RowKind } from "./sample-rows.js";
import { jsonOrUndefined, type Verdict, type YesNo, type YesNoNa } from "./verdicts.js";

/** What the packet's index.jsonl says about a row id. */
export interface IndexEntry {
  id: string;
  key: string;
  source: string;
  split: string;
  kind: RowKind;
}

export interface Imported {
  verdicts: Verdict[];
  /** Row key → the judge's one-line reason (kept out of the repository: it may quote the transcript). */
  reasons: Map<string, string>;
}

export type Parsed = { ok: true; value: Imported } | { ok: false; reason: string };

export const MOMENT_QUESTIONS = ["worth", "faithful", "fluent", "heart", "whatHappened"] as const;
const NA_ALLOWED = new Set<string>(["faithful", "fluent"]);

export function parseAnswers(text: string, index: ReadonlyMap<string, IndexEntry>, judge: string, file = "answers"): Parsed {
  const verdicts: Verdict[] = [];
  const reasons = new Map<string, string>();
  const seen = new Set<string>();
  const lines = text.split("\n");
  for (const [i, line] of lines.entries()) {
    if (line.trim() === "") continue;
    const where = `${file} line ${i + 1}`;
    const answer = jsonOrUndefined(line);
    if (typeof answer !== "object" || answer === null || Array.isArray(answer)) {
      return fail(`${where}: not a JSON object; write one object a line, e.g. {"id": "b01-01", "restates": "yes", "reason": "…"}`);
    }
    const a = answer as Record<string, unknown>;
    const entry = typeof a.id === "string" ? index.get(a.id) : undefined;
    if (!entry) return fail(`${where}: "id" ${JSON.stringify(a.id ?? null)} is not a row of this packet; copy the row's id`);
    if (seen.has(entry.id)) return fail(`${where}: row ${entry.id} is answered twice; keep one answer per row`);
    seen.add(entry.id);
    const common = { key: entry.key, source: entry.source, judge };
    if (entry.kind === "praise") {
      const restates = value(a.restates, false);
      if (restates === null) return fail(`${where}: row ${entry.id} is praise: "restates" must be "yes" or "no"`);
      verdicts.push({ ...common, kind: "praise", restates: restates as YesNo });
    } else {
      const v: Partial<Record<(typeof MOMENT_QUESTIONS)[number], YesNoNa>> = {};
      for (const q of MOMENT_QUESTIONS) {
        const got = value(a[q], NA_ALLOWED.has(q));
        if (got === null) {
          const allowed = NA_ALLOWED.has(q) ? '"yes", "no" or "n/a"' : '"yes" or "no"';
          return fail(`${where}: row ${entry.id} is a moment: "${q}" must be ${allowed} (got ${JSON.stringify(a[q] ?? null)})`);
        }
        v[q] = got;
      }
      if ((v.faithful === "n/a") !== (v.fluent === "n/a")) {
        return fail(`${where}: row ${entry.id}: "faithful" and "fluent" are both "n/a" (no written restatement) or neither`);
      }
      verdicts.push({
        ...common,
        kind: "moment",
        worth: v.worth as YesNo,
        faithful: v.faithful!,
        fluent: v.fluent!,
        heart: v.heart as YesNo,
        whatHappenedTrue: v.whatHappened as YesNo,
      });
    }
    if (typeof a.reason === "string" && a.reason.trim() !== "") reasons.set(entry.key, a.reason.trim());
  }
  if (verdicts.length === 0) return fail(`${file}: no answers in it; write one JSON object a line`);
  return { ok: true, value: { verdicts, reasons } };
}

function value(raw: unknown, naAllowed: boolean): YesNoNa | null {
  if (typeof raw !== "string") return null;
  const v = raw.trim().toLowerCase();
  if (v === "yes" || v === "no") return v;
  if (naAllowed && (v === "n/a" || v === "na")) return "n/a";
  return null;
}

const fail = (reason: string): Parsed => ({ ok: false, reason });
