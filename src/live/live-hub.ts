import type { Logger } from "../log.js";
import type { LiveSnapshotStore } from "../storage/live-snapshots.js";
import type { LiveBus, Unsubscribe } from "./bus.js";
import { liveInputSchema, type HubResult, type LiveInput } from "./live-input.js";
import type { LiveOptions } from "./live-options.js";
import { fromSnapshot, toSnapshot } from "./live-snapshot.js";
import { liveView } from "./live-view.js";
import { summarize } from "./meeting-summary.js";
import { applySegment, speechHeard, finishMeeting, joinPerson, leavePerson, newMeeting, type MeetingState } from "./meeting-state.js";
import { nextNudge, type Nudge } from "./nudge-policy.js";

export interface LiveHubDeps {
  bus: LiveBus;
  snapshots: LiveSnapshotStore | null;
  options: LiveOptions;
  log: Logger;
  /** A meeting with no input for this long (wall time) is ended and forgotten. */
  idleMs: number;
  /** Changed meetings are snapshotted this often. */
  snapshotEveryMs: number;
  /** Most meetings one instance follows at once. */
  maxMeetings: number;
  /** Told of every nudge sent (the optional in-meeting notification). */
  onNudge?: (meeting: { meetingId: string; manager: string }, nudge: Nudge) => void;
  now?: () => number;
}

export interface LiveHub {
  handle(input: LiveInput): Promise<HubResult>;
  /** Meetings owned, and the size of their state as snapshotted (JSON bytes, all of them). */
  stats(): { meetings: number; stateBytes: number };
  /** Snapshots every meeting (so a restart resumes them) and lets go of them. */
  close(): Promise<void>;
}

interface Owned {
  state: MeetingState;
  lastInputAt: number;
  dirty: boolean;
  publishQueued: boolean;
  stopForwarded: Unsubscribe;
  lastNudge: Nudge | null;
  /** Wall time of the last snapshot and the last claim renewal. */
  savedAt: number;
  claimedAt: number;
}

/** The meetings this instance owns: their state, their nudges, their snapshots and their expiry. */
/** Meetings snapshotted per statement. */
const SNAPSHOT_BATCH = 10;
const SWEEP_MS = 1000;

export function createLiveHub(deps: LiveHubDeps): LiveHub {
  const { bus, options, log } = deps;
  const now = deps.now ?? Date.now;
  const owned = new Map<string, Owned>();
  const opening = new Map<string, Promise<Owned | null>>();
  const claimTtlMs = Math.max(30_000, deps.idleMs);

  async function open(meetingId: string, start: MeetingState | null): Promise<Owned | null> {
    if (owned.size >= deps.maxMeetings) return null;
    if (!(await bus.claim(meetingId, claimTtlMs))) return null;
    let state = start;
    const stored = deps.snapshots ? await deps.snapshots.load(meetingId) : null;
    if (stored !== null) {
      const resumed = fromSnapshot(stored);
      if (resumed.ok) state = resumed.value;
      else log.warn({ meetingId, reason: resumed.error }, "live snapshot not resumed");
    }
    if (!state) {
      await bus.release(meetingId);
      return null;
    }
    const meeting: Owned = {
      state,
      lastInputAt: now(),
      dirty: true,
      publishQueued: false,
      stopForwarded: () => undefined,
      lastNudge: null,
      // A new meeting is due for its first snapshot at a random moment of the period: the work spreads out.
      savedAt: now() - Math.random() * deps.snapshotEveryMs,
      claimedAt: now(),
    };
    meeting.stopForwarded = bus.onForwarded(meetingId, (raw) => {
      const input = liveInputSchema.safeParse(raw);
      if (!input.success || input.data.meetingId !== meetingId)
        return log.warn({ meetingId }, "forwarded live input of an unknown shape ignored");
      hub.handle(input.data).catch(logFailure("forwarded live input"));
    });
    owned.set(meetingId, meeting);
    if (stored !== null) log.info({ meetingId }, "live meeting resumed from its snapshot");
    return meeting;
  }

  function publishSoon(meeting: Owned): void {
    if (meeting.publishQueued) return;
    meeting.publishQueued = true;
    setImmediate(() => {
      meeting.publishQueued = false;
      if (owned.get(meeting.state.meetingId) !== meeting) return;
      const view = liveView(meeting.state, options);
      bus.publish(meeting.state.meetingId, {
        kind: "summary",
        summary: summarize(meeting.state.meetingId, meeting.state.title, view, meeting.lastNudge),
        sentAt: now(),
      });
    });
  }

  function afterChange(meeting: Owned): void {
    meeting.dirty = true;
    meeting.lastInputAt = now();
    const nudge = nextNudge(meeting.state, liveView(meeting.state, options), options);
    if (nudge) {
      meeting.lastNudge = nudge;
      const { meetingId, manager } = meeting.state;
      bus.publish(meetingId, { kind: "nudge", meetingId, manager, nudge });
      deps.onNudge?.({ meetingId, manager }, nudge);
      log.info({ meetingId, kind: nudge.kind, atMs: nudge.atMs }, "live nudge");
    }
    publishSoon(meeting);
  }

  async function end(meeting: Owned, why: "end" | "idle"): Promise<void> {
    const { meetingId } = meeting.state;
    owned.delete(meetingId);
    meeting.stopForwarded();
    finishMeeting(meeting.state, options);
    const view = liveView(meeting.state, options);
    bus.publish(meetingId, { kind: "summary", summary: summarize(meetingId, meeting.state.title, view, meeting.lastNudge), sentAt: now() });
    bus.publish(meetingId, { kind: "ended", meetingId });
    await deps.snapshots?.remove(meetingId);
    await bus.release(meetingId);
    log.info({ meetingId, why, nudges: meeting.state.policy.sent }, "live meeting ended");
  }

  async function meetingFor(meetingId: string, start: MeetingState | null): Promise<Owned | null> {
    const have = owned.get(meetingId);
    if (have) return have;
    let pending = opening.get(meetingId);
    if (!pending) {
      pending = open(meetingId, start).finally(() => opening.delete(meetingId));
      opening.set(meetingId, pending);
    }
    return pending;
  }

  const hub: LiveHub = {
    async handle(input) {
      const { meetingId } = input;
      if (input.type === "start") {
        const known = owned.get(meetingId);
        const meeting = known ?? (await meetingFor(meetingId, newMeeting(input)));
        if (!meeting) return forwardOrRefuse(input);
        if (known || meeting.state.manager === "") {
          if (meeting.state.manager === "") meeting.state.manager = input.manager;
          for (const name of [input.manager, ...(input.participants ?? [])]) joinPerson(meeting.state, name, meeting.state.buffer.clockMs);
        }
        afterChange(meeting);
        return { ok: true, value: "accepted" };
      }
      const meeting = await meetingFor(meetingId, null);
      if (!meeting) return forwardOrRefuse(input);
      if (input.type === "end") {
        await end(meeting, "end");
        return { ok: true, value: "ended" };
      }
      if (input.type === "segment") {
        const applied = applySegment(meeting.state, input, options);
        if (!applied.ok) return { ok: false, code: "refused", error: applied.error };
      } else if (input.type === "join") joinPerson(meeting.state, input.name, input.atMs);
      else if (input.type === "leave") leavePerson(meeting.state, input.name);
      else {
        const heard = speechHeard(meeting.state, input.name, input.atMs, input.speaking, options);
        if (!heard.ok) return { ok: false, code: "refused", error: heard.error };
      }
      afterChange(meeting);
      return { ok: true, value: "applied" };
    },
    stats: () => {
      let stateBytes = 0;
      for (const meeting of owned.values()) stateBytes += JSON.stringify(meeting.state).length;
      return { meetings: owned.size, stateBytes };
    },
    async close() {
      clearInterval(timer);
      await Promise.allSettled([...opening.values()]);
      const all = [...owned.values()];
      for (let i = 0; i < all.length; i += SNAPSHOT_BATCH) await snapshotMany(all.slice(i, i + SNAPSHOT_BATCH));
      for (const meeting of owned.values()) {
        meeting.stopForwarded();
        await bus.release(meeting.state.meetingId);
      }
      owned.clear();
    },
  };

  /** Input for a meeting another instance owns goes there; for one nobody has started, a clear error. */
  async function forwardOrRefuse(input: LiveInput): Promise<HubResult> {
    if (owned.size >= deps.maxMeetings)
      return { ok: false, code: "refused", error: `this instance already follows ${deps.maxMeetings} live meetings; try later` };
    if (bus.kind === "redis" && !(await bus.claim(input.meetingId, claimTtlMs))) {
      bus.forward(input.meetingId, input);
      return { ok: true, value: input.type === "start" ? "accepted" : "applied" };
    }
    await bus.release(input.meetingId);
    return { ok: false, code: "not-started", error: `meeting ${input.meetingId} has not started: send a start frame first` };
  }

  async function snapshotMany(meetings: Owned[]): Promise<void> {
    if (!deps.snapshots || meetings.length === 0) return;
    for (const meeting of meetings) {
      meeting.dirty = false;
      meeting.savedAt = now();
    }
    const expiresAt = new Date(now() + deps.idleMs);
    await deps.snapshots
      .saveMany(meetings.map((m) => ({ meetingId: m.state.meetingId, state: toSnapshot(m.state), expiresAt })))
      .catch((error: unknown) => {
        for (const meeting of meetings) meeting.dirty = true;
        log.error({ meetings: meetings.length, err: { message: (error as Error).message } }, "live snapshot failed");
      });
  }

  const logFailure = (what: string) => (error: unknown) => log.error({ err: { message: (error as Error).message } }, `${what} failed`);

  /**
   * Once a second, the meetings that are due: idle ones end; the others renew their claim at a third of its
   * lease and, when changed, are snapshotted every snapshotEveryMs, ten per statement with a turn of the event
   * loop between. Each meeting is due at its own moment, so the work is spread and never holds up live traffic.
   */
  let sweeping = false;
  const timer = setInterval(() => {
    if (sweeping) return;
    sweeping = true;
    sweep()
      .catch(logFailure("the live sweep"))
      .finally(() => (sweeping = false));
  }, SWEEP_MS);
  async function sweep(): Promise<void> {
    const at = now();
    const due: Owned[] = [];
    for (const meeting of [...owned.values()]) {
      if (owned.get(meeting.state.meetingId) !== meeting) continue;
      if (at - meeting.lastInputAt > deps.idleMs) await end(meeting, "idle");
      else {
        if (at - meeting.claimedAt > claimTtlMs / 3) {
          meeting.claimedAt = at;
          await bus.claim(meeting.state.meetingId, claimTtlMs);
        }
        if (meeting.dirty && at - meeting.savedAt >= deps.snapshotEveryMs) due.push(meeting);
      }
    }
    for (let i = 0; i < due.length; i += SNAPSHOT_BATCH) {
      await snapshotMany(due.slice(i, i + SNAPSHOT_BATCH));
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (at - lastPurge > deps.snapshotEveryMs) {
      lastPurge = at;
      await deps.snapshots?.purgeExpired();
    }
  }
  let lastPurge = 0;
  timer.unref();
  return hub;
}
