import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type ReplayFixtures, replayKey } from "../../test/helpers/model-replay.js";

/** One chat-completions request as it arrived: the body's bytes exactly, and what they say. */
export interface Recorded {
  body: Buffer;
  key: string;
  prompt: string;
  messages: { role: string; content: string }[];
  answerSchema: unknown;
  answered: boolean;
}

/** Largest request body read (Attune's requests are a few kilobytes). */
const MAX_BODY = 2_000_000;

/**
 * A local OpenAI-compatible endpoint on 127.0.0.1 that keeps every request byte for byte and answers it from
 * the replay fixtures, or with a 404 naming the missing key (so the coach stops there, as with a failed model).
 */
export async function startRecordingServer(
  fixtures: ReplayFixtures,
): Promise<{ baseURL: string; recorded: Recorded[]; stop: () => Promise<void> }> {
  const recorded: Recorded[] = [];
  const server = createServer((req, res) => void handle(req, res));
  server.on("clientError", (_error, socket) => socket.destroy());
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    req.on("error", () => res.destroy());
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY) {
        res.writeHead(413).end();
        return;
      }
      chunks.push(chunk as Buffer);
    }
    const json = (status: number, body: unknown): void => {
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    };
    if (req.method !== "POST" || !req.url?.endsWith("/chat/completions")) return json(404, { error: { message: "not found" } });
    const body = Buffer.concat(chunks);
    const parsed = JSON.parse(body.toString("utf8")) as {
      model: string;
      messages: { role: string; content: string }[];
      response_format?: { json_schema?: { name?: string; schema?: unknown } };
    };
    const key = replayKey(parsed.messages);
    const fixture = fixtures.get(key);
    const prompt = parsed.response_format?.json_schema?.name ?? "unknown";
    recorded.push({
      body,
      key,
      prompt,
      messages: parsed.messages,
      answerSchema: parsed.response_format?.json_schema?.schema ?? null,
      answered: !!fixture,
    });
    if (!fixture) return json(404, { error: { message: `no replay fixture for request ${key} (${prompt})` } });
    const content = JSON.stringify(fixture.answer);
    json(200, {
      id: `chatcmpl-replay-${recorded.length}`,
      object: "chat.completion",
      created: 1_764_000_000,
      model: parsed.model,
      choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
      usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
    });
  }
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    recorded,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
