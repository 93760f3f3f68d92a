import { describe, expect, it } from "vitest";
import { parseTranscript } from "../../src/transcript/parse-transcript.js";
import { transcriptOf } from "../helpers/fixtures.js";

describe("Teams transcript shapes (test/fixtures/teams/README.md)", () => {
  it("download shape: merges chunks, decodes entities, keeps names as written, sorts by start", () => {
    const t = transcriptOf("teams/download-style.vtt");
    expect(t.format).toBe("vtt-download");
    expect(t.cueCount).toBe(19);
    expect(t.utterances).toHaveLength(9);
    expect(new Set(t.utterances.map((u) => u.speaker))).toEqual(new Set(["Renée Ortiz", "Lee, Jordan (Guest)"]));
    const worried = t.utterances[3]!;
    expect(worried.speaker).toBe("Lee, Jordan (Guest)");
    // chunks 6-0, 6-1 and the out-of-order 6-2 form one utterance, entities decoded
    expect(worried.text).toBe(
      "Honestly I'm worried about it. The migration script still fails on the larger tenants, and I'm the only one who knows that code & I'm on call that weekend. so it's",
    );
    expect([worried.startMs, worried.endMs]).toEqual([34_310, 49_100]);
    const starts = t.utterances.map((u) => u.startMs);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(t.utterances.map((u) => u.id)).toEqual(["u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9"]);
    expect(t.utterances.every((u) => !/[<>]|&\w+;|\s{2}/.test(u.text))).toBe(true);
  });

  it("Graph documentation shape: one-digit fields and short fractions", () => {
    const t = transcriptOf("teams/graph-docs-style.vtt");
    expect(t.format).toBe("vtt-graph");
    expect(t.utterances.map((u) => [u.startMs, u.endMs])).toEqual([
      [0, 5320],
      [5500, 9250],
      [62_125, 64_500],
    ]);
  });

  it("no attribution: keeps the cues with an unknown speaker, CRLF and NOTE handled", () => {
    const t = transcriptOf("teams/no-speaker.vtt");
    expect(t.utterances).toHaveLength(3);
    expect(t.utterances.every((u) => u.speaker === null)).toBe(true);
    expect(t.utterances.map((u) => u.text)).toEqual(["We lose who said what here.", "Empty voice tag too.", "Times are still real."]);
  });

  it("metadataContent: JSON payloads, speaker and text from the payload, absolute start kept", () => {
    const t = transcriptOf("teams/metadata-content.vtt");
    expect(t.format).toBe("vtt-metadata");
    expect(t.utterances.map((u) => u.speaker)).toEqual(["Renée Ortiz", "Lee, Jordan (Guest)"]);
    expect(t.utterances[1]!.text).toBe("Happy to be here. Can we start with the release?");
    expect(t.startedAt).toBe("2026-03-08T08:22:13.800Z");
  });

  it("AMI in Teams shape: the reference cue and utterance counts", () => {
    for (const [name, cues, utterances] of [
      ["ES2004a", 450, 341],
      ["IS1009a", 327, 247],
    ] as const) {
      const t = transcriptOf(`ami/${name}.teams.vtt`);
      expect(t.cueCount).toBe(cues);
      expect(t.utterances).toHaveLength(utterances);
    }
  });

  it("STYLE blocks, cue settings, class voices and CR-only line ends", () => {
    const vtt =
      "WEBVTT - made by hand\r\rSTYLE\r::cue { color: red }\r\r00:01.000 --> 00:02.500 align:start line:0\r<v.loud Ana Díaz>Hi <i>there</i></v>\r";
    const r = parseTranscript(vtt);
    expect(r.ok && r.value.utterances).toEqual([{ id: "u1", speaker: "Ana Díaz", startMs: 1000, endMs: 2500, text: "Hi there" }]);
  });
});

describe("plain JSON transcripts", () => {
  it("takes seconds", () => {
    const r = parseTranscript(
      JSON.stringify([
        { speaker: "Ana", start: 1.5, end: 3, text: "Hello &amp; welcome" },
        { speaker: "Bo", start: 0, end: 1, text: " Hi " },
      ]),
    );
    expect(r.ok && r.value.utterances.map((u) => [u.speaker, u.startMs, u.endMs, u.text])).toEqual([
      ["Bo", 0, 1000, "Hi"],
      ["Ana", 1500, 3000, "Hello & welcome"],
    ]);
  });

  it("takes ISO times, relative to the earliest", () => {
    const r = parseTranscript(
      JSON.stringify([
        { speaker: "Ana", start: "2026-01-01T10:00:05Z", end: "2026-01-01T10:00:07.5Z", text: "a" },
        { speaker: "Bo", start: "2026-01-01T10:00:00Z", end: "2026-01-01T10:00:02Z", text: "b" },
      ]),
    );
    expect(r.ok && r.value.utterances.map((u) => [u.startMs, u.endMs])).toEqual([
      [0, 2000],
      [5000, 7500],
    ]);
    expect(r.ok && r.value.startedAt).toBe("2026-01-01T10:00:00.000Z");
  });

  it("names the item and the field that is wrong", () => {
    const r = parseTranscript(
      JSON.stringify([
        { speaker: "Ana", start: 0, end: 1, text: "ok" },
        { speaker: "Bo", start: 0, text: "no end" },
      ]),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.line).toBe(2);
      expect(r.error.message).toMatch(/^item 2: end: /);
    }
  });
});

describe("bad input is a typed error with a line number", () => {
  const cases: [string, string, number | null, RegExp][] = [
    ["no header", "00:00:01.000 --> 00:00:02.000\n<v A>hi</v>\n", 1, /not a transcript/],
    ["wrong header", "WEBVTX\n\n00:00:01.000 --> 00:00:02.000\nhi\n", 1, /not a transcript/],
    ["header with junk", "WEBVTTX\n\n00:00:01.000 --> 00:00:02.000\nhi\n", 1, /first line to be 'WEBVTT'/],
    ["bad timestamp", "WEBVTT\n\n00:00:01.000 --> 00:00:0x.000\nhi\n", 3, /expected timestamps/],
    ["id without timing", "WEBVTT\n\nabc/1-0\nhello\n", 4, /expected a cue timing/],
    ["end before start", "WEBVTT\n\n00:00:05.000 --> 00:00:01.000\nhi\n", 3, /ends .* before it starts/],
    ["minutes out of range", "WEBVTT\n\n00:61:00.000 --> 00:62:00.000\nhi\n", 3, /expected timestamps/],
    ["empty", "", null, /empty/],
    ["broken JSON", "[{", null, /not valid JSON/],
  ];
  for (const [name, input, line, message] of cases) {
    it(name, () => {
      const r = parseTranscript(input);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.kind).toBe("transcript-error");
      expect(r.error.line).toBe(line);
      expect(r.error.message).toMatch(message);
      expect(r.error.message).not.toContain("\n");
    });
  }
});
