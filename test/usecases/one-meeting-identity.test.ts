import { mkdtemp, readFile, rm } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/attune.js";
import type { CliIo } from "../../src/cli/io.js";
import { createLogger } from "../../src/log.js";
import { playgroundRouter } from "../../src/playground/router.js";
import { openStorage } from "../../src/storage/open-storage.js";
import { meetingContentId } from "../../src/usecases/meeting-identity.js";
import { parseTranscript } from "../../src/transcript/index.js";

const samplesDir = fileURLToPath(new URL("../../samples/", import.meta.url));
const sample = join(samplesDir, "one-on-one.vtt");
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "attune-identity-"));
});
afterAll(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: CliIo = {
    stdout: (t) => (out += `${t}\n`),
    stderr: (t) => (err += `${t}\n`),
    readStdin: async () => "",
    env: { ATTUNE_DATA_DIR: dataDir },
  };
  return { code: await runCli(args, io), out, err };
}

describe("one meeting whatever the entry point", () => {
  it("a sample ended in the playground, the same file uploaded (no BOM, CRLF, another title) and `analyze --save` of it are one stored meeting", async () => {
    const opened = await openStorage({ databaseUrl: undefined, dataDir });
    if (!opened.ok) throw new Error(opened.error.message);
    const db = opened.value;
    const log = createLogger("silent");
    const app = express().use(
      "/",
      playgroundRouter({ db, coach: async () => ({ llm: null, prompts: null }), samplesDir, log, tenant: "local" }),
    );
    const server: Server = app.listen(0, "127.0.0.1");
    await new Promise<void>((resolve, reject) => server.once("listening", resolve).once("error", reject));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const post = (body: unknown) =>
      fetch(`${base}/playground/api/run`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    try {
      expect((await post({ sampleId: "one-on-one" })).status).toBe(200);
      const uploaded = (await readFile(sample, "utf8")).replace(/^\uFEFF/, "").replace(/\r?\n/g, "\r\n");
      expect((await post({ vtt: uploaded, manager: "renee", title: "My upload" })).status).toBe(200);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    }

    const saved = await cli(["analyze", sample, "--manager", "renee", "--save"]);
    expect(saved.err).toBe("attune: 'one-on-one.vtt' was already saved; nothing changed\n");
    expect(saved.code).toBe(0);
    const trend = await cli(["trend", "--manager", "renee", "--format", "json"]);
    expect(trend.code).toBe(0);
    const { meetings } = JSON.parse(trend.out) as { meetings: { title: string }[] };
    expect(meetings.map((m) => m.title)).toEqual(["One-on-one: release plan and on-call"]);
  });

  it("tells meetings apart by what was said, not by the file's bytes", async () => {
    const text = await readFile(sample, "utf8");
    const id = (t: string) => {
      const parsed = parseTranscript(t);
      if (!parsed.ok) throw new Error(parsed.error.message);
      return meetingContentId(parsed.value.utterances);
    };
    expect(id(text.replace(/^\uFEFF/, "").replace(/\n/g, "\r\n"))).toBe(id(text));
    expect(id(text.replace("Sure.", "Sure, go on."))).not.toBe(id(text));
  });
});
