import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io.js";
import { readInput, readWithin } from "../../src/cli/read-input.js";
import { parseTranscript } from "../../src/transcript/parse-transcript.js";
import { readFixture } from "../helpers/fixtures.js";

/** Issue 16 (smaller): UTF-16 transcripts with a byte order mark (Teams, Notepad, PowerShell) were "not a transcript". */
const text = readFixture("teams/download-style.vtt").replace(/^\uFEFF/, "");
const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
const utf16be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, "utf16le").swap16()]);
const utf8bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
const io = { env: {} } as unknown as CliIo;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "attune-utf16-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("a transcript file in UTF-16 or UTF-8 with a byte order mark", () => {
  const expected = parseTranscript(text);
  it.each([
    ["UTF-16 LE", utf16le],
    ["UTF-16 BE", utf16be],
    ["UTF-8 with a BOM", utf8bom],
  ])("%s: read from a file and from stdin, parsed as the UTF-8 file is", async (name, bytes) => {
    expect(expected.ok).toBe(true);
    expect(text).toContain("Renée"); // a character whose bytes differ between the encodings
    const path = join(dir, `${name}.vtt`);
    await writeFile(path, bytes);
    for (const read of [
      await readInput(path, io, 1 << 20),
      await readWithin(Readable.from([bytes.subarray(0, 7), bytes.subarray(7)]), 1 << 20),
    ]) {
      expect(read).toBe(text);
      expect(parseTranscript(read)).toEqual(expected);
    }
  });
});
