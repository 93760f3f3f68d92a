import type { LiveHub } from "./live-hub.js";
import type { LiveInput } from "./live-input.js";

/**
 * Which live source owns which meeting, at the edge (every source holds the same ingest token, so the token
 * cannot tell them apart). A meeting belongs to the source that first sent input for it: an /live/ingest
 * connection, or Recall.ai. Another source can neither change nor end it. An ingest connection's meetings
 * are let go when it closes (its reconnection takes them back with its next frame); any meeting without
 * input for `idleMs` is let go too. A source owns at most `perSource` meetings at once (Recall.ai signed by
 * its secret is bounded by the hub's own limit only), so one client cannot take every slot.
 */
export interface SourceLedger {
  /** Claims (or checks) the input's meeting for `source`; a refusal says why in one line. */
  admit(source: Source, input: LiveInput): { ok: true } | { ok: false; error: string };
  /** The source is gone (its socket closed): its meetings are free for whoever sends next. */
  release(sourceId: string): void;
  stats(): { meetings: number };
}

export interface Source {
  id: string;
  /** Counted against the per-source cap (false only for Recall.ai with a verified signature). */
  capped: boolean;
}

interface Entry {
  owner: string;
  lastAt: number;
}

export function sourceLedger(options: { perSource: number; idleMs: number; now?: () => number }): SourceLedger {
  const now = options.now ?? Date.now;
  const owners = new Map<string, Entry>();
  const owned = new Map<string, Set<string>>();

  const drop = (meetingId: string) => {
    const entry = owners.get(meetingId);
    if (!entry) return;
    owners.delete(meetingId);
    const set = owned.get(entry.owner);
    set?.delete(meetingId);
    if (set?.size === 0) owned.delete(entry.owner);
  };
  /** Forgets this source's meetings that have been quiet for idleMs (bounded by perSource, so cheap). */
  const pruneQuiet = (sourceId: string) => {
    for (const meetingId of owned.get(sourceId) ?? []) {
      const entry = owners.get(meetingId);
      if (entry && now() - entry.lastAt > options.idleMs) drop(meetingId);
    }
  };

  return {
    admit(source, input) {
      const entry = owners.get(input.meetingId);
      if (entry && entry.owner !== source.id && now() - entry.lastAt <= options.idleMs)
        return {
          ok: false,
          error: `meeting ${input.meetingId} was started by another live source: only that source can change or end it`,
        };
      if (!entry || entry.owner !== source.id) {
        if (entry) drop(input.meetingId);
        pruneQuiet(source.id);
        const mine = owned.get(source.id) ?? new Set<string>();
        if (source.capped && mine.size >= options.perSource)
          return { ok: false, error: `this live source already follows ${options.perSource} meetings: end one first` };
        mine.add(input.meetingId);
        owned.set(source.id, mine);
        owners.set(input.meetingId, { owner: source.id, lastAt: now() });
      } else entry.lastAt = now();
      if (input.type === "end") drop(input.meetingId);
      return { ok: true };
    },
    release(sourceId) {
      for (const meetingId of [...(owned.get(sourceId) ?? [])]) drop(meetingId);
    },
    stats: () => ({ meetings: owners.size }),
  };
}

/** The hub as one source sees it: input for a meeting another source owns is refused before it reaches the hub. */
export function admitted(hub: Pick<LiveHub, "handle">, ledger: ReturnType<typeof sourceLedger>, source: Source): Pick<LiveHub, "handle"> {
  return {
    handle: async (input) => {
      const ok = ledger.admit(source, input);
      return ok.ok ? hub.handle(input) : { ok: false, code: "refused", error: ok.error };
    },
  };
}
