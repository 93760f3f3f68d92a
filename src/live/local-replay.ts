import { randomUUID } from "node:crypto";
import type { Utterance } from "../transcript/schema.js";
import { devKey, signDevToken } from "./dev-token.js";
import type { LiveHub } from "./live-hub.js";
import { replayPlan } from "./replay-plan.js";

export interface LocalReplay {
  meetingId: string;
  /** The side panel for the manager, outside Teams (a development token in the address). */
  panelPath: string;
  durationMs: number;
}

export interface LocalReplayer {
  start(input: { utterances: readonly Utterance[]; manager: string; title: string; speed: number }): Promise<LocalReplay | null>;
  stopAll(): void;
}

/**
 * The playground's live replay: a transcript fed into this instance's own live hub, paced by meeting time,
 * as `attune live replay` would send it over the ingest. At most `maxRunning` at once (null: try later).
 */
export function localReplayer(hub: LiveHub, dataDir: string, maxRunning = 3): LocalReplayer {
  const running = new Set<{ stop: () => void }>();
  return {
    async start({ utterances, manager, title, speed }) {
      if (running.size >= maxRunning) return null;
      const meetingId = `playground-${randomUUID().slice(0, 8)}`;
      const frames = replayPlan(utterances, { meetingId, manager, title });
      const token = await signDevToken(await devKey(dataDir), meetingId, manager, 3600);
      let timer: NodeJS.Timeout | undefined;
      const run = { stop: () => clearTimeout(timer) };
      running.add(run);
      const began = Date.now();
      let next = 0;
      const tick = async () => {
        while (next < frames.length && began + frames[next]!.atMs / speed <= Date.now()) await hub.handle(frames[next++]!.frame);
        if (next >= frames.length) running.delete(run);
        else timer = setTimeout(() => void tick(), Math.max(0, began + frames[next]!.atMs / speed - Date.now()));
      };
      // The start goes in at once, so the panel has a meeting to join.
      await tick();
      return {
        meetingId,
        panelPath: `/sidepanel?meetingId=${encodeURIComponent(meetingId)}&token=${encodeURIComponent(token)}`,
        durationMs: frames.at(-1)?.atMs ?? 0,
      };
    },
    stopAll() {
      for (const run of running) run.stop();
      running.clear();
    },
  };
}
