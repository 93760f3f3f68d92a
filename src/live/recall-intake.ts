import type { LiveHub } from "./live-hub.js";
import type { HubResult } from "./live-input.js";
import { mapRecallEvent, type RecallContext } from "./recall-events.js";

export type RecallResult = { ok: true; value: "applied" | "ignored" } | { ok: false; error: string };

/** A Recall.ai event into the live hub: its meeting is started on first sight, as Recall sends no start of its own. */
export async function takeRecallEvent(hub: Pick<LiveHub, "handle">, body: unknown, context: RecallContext): Promise<RecallResult> {
  const mapped = mapRecallEvent(body, context);
  if (!mapped.ok) return mapped;
  if ("ignored" in mapped) return { ok: true, value: "ignored" };
  for (const input of mapped.inputs) {
    let result: HubResult = await hub.handle(input);
    if (!result.ok && result.code === "not-started") {
      const started = await hub.handle(mapped.start);
      if (!started.ok) return started;
      result = await hub.handle(input);
    }
    if (!result.ok) return result;
  }
  return { ok: true, value: "applied" };
}

/** The endpoint URL's query says which meeting and manager a bot's events belong to. */
export function recallContext(url: URL): RecallContext {
  const meetingId = url.searchParams.get("meetingId")?.trim() || null;
  const manager = url.searchParams.get("manager")?.trim() || null;
  return { meetingId, manager };
}
