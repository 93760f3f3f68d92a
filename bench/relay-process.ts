/**
 * The baseline for `npm run bench:live`: the same sockets and frames with nothing of Attune in between. Ingest
 * frames are parsed and relayed to the meeting's panels as a small JSON frame. Forked like live-server-process.ts.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";
import { answerStats } from "./process-stats.js";

const rooms = new Map<string, Set<WebSocket>>();
const wss = new WebSocketServer({ noServer: true });
const server = createServer();
server.on("upgrade", (req, socket, head) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  wss.handleUpgrade(req, socket, head, (ws) => {
    if (url.pathname === "/live/panel") {
      const id = url.searchParams.get("meetingId") ?? "";
      ws.once("message", () => {
        const room = rooms.get(id) ?? new Set();
        rooms.set(id, room);
        room.add(ws);
        ws.on("close", () => room.delete(ws));
      });
      return;
    }
    ws.on("message", (data) => {
      const frame = JSON.parse(data.toString()) as { type: string; meetingId: string; endMs?: number };
      const out = JSON.stringify({ type: "state", meetingId: frame.meetingId, atMs: frame.endMs ?? 0 });
      for (const panel of rooms.get(frame.meetingId) ?? []) panel.send(out);
      if (frame.type === "start") ws.send(JSON.stringify({ type: "accepted", meetingId: frame.meetingId }));
    });
  });
});
server.listen(0, "127.0.0.1", () => process.send?.({ type: "ready", url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
process.on("message", (message: { type: string }) => {
  if (answerStats(message, () => ({ meetings: rooms.size, stateBytes: 0 }))) return;
  if (message.type === "stop") process.exit(0);
});
