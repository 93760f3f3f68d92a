import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadPrompts, renderPrompt } from "../../src/llm/prompt-store.js";
import { bundledPromptsDir } from "../../src/config.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "attune-prompts-"));
  await cp(bundledPromptsDir, dir, { recursive: true });
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe("the prompt set on disk", () => {
  it("loads the bundled prompts and renders every variable", async () => {
    const loaded = await loadPrompts(dir);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect([...loaded.value.keys()]).toEqual(["coaching-summary", "listening-moments", "one-on-one-prep", "practice-feedback"]);
    const rendered = renderPrompt(loaded.value, "listening-moments", {
      manager: "Ana",
      moments: "{}",
      moment_count: "1",
      data_tag: "t1",
      suggestion_words: "35",
    });
    expect(rendered.ok && rendered.value.user).toContain("<t1>\n{}\n</t1>");
    expect(rendered.ok && rendered.value.system).not.toMatch(/\{\{/);
  });

  it("a missing variable, an extra one and an unknown prompt are clear errors", async () => {
    const loaded = await loadPrompts(dir);
    if (!loaded.ok) throw new Error(loaded.error.message);
    expect(renderPrompt(loaded.value, "listening-moments", { manager: "Ana" })).toEqual({
      ok: false,
      error: {
        code: "bad-prompt",
        message: "prompt 'listening-moments' needs {{moments}}, {{moment_count}}, {{data_tag}}, {{suggestion_words}}",
      },
    });
    expect(renderPrompt(loaded.value, "coaching-summary", { manager: "A", summary: "s", data_tag: "t", tone: "x" })).toEqual({
      ok: false,
      error: { code: "bad-prompt", message: "prompt 'coaching-summary' has no variable {{tone}}" },
    });
    expect(renderPrompt(loaded.value, "listening-momnets", {})).toMatchObject({
      ok: false,
      error: { code: "bad-prompt", message: expect.stringMatching(/^unknown prompt 'listening-momnets'; known prompts: /) },
    });
  });

  it("a value that looks like a variable is not expanded again", async () => {
    const loaded = await loadPrompts(dir);
    if (!loaded.ok) throw new Error(loaded.error.message);
    const rendered = renderPrompt(loaded.value, "coaching-summary", { manager: "{{data_tag}}", summary: "s", data_tag: "t" });
    expect(rendered.ok && rendered.value.user).toContain("Manager: {{data_tag}}");
  });

  it("an edited template that uses an undeclared variable fails at load, naming the file", async () => {
    await writeFile(join(dir, "coaching-summary", "user.md"), "Hello {{manager}} {{mood}}");
    expect(await loadPrompts(dir)).toEqual({
      ok: false,
      error: {
        code: "bad-prompt",
        message: "prompt 'coaching-summary': user.md uses {{mood}}, which config.json does not declare in \"variables\"",
      },
    });
  });

  it("a bad config names the field", async () => {
    const path = join(dir, "listening-moments", "config.json");
    const config = JSON.parse(await readFile(path, "utf8"));
    await writeFile(path, JSON.stringify({ ...config, output: "moments-v2" }));
    expect(await loadPrompts(dir)).toMatchObject({
      ok: false,
      error: {
        code: "bad-prompt",
        message: expect.stringMatching(/^prompt 'listening-moments': config.json: output: not a known output schema/),
      },
    });
    await writeFile(path, "{ not json");
    expect(await loadPrompts(dir)).toMatchObject({
      ok: false,
      error: { code: "bad-prompt", message: expect.stringMatching(/config.json is not valid JSON/) },
    });
  });

  it("a missing prompt or folder is reported", async () => {
    await rm(join(dir, "one-on-one-prep"), { recursive: true });
    expect(await loadPrompts(dir)).toEqual({
      ok: false,
      error: { code: "bad-prompt", message: `prompts folder '${dir}' lacks one-on-one-prep` },
    });
    // a folder made before practice-feedback existed still loads: practice then falls back to the rules
    await cp(bundledPromptsDir, join(dir, "older"), { recursive: true });
    await rm(join(dir, "older", "practice-feedback"), { recursive: true });
    expect((await loadPrompts(join(dir, "older"))).ok).toBe(true);
    expect(await loadPrompts(join(dir, "nope"))).toMatchObject({
      ok: false,
      error: { code: "bad-prompt", message: expect.stringMatching(/cannot be read; set ATTUNE_PROMPTS_DIR/) },
    });
  });
});
