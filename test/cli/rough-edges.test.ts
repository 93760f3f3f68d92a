/** Finding 13 of issue 10: the CLI's rough edges, each as a person at a terminal meets it. */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { zipSync, strToU8 } from "fflate";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/attune.js";
import type { CliIo } from "../../src/cli/io.js";
import { countOf } from "../../src/format/count.js";
import { killStarted, startAttune, waitUntil } from "../helpers/child-processes.js";
import { fixturesDir } from "../helpers/fixtures.js";
import { freePort, occupyPort } from "../helpers/free-port.js";
import { freshStorage, type TestStorage } from "../helpers/fresh-storage.js";

async function run(args: string[], env: Record<string, string | undefined> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: CliIo = { stdout: (t) => (out += `${t}\n`), stderr: (t) => (err += `${t}\n`), readStdin: async () => "", env };
  const code = await runCli(args, io);
  return { code, out, err };
}

const oneLine = (text: string) => text.trim().split("\n").length === 1;

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "attune-cli-edges-"));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});
afterEach(killStarted);

describe("attune --version", () => {
  it("prints the version in package.json", async () => {
    const manifest = JSON.parse(await readFile(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
    for (const flag of ["--version", "-v"]) {
      const { code, out, err } = await run([flag]);
      expect(code).toBe(0);
      expect(err).toBe("");
      expect(out).toBe(`attune ${manifest.version}\n`);
    }
  });
});

describe("an option Attune does not know", () => {
  const cases: [string[], RegExp][] = [
    [["analyze", "x.vtt", "--colour"], /^attune analyze: unknown option '--colour'; see attune analyze --help\n$/],
    [["trend", "--manager", "R", "--weeks", "3"], /^attune trend: unknown option '--weeks'; see attune trend --help\n$/],
    [["prep", "-x"], /^attune prep: unknown option '-x'; see attune prep --help\n$/],
    [["serve", "--prot", "4000"], /^attune serve: unknown option '--prot'; see attune serve --help\n$/],
    [["analyze", "x.vtt", "--manager"], /^attune analyze: --manager needs a value; see attune analyze --help\n$/],
    [["analyze", "x.vtt", "--help=yes"], /^attune analyze: --help takes no value; see attune analyze --help\n$/],
    [["--verbose"], /^attune: unknown option '--verbose'; see attune --help\n$/],
  ];
  for (const [args, message] of cases) {
    it(`is one line naming it: attune ${args.join(" ")}`, async () => {
      const { code, out, err } = await run(args);
      expect(code).toBe(2);
      expect(out).toBe("");
      expect(err).toMatch(message);
      expect(err).not.toMatch(/To specify a positional argument/);
    });
  }
});

describe("attune serve --port", () => {
  it("is in --help", async () => {
    const { code, out } = await run(["serve", "--help"]);
    expect(code).toBe(0);
    expect(out).toMatch(/--port N\s+listen on port N/);
  });

  it("refuses a port that is not a number, in one line", async () => {
    for (const bad of ["http", "70000", "-1"]) {
      const { code, err } = await run(["serve", `--port=${bad}`]);
      expect(code).toBe(2);
      expect(err).toBe(`attune serve: --port takes a port number from 0 to 65535, not '${bad}'\n`);
    }
  });

  it("is honoured over PORT", async () => {
    const port = await freePort();
    const server = startAttune(["serve", "--port", String(port)], {
      ...process.env,
      PORT: "1",
      ATTUNE_DATA_DIR: join(work, "serve-port"),
      DATABASE_URL: "",
      LOG_LEVEL: "warn",
    });
    await waitUntil("the server says where it runs", () => /Attune is running at/.test(server.output().stdout), 60_000);
    expect(server.output().stdout).toContain(`http://127.0.0.1:${port}`);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    server.kill("SIGTERM");
    expect((await server.done).code).toBe(0);
  }, 90_000);

  it("a port in use is one line saying so and what to do, not an internal error", async () => {
    const taken = await occupyPort();
    try {
      const { port } = taken.address() as { port: number };
      const { code, out, err } = await run(["serve", "--port", String(port)], {
        ATTUNE_DATA_DIR: join(work, "serve-clash"),
        LOG_LEVEL: "warn",
      });
      expect(code).toBe(2);
      expect(out).toBe("");
      expect(err).toBe(`attune serve: port ${port} is in use; pass --port or set PORT to a free port\n`);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});

describe("a Teams Word transcript (.docx)", () => {
  it("is named as a Word document, with where Teams offers the .vtt", async () => {
    const docx = join(work, "Weekly sync.docx");
    await writeFile(
      docx,
      zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "word/document.xml": strToU8("<w:document>Renée 0:03 Hello</w:document>") }),
    );
    for (const args of [
      ["analyze", docx, "--manager", "Renée"],
      ["live", "replay", docx, "--manager", "Renée"],
    ]) {
      const { code, out, err } = await run(args, { ATTUNE_LIVE_INGEST_TOKEN: "a-token-of-sixteen-chars" });
      expect(code).toBe(2);
      expect(out).toBe("");
      expect(oneLine(err)).toBe(true);
      expect(err).toContain("Weekly sync.docx: this is a Word document (.docx), not a transcript");
      expect(err).toContain("Recap, then Transcript → Download → Download as .vtt");
    }
  });

  it("another ZIP is called an archive", async () => {
    const zip = join(work, "bundle.zip");
    await writeFile(zip, zipSync({ "notes.txt": strToU8("hello") }));
    const { code, err } = await run(["analyze", zip]);
    expect(code).toBe(2);
    expect(err).toMatch(/^attune analyze: bundle\.zip: this is a ZIP archive, not a transcript; give the \.vtt file/);
  });
});

describe("counts read right", () => {
  it("one of a thing is singular", () => {
    expect(countOf(1, "stored transcript")).toBe("1 stored transcript");
    expect(countOf(2, "stored transcript")).toBe("2 stored transcripts");
    expect(countOf(0, "analysis", "analyses")).toBe("0 analyses");
    expect(countOf(1, "analysis", "analyses")).toBe("1 analysis");
  });

  describe("attune forget after one saved meeting", () => {
    let storage: TestStorage;
    beforeAll(async () => {
      storage = await freshStorage("cli-plural");
    });
    afterAll(async () => {
      await storage.remove();
    });

    it("says '1 stored transcript', not '1 stored transcripts'", async () => {
      const saved = await storage.cli(["analyze", `${fixturesDir}teams/download-style.vtt`, "--save"]);
      expect(saved.code).toBe(0);
      const speakers = await storage.cli(["analyze", `${fixturesDir}teams/download-style.vtt`, "--format", "json"]);
      const person = (JSON.parse(speakers.out) as { speakers: { name: string }[] }).speakers[0]!.name;
      const { code, out } = await storage.cli(["forget", "--person", person]);
      expect(code).toBe(0);
      expect(out).toMatch(/ removed from 1 stored transcript\n/);
      expect(out).toMatch(/\b1 analysis no longer mentions them\n/);
    }, 60_000);
  });
});
