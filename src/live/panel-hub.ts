import type { WebSocket } from "ws";
import type { Logger } from "../log.js";
import type { LiveBus, Unsubscribe } from "./bus.js";
import type { MeetingSummary } from "./meeting-summary.js";
import { placeOf, stateFrameFor, type Place } from "./panel-frames.js";
import { CLOSE, firstProblem, panelAuthFrameSchema, type PanelFrame } from "./protocol.js";
import type { Viewer, ViewerAuth } from "./viewer-auth.js";

export interface PanelHubDeps {
  bus: LiveBus;
  auth: ViewerAuth;
  log: Logger;
  /** A panel must send its auth frame within this long. */
  authTimeoutMs?: number;
  /** A panel that has this much unsent is not sent state frames until it catches up (they are snapshots: the next one will do). */
  maxBufferedBytes?: number;
}

interface Panel {
  ws: WebSocket;
  viewer: Viewer;
  place: Place | null;
}

interface Room {
  panels: Set<Panel>;
  latest: MeetingSummary | null;
  unsubscribe: Unsubscribe;
}

export interface PanelHub {
  /** A new /live/panel socket for a meeting: authenticate, find the viewer's place, then keep them posted. */
  attach(ws: WebSocket, meetingId: string): void;
  stats(): { panels: number; skippedFrames: number; maxBufferedBytes: number };
  close(): void;
}

/** A nudge this recent (meeting time) is shown to an organizer whose panel opens after it. */
const RECENT_NUDGE_MS = 2 * 60_000;

export function createPanelHub(deps: PanelHubDeps): PanelHub {
  const authTimeoutMs = deps.authTimeoutMs ?? 10_000;
  const maxBuffered = deps.maxBufferedBytes ?? 64 * 1024;
  const rooms = new Map<string, Room>();
  let skipped = 0;
  let maxSeen = 0;

  function send(panel: Panel, frame: PanelFrame, droppable: boolean): void {
    const buffered = panel.ws.bufferedAmount;
    maxSeen = Math.max(maxSeen, buffered);
    if (droppable && buffered > maxBuffered) {
      skipped++;
      return;
    }
    // Even a nudge waits no longer than four times the limit: a panel that reads nothing is closed.
    if (buffered > maxBuffered * 4) {
      panel.ws.close(1013, "the panel is not reading; reconnect");
      return;
    }
    panel.ws.send(JSON.stringify(frame));
  }

  function place(room: Room, panel: Panel): void {
    if (!room.latest || panel.place) return;
    const found = placeOf(room.latest, panel.viewer);
    if (!found) {
      panel.ws.close(CLOSE.forbidden, "you are not in this meeting as its live source names people");
      return;
    }
    panel.place = found;
    send(panel, stateFrameFor(room.latest, found), true);
    // Opened just after a nudge (as the in-meeting notification does): the organizer sees it too.
    const last = room.latest.lastNudge;
    if (found.organizer && last && room.latest.atMs - last.atMs <= RECENT_NUDGE_MS) send(panel, last, false);
  }

  function roomFor(meetingId: string): Room {
    const existing = rooms.get(meetingId);
    if (existing) return existing;
    const room: Room = { panels: new Set(), latest: null, unsubscribe: () => undefined };
    room.unsubscribe = deps.bus.subscribe(meetingId, (message) => {
      if (message.kind === "summary") {
        room.latest = message.summary;
        for (const panel of room.panels) {
          if (panel.place) send(panel, stateFrameFor(message.summary, panel.place), true);
          else place(room, panel);
        }
      } else if (message.kind === "nudge") {
        for (const panel of room.panels)
          if (panel.place?.organizer && panel.place.name === message.manager) send(panel, message.nudge, false);
      } else {
        for (const panel of room.panels) {
          send(panel, { type: "ended", meetingId }, false);
          panel.ws.close(1000, "the meeting ended");
        }
      }
    });
    rooms.set(meetingId, room);
    deps.bus.latest(meetingId).then(
      (summary) => {
        if (!summary || room.latest) return;
        room.latest = summary;
        for (const panel of room.panels) place(room, panel);
      },
      (error: unknown) => deps.log.warn({ meetingId, err: { message: (error as Error).message } }, "latest live summary unavailable"),
    );
    return room;
  }

  function leave(meetingId: string, panel: Panel): void {
    const room = rooms.get(meetingId);
    if (!room) return;
    room.panels.delete(panel);
    if (room.panels.size === 0) {
      room.unsubscribe();
      rooms.delete(meetingId);
    }
  }

  return {
    attach(ws, meetingId) {
      const timer = setTimeout(() => ws.close(CLOSE.unauthenticated, 'send {"type":"auth","token"} first'), authTimeoutMs);
      let authed = false;
      ws.on("message", (data) => {
        if (authed) return;
        authed = true;
        clearTimeout(timer);
        let json: unknown;
        try {
          json = JSON.parse(data.toString());
        } catch {
          ws.close(CLOSE.unauthenticated, 'the first frame must be {"type":"auth","token"}');
          return;
        }
        const frame = panelAuthFrameSchema.safeParse(json);
        if (!frame.success) {
          ws.close(CLOSE.unauthenticated, `no token: ${firstProblem(frame.error)}`);
          return;
        }
        void deps.auth.verify(frame.data.token).then((checked) => {
          if (!checked.ok) return ws.close(checked.code, checked.reason);
          if (checked.value.meetingId !== null && checked.value.meetingId !== meetingId)
            return ws.close(CLOSE.forbidden, "this token is for another meeting");
          if (ws.readyState !== ws.OPEN) return;
          const panel: Panel = { ws, viewer: checked.value, place: null };
          const room = roomFor(meetingId);
          room.panels.add(panel);
          ws.on("close", () => leave(meetingId, panel));
          place(room, panel);
        });
      });
      ws.on("close", () => clearTimeout(timer));
    },
    stats() {
      let panels = 0;
      for (const room of rooms.values()) panels += room.panels.size;
      return { panels, skippedFrames: skipped, maxBufferedBytes: maxSeen };
    },
    close() {
      for (const room of rooms.values()) {
        room.unsubscribe();
        for (const panel of room.panels) panel.ws.close(1001, "Attune is restarting; reconnect");
      }
      rooms.clear();
    },
  };
}
