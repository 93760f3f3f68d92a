import type OpenAI from "openai";
import { z } from "zod";
import type { Failure } from "../result.js";
import type { RenderedPrompt } from "./prompt-store.js";

export interface LlmSettings {
  apiKey: string;
  baseURL: string | undefined;
  model: string;
  timeoutMs: number;
  /** Retries of 408/409/429/5xx and timeouts, with exponential backoff honouring Retry-After. */
  maxRetries: number;
}

/** Why a call gave no usable answer. Every failure is one of these, never a throw. */
export type LlmFailureCode = "timeout" | "unreachable" | "http" | "malformed" | "truncated" | "schema";
export interface LlmFailure extends Failure<LlmFailureCode> {
  /** The server's HTTP status, for `http`. */
  status?: number;
}

export interface LlmUsage {
  promptTokens: number;
  completionTokens: number;
  requests: number;
}

export type LlmResult<T> = { ok: true; value: T; usage: LlmUsage } | { ok: false; error: LlmFailure; usage: LlmUsage };

export interface Llm {
  readonly model: string;
  complete<T>(prompt: RenderedPrompt, schema: z.ZodType<T>): Promise<LlmResult<T>>;
}

type Message = { role: "system" | "user" | "assistant"; content: string };

/**
 * An OpenAI-compatible chat model (OpenAI, Azure OpenAI's v1 endpoint, Ollama, vLLM, llama.cpp) asked for
 * structured output. A reply that is not JSON or does not fit the schema gets one repair attempt that
 * feeds the errors back. Retries and Retry-After are the openai client's own.
 */
export function createLlm(settings: LlmSettings): Llm {
  // The openai package is imported at the first request, not when Attune starts (see docs/architecture.md).
  let client: Promise<OpenAI> | null = null;
  const connect = async () => {
    const { default: OpenAIClient } = await import("openai");
    return new OpenAIClient({
      apiKey: settings.apiKey,
      baseURL: settings.baseURL,
      timeout: settings.timeoutMs,
      maxRetries: settings.maxRetries,
    });
  };
  return {
    model: settings.model,
    async complete<T>(prompt: RenderedPrompt, schema: z.ZodType<T>): Promise<LlmResult<T>> {
      const usage: LlmUsage = { promptTokens: 0, completionTokens: 0, requests: 0 };
      const messages: Message[] = [
        { role: "system", content: prompt.system },
        { role: "user", content: prompt.user },
      ];
      const jsonSchema = z.toJSONSchema(schema, { target: "draft-7" }) as Record<string, unknown>;
      delete jsonSchema.$schema;
      for (let attempt = 0; attempt < 2; attempt++) {
        client ??= connect();
        const sent = await send(await client, settings.model, prompt, messages, jsonSchema, usage);
        if (!sent.ok) return { ok: false, error: sent.error, usage };
        const checked = check(sent.content, schema);
        if (checked.ok) return { ok: true, value: checked.value, usage };
        if (attempt === 1) return { ok: false, error: checked.error, usage };
        messages.push(
          { role: "assistant", content: sent.content.slice(0, 4000) },
          {
            role: "user",
            content: `That answer could not be used: ${checked.error.message}. Answer again with JSON only, matching the schema exactly.`,
          },
        );
      }
      return { ok: false, error: { code: "schema", message: "no answer" }, usage };
    },
  };
}

async function send(
  client: OpenAI,
  model: string,
  prompt: RenderedPrompt,
  messages: Message[],
  jsonSchema: Record<string, unknown>,
  usage: LlmUsage,
): Promise<{ ok: true; content: string } | { ok: false; error: LlmFailure }> {
  usage.requests++;
  const { countTextTokens } = await import("./token-count.js");
  usage.promptTokens += messages.reduce((sum, m) => sum + countTextTokens(m.content) + 4, 0);
  try {
    const completion = await client.chat.completions.create({
      model,
      messages,
      temperature: prompt.temperature,
      max_tokens: prompt.maxTokens,
      response_format: {
        type: "json_schema",
        json_schema: { name: prompt.output.replace(/[^a-zA-Z0-9_-]/g, "_"), schema: jsonSchema, strict: true },
      },
    });
    const choice = completion.choices[0];
    const content = choice?.message?.content ?? "";
    usage.completionTokens += completion.usage?.completion_tokens ?? countTextTokens(content);
    // An answer cut off at max_tokens may still parse (a shorter list), but it is not the whole answer.
    if (choice?.finish_reason === "length")
      return { ok: false, error: { code: "truncated", message: "the answer was cut off at the token limit" } };
    return { ok: true, content };
  } catch (error) {
    return { ok: false, error: toFailure(error, (await import("openai")).default) };
  }
}

function check<T>(content: string, schema: z.ZodType<T>): { ok: true; value: T } | { ok: false; error: LlmFailure } {
  let json: unknown;
  try {
    json = JSON.parse(stripFences(content));
  } catch (cause) {
    return { ok: false, error: { code: "malformed", message: `the reply is not JSON (${(cause as Error).message})` } };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
  return { ok: false, error: { code: "schema", message: `it does not match the schema (${issues.join("; ")})` } };
}

/** Some local servers wrap JSON in a Markdown fence despite the response format. */
function stripFences(content: string): string {
  const fenced = /^\s*```(?:json)?\s*([\s\S]*?)\s*```\s*$/.exec(content);
  return fenced ? fenced[1]! : content;
}

function toFailure(error: unknown, OpenAI: typeof import("openai").default): LlmFailure {
  if (error instanceof OpenAI.APIConnectionTimeoutError) return { code: "timeout", message: "the model did not answer in time" };
  if (error instanceof OpenAI.APIConnectionError)
    return { code: "unreachable", message: `cannot reach the model server (${error.message})` };
  if (error instanceof OpenAI.APIError && typeof error.status === "number") {
    return { code: "http", status: error.status, message: `the model server answered ${error.status}` };
  }
  throw new Error("unexpected failure calling the model", { cause: error });
}

export function describeFailure(failure: LlmFailure): string {
  return failure.code === "http" ? `${failure.message}` : `${failure.code}: ${failure.message}`;
}
