import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { createGraphTokenSource } from "../../src/graph/token.js";
import { createGraphTranscripts } from "../../src/graph/transcripts.js";
import { FakeGraph, graphEnv } from "../helpers/fake-graph.js";

const ORGANIZER = "6b1f8c8e-2d3b-4c39-9a3e-0f1a2b3c4d5e";
const MEETING = "MSo2YjFm";

let graph: FakeGraph;
let url: string;
beforeAll(async () => {
  graph = new FakeGraph();
  url = await graph.start();
});
afterAll(async () => graph.stop());

function transcripts(env: Record<string, string> = graphEnv(url)) {
  const loaded = loadConfig(env);
  if (!loaded.ok) throw new Error(loaded.problems.join("; "));
  return createGraphTranscripts(loaded.config.graph, createGraphTokenSource(loaded.config.graph));
}

describe("Graph transcripts, as one result shape", () => {
  it("a transcript is a value; none yet is the value null", async () => {
    expect(await transcripts().latest(ORGANIZER, MEETING)).toEqual({
      ok: true,
      value: { text: expect.stringMatching(/^WEBVTT/), attributed: true },
    });
    graph.transcripts = () => FakeGraph.empty;
    expect(await transcripts().latest(ORGANIZER, MEETING)).toEqual({ ok: true, value: null });
  });

  it("a failure has a code, says whether to retry, and what to do", async () => {
    graph.transcripts = () => ({ status: 503, body: {} });
    expect(await transcripts().latest(ORGANIZER, MEETING)).toEqual({
      ok: false,
      error: { code: "http", retry: true, message: "listing the meeting's transcripts: Graph answered 503" },
    });
    graph.transcripts = () => ({ status: 403, body: { error: { code: "Forbidden" } } });
    const refused = await transcripts().latest(ORGANIZER, MEETING);
    expect(!refused.ok && refused.error).toMatchObject({ code: "no-permission", retry: false });
    expect(!refused.ok && refused.error.message).toContain("grant OnlineMeetingTranscript.Read.All");
    const unconfigured = await transcripts({ GRAPH_BASE_URL: `${url}/v1.0`, AUTHORITY_HOST: url }).latest(ORGANIZER, MEETING);
    expect(!unconfigured.ok && unconfigured.error).toMatchObject({ code: "not-configured", retry: false });
  });
});
