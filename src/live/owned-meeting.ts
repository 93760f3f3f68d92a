import type { Unsubscribe } from "./bus.js";
import type { MeetingState } from "./meeting-state.js";
import type { Nudge } from "./nudge-policy.js";

/** A meeting this instance owns, with what the hub keeps beside its state (wall-clock bookkeeping, never snapshotted). */
export interface OwnedMeeting {
  state: MeetingState;
  lastInputAt: number;
  /** Changed since its last snapshot. */
  dirty: boolean;
  publishQueued: boolean;
  stopForwarded: Unsubscribe;
  lastNudge: Nudge | null;
  /** The manager's account id from the source's start (`managerId`); not snapshotted: the next start says it again. */
  managerId: string | null;
  /** Wall time of the last snapshot and of the last claim renewal. */
  savedAt: number;
  claimedAt: number;
}

export function ownedMeeting(state: MeetingState, now: number, snapshotEveryMs: number): OwnedMeeting {
  return {
    state,
    lastInputAt: now,
    dirty: true,
    publishQueued: false,
    stopForwarded: () => undefined,
    lastNudge: null,
    managerId: null,
    // A new meeting is due for its first snapshot at a random moment of the period: the work spreads out.
    savedAt: now - Math.random() * snapshotEveryMs,
    claimedAt: now,
  };
}
