import { readdirSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseTranscript } from "../../src/transcript/parse-transcript.js";
import { fixturesDir, readFixture } from "../helpers/fixtures.js";
import { transcriptResultProblems } from "../helpers/transcript-invariants.js";

// Random seeds on a developer's machine, to keep finding new inputs; a fixed seed in CI (CI=true), so a
// red build is always reproducible. FC_SEED=<n> replays a run that fast-check reported.
const seed = process.env.FC_SEED ?? (process.env.CI ? "20261125" : undefined);
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) });

/** parseTranscript must not throw, and what it returns must satisfy the invariants. */
function checkParse(input: string): void {
  let problems: string[];
  try {
    problems = transcriptResultProblems(input, parseTranscript(input));
  } catch (cause) {
    throw new Error(`parseTranscript threw on ${JSON.stringify(input.slice(0, 300))}: ${String(cause)}`);
  }
  if (problems.length > 0) throw new Error(`${problems.slice(0, 5).join("; ")}\ninput: ${JSON.stringify(input.slice(0, 600))}`);
}

const fixtures: { name: string; text: string }[] = [
  ...readdirSync(`${fixturesDir}teams`)
    .filter((f) => f.endsWith(".vtt"))
    .map((f) => `teams/${f}`),
  ...readdirSync(`${fixturesDir}ami`)
    .filter((f) => f.endsWith(".teams.vtt"))
    .map((f) => `ami/${f}`),
].map((name) => ({ name, text: readFixture(name) }));

// ---- mutations of real files -------------------------------------------------------------------

/** Things worth dropping into a transcript: broken and hostile markup, entities, separators. */
const INJECTIONS = [
  "<v",
  "<v ",
  "<v>",
  "</v>",
  "<v Name>",
  "<v.loud Ann Lee>",
  "<v  Spaces  Around >",
  "<<v>>",
  "<v\tTab>",
  "<",
  ">",
  "</",
  "<c.yellow>",
  "<i>",
  "<00:00:01.000>",
  "&#99999999;",
  "&#x110000;",
  "&#xD800;",
  "&#0;",
  "&#10;",
  "&#13;",
  "&#32;",
  "&amp",
  "&;",
  "&#;",
  "&#x;",
  "&apos;",
  "&nbsp;",
  "&amp;amp;",
  "&lt;v Eve&gt;",
  "-->",
  " --> ",
  "-->-->",
  "\n",
  "\r",
  "\r\n",
  "\n\n",
  "\u0000",
  "\uFEFF",
  "\u2028",
  "\t",
  " ",
  "NOTE",
  "STYLE",
  "REGION",
  "WEBVTT",
  "{",
  "}",
  "[",
  "]",
  '"',
  '"spokenText":1',
  '{"spokenText":"x"}',
  "/1-0",
  "/1-99",
  "-7",
  "/",
];

/** Timestamps that are too big, too precise, malformed or borderline. */
const HUGE_TIMESTAMPS = [
  "99999999:00:00.000",
  "999999:00:00.000",
  "9007199254740993:00:00.000",
  "00:00:99999999999999999999.000",
  "00:00:00.99999999999999999999",
  "24:00:00.001",
  "23:59:59.999",
  "00:59:60.000",
  "00:60:00.000",
  "1e308",
  "-1:00:00.000",
  "NaN",
  "Infinity",
  "00:00:0x10.000",
  "0:0:0.0",
  "::.",
  "",
];

type Mutation =
  | { op: "delete-line"; at: number }
  | { op: "duplicate-line"; at: number }
  | { op: "swap-lines"; at: number; other: number }
  | { op: "truncate"; at: number }
  | { op: "flip-char"; at: number; char: string }
  | { op: "insert"; at: number; text: string }
  | { op: "huge-timestamp"; at: number; side: 0 | 1; value: string };

const anyChar = fc.oneof(
  fc.constantFrom("<", ">", "&", ";", ":", ".", ",", "-", "/", "#", "v", "0", "9", " ", "\n", "\r", "{", '"'),
  fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
);
const digits = fc.string({ unit: fc.constantFrom("0", "1", "5", "9"), minLength: 1, maxLength: 24 });

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant("delete-line" as const), at: fc.nat() }),
  fc.record({ op: fc.constant("duplicate-line" as const), at: fc.nat() }),
  fc.record({ op: fc.constant("swap-lines" as const), at: fc.nat(), other: fc.nat() }),
  fc.record({ op: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({ op: fc.constant("flip-char" as const), at: fc.nat(), char: anyChar }),
  fc.record({
    op: fc.constant("insert" as const),
    at: fc.nat(),
    text: fc.oneof(fc.constantFrom(...INJECTIONS), fc.string({ unit: "binary", maxLength: 6 })),
  }),
  fc.record({
    op: fc.constant("huge-timestamp" as const),
    at: fc.nat(),
    side: fc.constantFrom(0 as const, 1 as const),
    value: fc.oneof(
      fc.constantFrom(...HUGE_TIMESTAMPS),
      digits.map((d) => `${d}:00:00.000`),
      digits.map((d) => `00:00:${d}.000`),
      digits.map((d) => `00:00:01.${d}`),
    ),
  }),
);

const TIMESTAMP = /\d+:\d+(?::\d+)?[.,]\d+/g;

function applyMutation(text: string, m: Mutation): string {
  if (m.op === "truncate") return text.slice(0, m.at % (text.length + 1));
  if (m.op === "flip-char") {
    const at = m.at % Math.max(text.length, 1);
    return text.slice(0, at) + m.char + text.slice(at + 1);
  }
  if (m.op === "insert") {
    const at = m.at % (text.length + 1);
    return text.slice(0, at) + m.text + text.slice(at);
  }
  const lines = text.split("\n");
  const at = m.at % lines.length;
  switch (m.op) {
    case "delete-line":
      lines.splice(at, 1);
      break;
    case "duplicate-line":
      lines.splice(at, 0, lines[at]!);
      break;
    case "swap-lines": {
      const other = m.other % lines.length;
      [lines[at], lines[other]] = [lines[other]!, lines[at]!];
      break;
    }
    case "huge-timestamp": {
      const timings = lines.flatMap((line, i) => (line.includes("-->") ? [i] : []));
      if (timings.length === 0) break;
      const index = timings[m.at % timings.length]!;
      let seen = 0;
      lines[index] = lines[index]!.replace(TIMESTAMP, (stamp) => (seen++ === m.side ? m.value : stamp));
      break;
    }
  }
  return lines.join("\n");
}

// ---- random text that looks a bit like a transcript ---------------------------------------------

const TOKENS = [
  "WEBVTT",
  "\uFEFF",
  "\n",
  "\n",
  "\n",
  "\r\n",
  "\r",
  " ",
  "\t",
  "-->",
  " --> ",
  "00:00:01.000",
  "00:00:02.500",
  "0:0:1.5",
  "01:02.345",
  "99:59:59.999",
  "00:00:00.000",
  "guid/1-0",
  "guid/1-1",
  "guid/2-0",
  "guid/1-",
  "NOTE",
  "<v Ann>",
  "<v Lee, Jordan (Guest)>",
  "<v>",
  "<v",
  "</v>",
  "hello",
  "world",
  "&amp;",
  "&apos;",
  "&#39;",
  "&#99999999;",
  "{",
  "}",
  '"speakerName":"Ann"',
  '"spokenText":"hi there"',
  '"startDateTime":"2026-03-08T08:22:30Z"',
  ",",
  ":",
  "[",
  "]",
  '{"speaker":"Ann","start":1,"end":2,"text":"hi"}',
  '"start":"2026-03-08T08:22:30Z"',
  "1e999",
  "-1",
  "null",
];
const tokenSoup = fc
  .array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 4 })), { maxLength: 80 })
  .map((parts) => parts.join(""));

const PREFIXES = ["", "WEBVTT\n\n", "\uFEFFWEBVTT\n\n", "WEBVTT\n\nid\n00:00:01.000 --> 00:00:02.000\n", "[", "{", " \n"];
const utf8 = new TextDecoder("utf-8"); // replaces invalid sequences with U+FFFD, never throws

describe("parseTranscript never throws and returns a well-formed result (fast-check)", () => {
  it("random strings, bare or after a format's opening", () => {
    fc.assert(
      fc.property(fc.constantFrom(...PREFIXES), fc.string({ unit: "binary", maxLength: 300 }), (prefix, rest) => checkParse(prefix + rest)),
      { numRuns: 800 },
    );
  });

  it("random bytes decoded as UTF-8", () => {
    fc.assert(
      fc.property(fc.constantFrom(...PREFIXES), fc.uint8Array({ maxLength: 400 }), (prefix, bytes) =>
        checkParse(prefix + utf8.decode(bytes)),
      ),
      { numRuns: 600 },
    );
  });

  it("token soup of transcript pieces", () => {
    fc.assert(
      fc.property(tokenSoup, (text) => checkParse(text)),
      { numRuns: 1000 },
    );
  });

  it(`mutations of the real fixtures (${fixtures.map((f) => f.name).join(", ")})`, () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(4);
    fc.assert(
      fc.property(fc.constantFrom(...fixtures), fc.array(mutation, { minLength: 1, maxLength: 6 }), (fixture, mutations) => {
        checkParse(mutations.reduce(applyMutation, fixture.text));
      }),
      { numRuns: 1000 },
    );
  });

  it("the invariant check itself catches broken results", () => {
    const broken = transcriptResultProblems("", {
      ok: true,
      value: {
        format: "vtt-download",
        cueCount: 1,
        startedAt: null,
        language: null,
        utterances: [
          { id: "u2", speaker: " Ann", startMs: 5, endMs: 3, text: "hi  <v Bob>there" },
          { id: "u2", speaker: "", startMs: 1, endMs: 1, text: "" },
        ],
      },
    });
    expect(broken.length).toBeGreaterThanOrEqual(8);
    const badError = transcriptResultProblems("", {
      ok: false,
      error: { kind: "transcript-error", code: "bad-cue", line: 0, message: "two\nlines" },
    });
    expect(badError).toHaveLength(2);
  });

  it("the unmutated fixtures satisfy the same invariants and parse", () => {
    for (const fixture of fixtures) {
      const result = parseTranscript(fixture.text);
      expect(result.ok, fixture.name).toBe(true);
      expect(transcriptResultProblems(fixture.text, result), fixture.name).toEqual([]);
    }
  });
});

// Parser bugs the fuzzing found, fixed; these keep them fixed.
describe("regressions found by fuzzing", () => {
  it("a JSON syntax error gives a one-line message", () => {
    // JSON.parse's message is embedded, and V8 quotes the input in it, newlines included.
    for (const input of ["[\n:", 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n{"a":\nx}\n']) {
      const result = parseTranscript(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).not.toMatch(/[\r\n]/);
    }
  });

  it("a metadataContent startDateTime near the end of the Date range does not throw", () => {
    const input = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n{"startDateTime":"-271821-04-20T00:00:00.000Z","spokenText":"hi"}\n';
    expect(() => parseTranscript(input)).not.toThrow(); // once: RangeError from toISOString
  });

  it("an unterminated <v at the end of a cue is markup, not text", () => {
    // The WebVTT cue-text tokenizer ends a tag at end of input.
    const result = parseTranscript("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhi <v Bob hello\n");
    expect(result.ok && result.value.utterances[0]?.text).not.toContain("<v");
  });

  it("a voice name written over two lines is whitespace-folded like the text", () => {
    // The spec folds white space in tag annotations.
    const result = parseTranscript("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Bob\nSmith>hello</v>\n");
    expect(result.ok && result.value.utterances[0]?.speaker).toBe("Bob Smith");
  });
});
