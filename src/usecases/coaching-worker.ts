/**
 * The worker thread's side of coaching-thread.ts: it coaches what the main thread sends, with a coach of
 * its own built from the settings it was started with (a model client cannot cross threads).
 */
import { parentPort, workerData } from "node:worker_threads";
import type { CoachDeps } from "../coaching/coach.js";
import { createLlm } from "../llm/client.js";
import { loadPrompts } from "../llm/prompt-store.js";
import { coachMeasuredMeeting, coachTranscript } from "./coach-transcript.js";
import type { CoachingThreadSettings, ThreadReply, ThreadRequest } from "./coaching-thread.js";

const settings = workerData as CoachingThreadSettings;
let coach: Promise<CoachDeps> | null = null;

function coachDeps(): Promise<CoachDeps> {
  coach ??= (async () => {
    if (!settings.llm || !settings.promptsDir) return { llm: null, prompts: null };
    const prompts = await loadPrompts(settings.promptsDir);
    if (!prompts.ok) throw new Error(prompts.error.message);
    return { llm: createLlm(settings.llm), prompts: prompts.value };
  })();
  return coach;
}

async function run(request: ThreadRequest): Promise<unknown> {
  if (request.kind === "transcript") {
    const { text, coach: wanted, ...rest } = request.request;
    return coachTranscript(text, { ...rest, ...(wanted && { coach: coachDeps }) });
  }
  return coachMeasuredMeeting(request.meeting, await coachDeps());
}

parentPort?.on("message", (request: ThreadRequest) => {
  run(request).then(
    (value) => parentPort?.postMessage({ id: request.id, ok: true, value } satisfies ThreadReply),
    (error: unknown) =>
      parentPort?.postMessage({
        id: request.id,
        ok: false,
        message: error instanceof Error ? error.message : String(error),
      } satisfies ThreadReply),
  );
});
