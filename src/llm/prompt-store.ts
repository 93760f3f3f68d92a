import { fail, ok, type Failure, type Result } from "../result.js";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { isPromptOutputName, type PromptOutputName } from "./prompt-outputs.js";

const promptConfigSchema = z.object({
  version: z.number().int().positive(),
  description: z.string().min(1),
  output: z.string().refine(isPromptOutputName, {
    message: "not a known output schema (listening-moments, coaching-summary, one-on-one-prep, practice-feedback)",
  }),
  variables: z.array(z.string().regex(/^[a-z_][a-z0-9_]*$/)).min(1),
  model: z.object({
    temperature: z.number().min(0).max(2).default(0.2),
    max_tokens: z.number().int().positive().max(16_000).default(1000),
  }),
});

export interface Prompt {
  name: string;
  version: number;
  output: PromptOutputName;
  variables: readonly string[];
  temperature: number;
  maxTokens: number;
  system: string;
  user: string;
}

export interface RenderedPrompt {
  name: string;
  version: number;
  output: PromptOutputName;
  temperature: number;
  maxTokens: number;
  system: string;
  user: string;
}

/** A prompt folder or file Attune cannot use, said in one line naming the file. */
export type PromptFailure = Failure<"bad-prompt">;
export type PromptResult<T> = Result<T, PromptFailure>;

/**
 * The prompts Attune needs; loading fails if any is missing. practice-feedback is not among them: a prompts folder
 * made before it existed still coaches, and practice falls back to the rules' feedback, saying why.
 */
export const REQUIRED_PROMPTS = ["listening-moments", "coaching-summary", "one-on-one-prep"] as const;

const VARIABLE = /\{\{\s*([a-z_][a-z0-9_]*)\s*\}\}/g;

/** Reads every prompt folder (system.md, user.md, config.json) and checks each against its config. */
export async function loadPrompts(dir: string): Promise<PromptResult<Map<string, Prompt>>> {
  let entries: string[];
  try {
    entries = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
  } catch {
    return fail("bad-prompt", `prompts folder '${dir}' cannot be read; set ATTUNE_PROMPTS_DIR to the folder holding the prompts`);
  }
  const prompts = new Map<string, Prompt>();
  for (const name of entries.sort()) {
    const loaded = await loadPrompt(dir, name);
    if (!loaded.ok) return loaded;
    prompts.set(name, loaded.value);
  }
  const missing = REQUIRED_PROMPTS.filter((name) => !prompts.has(name));
  if (missing.length > 0) return fail("bad-prompt", `prompts folder '${dir}' lacks ${missing.join(", ")}`);
  return ok(prompts);
}

async function loadPrompt(dir: string, name: string): Promise<PromptResult<Prompt>> {
  const where = join(dir, name);
  const files: Record<string, string> = {};
  for (const file of ["config.json", "system.md", "user.md"]) {
    try {
      files[file] = await readFile(join(where, file), "utf8");
    } catch {
      return fail("bad-prompt", `prompt '${name}': ${join(where, file)} is missing`);
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(files["config.json"]!);
  } catch (cause) {
    return fail("bad-prompt", `prompt '${name}': config.json is not valid JSON (${(cause as Error).message})`);
  }
  const config = promptConfigSchema.safeParse(json);
  if (!config.success) {
    const issue = config.error.issues[0]!;
    return fail("bad-prompt", `prompt '${name}': config.json: ${issue.path.join(".") || "config"}: ${issue.message}`);
  }
  const declared = new Set(config.data.variables);
  for (const file of ["system.md", "user.md"]) {
    for (const [, variable] of files[file]!.matchAll(VARIABLE)) {
      if (!declared.has(variable!))
        return fail("bad-prompt", `prompt '${name}': ${file} uses {{${variable}}}, which config.json does not declare in "variables"`);
    }
  }
  return {
    ok: true,
    value: {
      name,
      version: config.data.version,
      output: config.data.output as PromptOutputName,
      variables: config.data.variables,
      temperature: config.data.model.temperature,
      maxTokens: config.data.model.max_tokens,
      system: files["system.md"]!.trim(),
      user: files["user.md"]!.trim(),
    },
  };
}

/** Fills a prompt's `{{variables}}`; an unknown prompt or a missing or extra variable is an error. */
export function renderPrompt(
  prompts: ReadonlyMap<string, Prompt>,
  name: string,
  values: Record<string, string>,
): PromptResult<RenderedPrompt> {
  const prompt = prompts.get(name);
  if (!prompt) return fail("bad-prompt", `unknown prompt '${name}'; known prompts: ${[...prompts.keys()].join(", ")}`);
  const missing = prompt.variables.filter((v) => values[v] === undefined);
  if (missing.length > 0) return fail("bad-prompt", `prompt '${name}' needs ${missing.map((v) => `{{${v}}}`).join(", ")}`);
  const extra = Object.keys(values).filter((v) => !prompt.variables.includes(v));
  if (extra.length > 0) return fail("bad-prompt", `prompt '${name}' has no variable ${extra.map((v) => `{{${v}}}`).join(", ")}`);
  const fill = (template: string) => template.replace(VARIABLE, (_, variable: string) => values[variable]!);
  return {
    ok: true,
    value: {
      name,
      version: prompt.version,
      output: prompt.output,
      temperature: prompt.temperature,
      maxTokens: prompt.maxTokens,
      system: fill(prompt.system),
      user: fill(prompt.user),
    },
  };
}
