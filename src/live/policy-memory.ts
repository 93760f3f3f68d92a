import type { NudgeKind } from "./protocol.js";

/** What the nudge policy remembers of a meeting: when it last spoke up, and about what. */
export interface PolicyMemory {
  /** Meeting time of the latest nudge of each kind. */
  lastByKind: Partial<Record<NudgeKind, number>>;
  lastAtMs: number | null;
  sent: number;
  /** Start of the manager's turn that was already nudged as a monologue. */
  monologueTurnMs: number | null;
  /** Since when the manager's recent share has been over the line (null: it is not). */
  shareOverSinceMs: number | null;
  /** Latest manager interruption already counted in a nudge. */
  interruptionsUpToMs: number | null;
  /** Per person (by name, so a Map): the silence (its start) already nudged about. */
  silenceNudged: Map<string, number>;
}

export function newPolicyMemory(): PolicyMemory {
  return {
    lastByKind: {},
    lastAtMs: null,
    sent: 0,
    monologueTurnMs: null,
    shareOverSinceMs: null,
    interruptionsUpToMs: null,
    silenceNudged: new Map(),
  };
}
