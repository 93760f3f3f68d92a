/**
 * Verdicts kept in the repository: one JSONL file per judge in eval/verdicts/, one line per row judged, keyed by
 * the sha256 of the row's text as shown (the text itself, which may be ICSI's, is never stored). A row whose
 * text changes gets a new key, so only it needs judging again.
 */
import { existsSync, mkdirSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { z } from "zod";

export const VERDICTS_DIR = fileURLToPath(new URL("./verdicts/", import.meta.url));

const yesNo = z.enum(["yes", "no"]);
const yesNoNa = z.enum(["yes", "no", "n/a"]);
export type YesNo = z.infer<typeof yesNo>;
export type YesNoNa = z.infer<typeof yesNoNa>;

export const judgeNameSchema = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,39}$/i, "a judge name is 1-40 letters, digits, '.', '_' or '-'");

const common = { key: z.string().regex(/^[0-9a-f]{64}$/), source: z.string().min(1), judge: judgeNameSchema };
export const momentVerdictSchema = z.object({
  ...common,
  kind: z.literal("moment"),
  worth: yesNo,
  /** "n/a" when the card wrote no restatement (it asks the manager to say it back in their own words). */
  faithful: yesNoNa,
  fluent: yesNoNa,
  heart: yesNo,
  whatHappenedTrue: yesNo,
});
export const praiseVerdictSchema = z.object({ ...common, kind: z.literal("praise"), restates: yesNo });
export const verdictSchema = z.discriminatedUnion("kind", [momentVerdictSchema, praiseVerdictSchema]);
export type MomentVerdict = z.infer<typeof momentVerdictSchema>;
export type PraiseVerdict = z.infer<typeof praiseVerdictSchema>;
export type Verdict = z.infer<typeof verdictSchema>;

/** Judge → row key → verdict. */
export type VerdictStore = Map<string, Map<string, Verdict>>;

export async function loadVerdicts(dir: string = VERDICTS_DIR): Promise<VerdictStore> {
  const store: VerdictStore = new Map();
  if (!existsSync(dir)) return store;
  for (const file of (await readdir(dir)).filter((f) => f.endsWith(".jsonl")).sort()) {
    const judge = file.slice(0, -".jsonl".length);
    const byKey = new Map<string, Verdict>();
    const lines = (await readFile(`${dir}/${file}`, "utf8")).split("\n");
    lines.forEach((line, i) => {
      if (line.trim() === "") return;
      const parsed = verdictSchema.safeParse(jsonOrUndefined(line));
      if (!parsed.success || parsed.data.judge !== judge) {
        throw new Error(`${file} line ${i + 1}: not a verdict of judge ${judge}; fix or remove the line`);
      }
      byKey.set(parsed.data.key, parsed.data);
    });
    store.set(judge, byKey);
  }
  return store;
}

/** Adds (or replaces, row by row) one judge's verdicts and rewrites their file, sorted by key. */
export async function saveVerdicts(judge: string, verdicts: readonly Verdict[], dir: string = VERDICTS_DIR): Promise<number> {
  const store = await loadVerdicts(dir);
  const byKey = store.get(judge) ?? new Map<string, Verdict>();
  for (const v of verdicts) byKey.set(v.key, v);
  mkdirSync(dir, { recursive: true });
  const lines = [...byKey.values()].sort((a, b) => a.key.localeCompare(b.key)).map((v) => JSON.stringify(v));
  await writeFile(`${dir}/${judge}.jsonl`, `${lines.join("\n")}\n`);
  return byKey.size;
}

/** A moment is good when worth, faithful, fluent and the heart all hold ("n/a" holds by construction). */
export function momentGood(v: MomentVerdict): boolean {
  return v.worth === "yes" && v.heart === "yes" && v.faithful !== "no" && v.fluent !== "no";
}

/** The value of one JSON line, or undefined when it is not JSON. */
export function jsonOrUndefined(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}
