import type { Logger } from "../log.js";
import type { LiveSnapshotStore } from "../storage/live-snapshots.js";
import type { LiveBus } from "./bus.js";
import { liveInputSchema, type HubResult, type LiveInput } from "./live-input.js";
import type { LiveOptions } from "./live-options.js";
import { fromSnapshot, toSnapshot } from "./live-snapshot.js";
import { startSweep } from "./live-sweep.js";
import { liveView } from "./live-view.js";
import { summarize, type Organizer } from "./meeting-summary.js";
import { applyInput } from "./apply-input.js";
import { finishMeeting, joinRoster, newMeeting, personName, type MeetingState } from "./meeting-state.js";
import { nextNudge, type Nudge } from "./nudge-policy.js";
import { ownedMeeting, type OwnedMeeting } from "./owned-meeting.js";

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
  /** The organizer Teams reported for a meeting (Bot Connector meeting info); it outranks a source's managerId. */
  organizerOf?: (meetingId: string) => Organizer | null;
  now?: () => number;
}

export interface LiveHub {
  handle(input: LiveInput): Promise<HubResult>;
  /** Meetings owned, and the size of their state as snapshotted (JSON bytes, all of them). */
  stats(): { meetings: number; stateBytes: number };
  /** Snapshots every meeting (so a restart resumes them) and lets go of them. */
  close(): Promise<void>;
}

/** The meetings this instance owns: their state, their nudges, their snapshots and their expiry. */
export function createLiveHub(deps: LiveHubDeps): LiveHub {
  const { bus, options, log } = deps;
  const now = deps.now ?? Date.now;
  const owned = new Map<string, OwnedMeeting>();
  const opening = new Map<string, Promise<OwnedMeeting | null>>();
  const claimTtlMs = Math.max(30_000, deps.idleMs);

  async function open(meetingId: string, start: MeetingState | null): Promise<OwnedMeeting | null> {
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
    const meeting = ownedMeeting(state, now(), deps.snapshotEveryMs);
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

  const organizerOf = (meeting: OwnedMeeting): Organizer | null =>
    deps.organizerOf?.(meeting.state.meetingId) ?? (meeting.managerId ? { id: meeting.managerId, tenantId: null } : null);

  /**
   * The view is read once per event-loop turn, however many frames the turn took: it re-reads every segment
   * not settled yet (up to maxWaiting + maxOpen), so reading it per frame would cost that much per frame.
   */
  function publishSoon(meeting: OwnedMeeting): void {
    if (meeting.publishQueued) return;
    meeting.publishQueued = true;
    setImmediate(() => {
      meeting.publishQueued = false;
      if (owned.get(meeting.state.meetingId) !== meeting) return;
      const view = liveView(meeting.state, options);
      const nudge = nextNudge(meeting.state, view, options);
      if (nudge) {
        meeting.lastNudge = nudge;
        const { meetingId, manager } = meeting.state;
        bus.publish(meetingId, { kind: "nudge", meetingId, manager, nudge });
        deps.onNudge?.({ meetingId, manager }, nudge);
        log.info({ meetingId, kind: nudge.kind, atMs: nudge.atMs }, "live nudge");
      }
      bus.publish(meeting.state.meetingId, {
        kind: "summary",
        summary: summarize(meeting.state.meetingId, meeting.state.title, view, meeting.lastNudge, organizerOf(meeting)),
        sentAt: now(),
      });
    });
  }

  function afterChange(meeting: OwnedMeeting): void {
    meeting.dirty = true;
    meeting.lastInputAt = now();
    publishSoon(meeting);
  }

  async function end(meeting: OwnedMeeting, why: "end" | "idle"): Promise<void> {
    const { meetingId } = meeting.state;
    owned.delete(meetingId);
    meeting.stopForwarded();
    finishMeeting(meeting.state, options);
    const view = liveView(meeting.state, options);
    bus.publish(meetingId, {
      kind: "summary",
      summary: summarize(meetingId, meeting.state.title, view, meeting.lastNudge, organizerOf(meeting)),
      sentAt: now(),
    });
    bus.publish(meetingId, { kind: "ended", meetingId });
    await deps.snapshots?.remove(meetingId);
    await bus.release(meetingId);
    log.info({ meetingId, why, nudges: meeting.state.policy.sent }, "live meeting ended");
  }

  async function meetingFor(meetingId: string, start: MeetingState | null): Promise<OwnedMeeting | null> {
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
        const meeting = known ?? (await meetingFor(meetingId, newMeeting(input, options.maxPeople)));
        if (!meeting) return forwardOrRefuse(input);
        if (meeting.state.manager === "") meeting.state.manager = personName(input.manager);
        // Sent again (or to a resumed meeting): adds people. Always checked, so names beyond the cap get an error.
        const names = [input.manager, ...(input.participants ?? [])];
        const joined = joinRoster(meeting.state, names, meeting.state.buffer.clockMs, options.maxPeople);
        meeting.managerId ??= input.managerId ?? null;
        afterChange(meeting);
        return joined.ok ? { ok: true, value: "accepted" } : { ok: false, code: "refused", error: joined.error };
      }
      const meeting = await meetingFor(meetingId, null);
      if (!meeting) return forwardOrRefuse(input);
      if (input.type === "end") {
        await end(meeting, "end");
        return { ok: true, value: "ended" };
      }
      const applied = applyInput(meeting.state, input, options);
      if (!applied.ok) return { ok: false, code: "refused", error: applied.error };
      afterChange(meeting);
      return { ok: true, value: "applied" };
    },
    stats: () => {
      let stateBytes = 0;
      for (const meeting of owned.values()) stateBytes += JSON.stringify(toSnapshot(meeting.state)).length;
      return { meetings: owned.size, stateBytes };
    },
    async close() {
      sweep.stop();
      await Promise.allSettled([...opening.values()]);
      await sweep.saveAll([...owned.values()]);
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

  const logFailure = (what: string) => (error: unknown) => log.error({ err: { message: (error as Error).message } }, `${what} failed`);

  const sweep = startSweep({
    bus,
    snapshots: deps.snapshots,
    log,
    meetings: () => [...owned.values()],
    isOwned: (meeting) => owned.get(meeting.state.meetingId) === meeting,
    end: (meeting) => end(meeting, "idle"),
    idleMs: deps.idleMs,
    snapshotEveryMs: deps.snapshotEveryMs,
    claimTtlMs,
    now,
  });
  return hub;
}
