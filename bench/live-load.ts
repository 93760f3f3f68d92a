/** The load of `npm run bench:live`: meetings of four speakers, one segment a second each, and the manager's panel per meeting. */
import WebSocket from "ws";

export interface LoadSpec {
  ingestUrl: string;
  panelUrl: string;
  ingestToken: string;
  panelToken: (meetingId: string) => Promise<string>;
  meetings: number;
  warmupS: number;
  measureS: number;
}

export interface LoadResult {
  latenciesMs: number[];
  sent: number;
  /** Segments whose state never came back within the run. */
  missing: number;
}

const SPEAKERS = ["Speaker 0", "Speaker 1", "Speaker 2", "Speaker 3"];

async function open(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  const ws = new WebSocket(url, { headers });
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
  return ws;
}

/** `whileLoaded` runs after the measured window, with every meeting and socket still open (memory is measured then). */
export async function runLoad(spec: LoadSpec, onPhase: (text: string) => void, whileLoaded: () => Promise<void>): Promise<LoadResult> {
  const ids = Array.from({ length: spec.meetings }, (_, i) => `bench-${Date.now().toString(36)}-${i}`);
  const pending = new Map<string, { endMs: number; sentAt: number }[]>();
  const latencies: number[] = [];
  let measuring = false;
  const ingests: WebSocket[] = [];
  const panels: WebSocket[] = [];
  onPhase(`connecting ${spec.meetings} ingest and ${spec.meetings} panel sockets`);
  for (let i = 0; i < ids.length; i += 50) {
    await Promise.all(
      ids.slice(i, i + 50).map(async (meetingId) => {
        const ingest = await open(spec.ingestUrl, { authorization: `Bearer ${spec.ingestToken}` });
        ingests.push(ingest);
        ingest.send(JSON.stringify({ type: "start", meetingId, manager: SPEAKERS[0], participants: SPEAKERS.slice(1) }));
        await new Promise((resolve) => ingest.once("message", resolve));
        const panel = await open(`${spec.panelUrl}?meetingId=${encodeURIComponent(meetingId)}`);
        panel.send(JSON.stringify({ type: "auth", token: await spec.panelToken(meetingId) }));
        panel.on("message", (data) => {
          const frame = JSON.parse(data.toString()) as { type: string; atMs?: number };
          if (frame.type !== "state" || frame.atMs === undefined) return;
          const queue = pending.get(meetingId) ?? [];
          const now = performance.now();
          while (queue.length > 0 && queue[0]!.endMs <= frame.atMs) {
            const { sentAt } = queue.shift()!;
            if (measuring) latencies.push(now - sentAt);
          }
        });
        panels.push(panel);
        pending.set(meetingId, []);
      }),
    );
  }
  onPhase(`running: ${spec.warmupS} s warm-up, then ${spec.measureS} s measured`);
  let sent = 0;
  const began = performance.now();
  let tick = 0;
  /** Tick t (every 10 ms): a hundredth of the meetings sends its next segment, so each sends one a second, spread evenly. */
  const sendTick = (t: number) => {
    const second = Math.floor(t / 100);
    for (let i = t % 100; i < ids.length; i += 100) {
      const meetingId = ids[i]!;
      const speaker = SPEAKERS[(Math.floor(second / 5) + i) % 4]!;
      const startMs = second * 1000;
      const endMs = startMs + 900;
      ingests[i]!.send(
        JSON.stringify({
          type: "segment",
          meetingId,
          speaker,
          startMs,
          endMs,
          text: "so the plan for this week is what we said",
          final: true,
        }),
      );
      pending.get(meetingId)!.push({ endMs, sentAt: performance.now() });
      if (measuring) sent++;
    }
  };
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const elapsed = performance.now() - began;
      if (elapsed > (spec.warmupS + spec.measureS) * 1000) {
        clearInterval(timer);
        resolve();
        return;
      }
      measuring = elapsed > spec.warmupS * 1000;
      // Catch up on ticks a busy event loop delayed, so the rate stays one segment a second per meeting.
      for (const due = Math.floor(elapsed / 10); tick <= due; tick++) sendTick(tick);
    }, 10);
  });
  await new Promise((resolve) => setTimeout(resolve, 2000));
  let missing = 0;
  for (const queue of pending.values()) missing += queue.length;
  await whileLoaded();
  for (const ws of [...ingests, ...panels]) ws.terminate();
  return { latenciesMs: latencies, sent, missing };
}
