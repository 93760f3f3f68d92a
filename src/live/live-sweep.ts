import type { Logger } from "../log.js";
import type { LiveSnapshotStore } from "../storage/live-snapshots.js";
import type { LiveBus } from "./bus.js";
import { toSnapshot } from "./live-snapshot.js";
import type { OwnedMeeting } from "./owned-meeting.js";

export interface SweepDeps {
  bus: LiveBus;
  snapshots: LiveSnapshotStore | null;
  log: Logger;
  /** The meetings owned right now. */
  meetings: () => OwnedMeeting[];
  isOwned: (meeting: OwnedMeeting) => boolean;
  end: (meeting: OwnedMeeting) => Promise<void>;
  idleMs: number;
  snapshotEveryMs: number;
  claimTtlMs: number;
  now: () => number;
}

/** Meetings per snapshot statement. */
const BATCH = 10;
const SWEEP_MS = 1000;

/**
 * Once a second, the meetings that are due: idle ones end; the others renew their claim at a third of its
 * lease and, when changed, are snapshotted every snapshotEveryMs, ten per statement with a turn of the event
 * loop between. Each meeting is due at its own moment, so the work is spread and never holds up live traffic
 * (an embedded database runs in this process).
 */
export function startSweep(deps: SweepDeps): { stop(): void; saveAll(meetings: OwnedMeeting[]): Promise<void> } {
  const { log, now } = deps;
  let sweeping = false;
  let lastPurge = 0;

  async function save(meetings: OwnedMeeting[]): Promise<void> {
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

  async function sweep(): Promise<void> {
    const at = now();
    const due: OwnedMeeting[] = [];
    for (const meeting of deps.meetings()) {
      if (!deps.isOwned(meeting)) continue;
      if (at - meeting.lastInputAt > deps.idleMs) await deps.end(meeting);
      else {
        if (at - meeting.claimedAt > deps.claimTtlMs / 3) {
          meeting.claimedAt = at;
          await deps.bus.claim(meeting.state.meetingId, deps.claimTtlMs);
        }
        if (meeting.dirty && at - meeting.savedAt >= deps.snapshotEveryMs) due.push(meeting);
      }
    }
    for (let i = 0; i < due.length; i += BATCH) {
      await save(due.slice(i, i + BATCH));
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (at - lastPurge > deps.snapshotEveryMs) {
      lastPurge = at;
      await deps.snapshots?.purgeExpired();
    }
  }

  const timer = setInterval(() => {
    if (sweeping) return;
    sweeping = true;
    sweep()
      .catch((error: unknown) => log.error({ err: { message: (error as Error).message } }, "the live sweep failed"))
      .finally(() => (sweeping = false));
  }, SWEEP_MS);
  timer.unref();
  return {
    stop: () => clearInterval(timer),
    async saveAll(meetings) {
      for (let i = 0; i < meetings.length; i += BATCH) await save(meetings.slice(i, i + BATCH));
    },
  };
}
