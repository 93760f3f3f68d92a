import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { type ReplayFixtures, replayKey } from "./model-replay.js";

/** The parsed body of one chat-completions request the fake received. */
export interface RecordedRequest {
  path: string;
  authorization: string | undefined;
  body: {
    model: string;
    messages: { role: string; content: string }[];
    response_format?: { type: string; json_schema?: { name: string; schema: unknown; strict?: boolean } };
    temperature?: number;
    max_tokens?: number;
  };
}

/** What the fake does with one request: answer with content, fail with a status, or never answer. */
export type Step =
  | { content: string | ((request: RecordedRequest) => string); finishReason?: "stop" | "length" }
  | { status: number; headers?: Record<string, string>; body?: unknown }
  | { hang: true }
  /** Chooses the step by the request (the replay mode answers from fixtures, or fails naming the missing key). */
  | { decide: (request: RecordedRequest) => Step };

/**
 * An OpenAI-compatible server on 127.0.0.1 for tests, driven through the real `openai` client.
 * Steps are taken in order; when they run out, `fallback` answers (by default a 500).
 */
export class FakeOpenAi {
  readonly requests: RecordedRequest[] = [];
  private steps: Step[] = [];
  private readonly server: Server;
  private readonly hanging = new Set<ServerResponse>();
  fallback: Step = { status: 500, body: { error: { message: "no scripted answer left" } } };

  constructor() {
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  script(...steps: Step[]): void {
    this.steps.push(...steps);
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== "POST" || !req.url?.endsWith("/chat/completions")) {
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "not found" } }));
      return;
    }
    const request: RecordedRequest = {
      path: req.url,
      authorization: req.headers.authorization,
      body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as RecordedRequest["body"],
    };
    this.requests.push(request);
    let step = this.steps.shift() ?? this.fallback;
    while ("decide" in step) step = step.decide(request);
    if ("hang" in step) {
      this.hanging.add(res);
      return;
    }
    if ("status" in step) {
      res
        .writeHead(step.status, { "content-type": "application/json", ...step.headers })
        .end(JSON.stringify(step.body ?? { error: { message: `status ${step.status}` } }));
      return;
    }
    const content = typeof step.content === "function" ? step.content(request) : step.content;
    res.writeHead(200, { "content-type": "application/json" }).end(
      JSON.stringify({
        id: `chatcmpl-${this.requests.length}`,
        object: "chat.completion",
        created: 1_764_000_000,
        model: request.body.model,
        choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: step.finishReason ?? "stop" }],
        usage: { prompt_tokens: 100, completion_tokens: Math.ceil(content.length / 4), total_tokens: 100 + Math.ceil(content.length / 4) },
      }),
    );
  }
}

/** The JSON items between the data markers of the first user message of a request. */
export function dataItems(request: RecordedRequest): Record<string, unknown>[] {
  const user = request.body.messages.filter((m) => m.role === "user")[0]!.content;
  const open = /<(transcript-data-[0-9a-f]+)>\n/.exec(user);
  if (!open) throw new Error("no data block in the request");
  const body = user.slice(open.index + open[0].length, user.indexOf(`\n</${open[1]}>`));
  return body.split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** An utterance as the listening-moments request shows it. */
export interface ShownItem {
  id: string;
  who: string;
  text: string;
}

/** A moment the listening-moments request asks about, with its utterances as shown. */
export interface MomentItem {
  moment: string;
  kind: string;
  person: string;
  said: ShownItem[];
  reply: ShownItem | null;
}

/** The conversation a listening-moments request shows, and its moments with their utterances looked up. */
export function shownConversation(request: RecordedRequest): { shown: ShownItem[]; moments: MomentItem[] } {
  const items = dataItems(request);
  const shown = items.filter((i) => typeof i.id === "string") as unknown as ShownItem[];
  const byId = new Map(shown.map((s) => [s.id, s]));
  const moments = items
    .filter((i) => typeof i.moment === "string")
    .map((i) => ({
      moment: i.moment as string,
      kind: i.kind as string,
      person: i.person as string,
      said: (i.said as string[]).map((id) => byId.get(id)!),
      reply: typeof i.reply === "string" ? byId.get(i.reply)! : null,
    }));
  return { shown, moments };
}

/**
 * A well-behaved model: one grounded answer per moment it was sent (the first sentence of the first utterance,
 * said back in at most twenty of its words), and no praise.
 */
export function goodMomentsAnswer(
  request: RecordedRequest,
  override: (item: MomentItem, answer: Record<string, unknown>) => void = () => {},
): string {
  const moments = shownConversation(request).moments.map((item) => {
    const first = item.said[0]!;
    const quote = first.text.split(/(?<=[.!?])\s+/)[0]!.replace(/ …$/, "");
    const gist = quote
      .split(" ")
      .slice(0, 20)
      .join(" ")
      .toLowerCase()
      .replace(/[.!?,;:]$/, "");
    const answer: Record<string, unknown> = {
      momentId: item.moment,
      utteranceId: first.id,
      kind: item.kind,
      quote,
      restatementDue: true,
      whatHappened: "You moved on before saying back what you heard.",
      suggestion: `Model: it sounds like ${gist}. Did I get that right?`,
    };
    override(item, answer);
    return answer;
  });
  return JSON.stringify({ moments, praise: [] });
}

export const goodSummaryAnswer = JSON.stringify({
  habit: "Model habit: say back each worry before you answer it.",
  wentWell: "You checked your understanding once.",
});

export function isSummaryRequest(request: RecordedRequest): boolean {
  return request.body.response_format?.json_schema?.name === "coaching-summary";
}

/** A model that answers every request well: moments for the moments prompt, a habit for the summary. */
export const wellBehavedModel: Step = { content: (r) => (isSummaryRequest(r) ? goodSummaryAnswer : goodMomentsAnswer(r)) };

/**
 * A well-behaved fake model for a whole test file: started before its tests, stopped after. Read `fake` and
 * `baseURL` inside tests (they are set once the server is up).
 */
export function wellBehavedModelForFile(): { readonly fake: FakeOpenAi; readonly baseURL: string } {
  const model = { fake: new FakeOpenAi(), baseURL: "" };
  beforeAll(async () => {
    model.baseURL = await model.fake.start();
    model.fake.fallback = wellBehavedModel;
  });
  afterAll(async () => model.fake.stop());
  return model;
}

/**
 * A fresh fake model for each test of a file (nothing scripted: each test scripts its own answers), stopped
 * after it. Read `fake` and `baseURL` inside tests.
 */
export function fakeModelPerTest(): { readonly fake: FakeOpenAi; readonly baseURL: string } {
  const model = { fake: new FakeOpenAi(), baseURL: "" };
  beforeEach(async () => {
    model.fake = new FakeOpenAi();
    model.baseURL = await model.fake.start();
  });
  afterEach(async () => model.fake.stop());
  return model;
}

/**
 * Replay mode: every request is answered from the fixtures keyed by replayKey (a stable hash of its messages);
 * a request with no fixture gets a 404 whose message names the missing key, and the key is kept in `missing`.
 */
export function replayStep(fixtures: ReplayFixtures, missing: string[]): Step {
  return {
    decide: (request) => {
      const key = replayKey(request.body.messages);
      const fixture = fixtures.get(key);
      if (fixture) return { content: JSON.stringify(fixture.answer) };
      missing.push(key);
      const prompt = request.body.response_format?.json_schema?.name ?? "unknown prompt";
      return {
        status: 404,
        body: { error: { message: `no replay fixture for request ${key} (${prompt}); render it with scripts/model-requests.ts` } },
      };
    },
  };
}
