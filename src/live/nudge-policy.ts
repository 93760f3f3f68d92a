import type { LiveOptions } from "./live-options.js";
import type { LiveView } from "./live-view.js";
import type { MeetingState } from "./meeting-state.js";
import { nudgeText } from "./nudge-text.js";
import type { NudgeFrame, NudgeKind } from "./protocol.js";

export type Nudge = NudgeFrame;

/**
 * The share kinds judge the share of the talk so far (the recent window until it is full) from the first
 * speech on, and nudge only once this much meeting has passed: before it, a few sentences are the whole
 * picture. With the default 90 s above the line, the earliest share nudge is at 1:30.
 */
export const SHARE_WARM_UP_MS = 60_000;

interface Candidate {
  kind: NudgeKind;
  text: string;
  /** Remembers that this was said, once it is sent. */
  commit: () => void;
}

/**
 * The nudge to send now, if any: the first condition that holds, in the order below (the strongest
 * first), and only when its kind is not cooling down, no nudge went out within minGapMs and the
 * meeting's cap is not reached. Everything is judged in meeting time. Updates the policy memory.
 */
export function nextNudge(state: MeetingState, view: LiveView, options: LiveOptions): Nudge | null {
  const memory = state.policy;
  const me = view.people.find((p) => p.name === state.manager);
  const over = me !== undefined && me.talkMs > 0 && shareOverLine(view, me.recentShare, options);
  if (!over) memory.shareOverSinceMs = null;
  else memory.shareOverSinceMs ??= view.atMs;

  if (memory.sent >= options.maxPerMeeting) return null;
  if (memory.lastAtMs !== null && view.atMs - memory.lastAtMs < options.minGapMs) return null;
  for (const candidate of candidates(state, view, options)) {
    if (options.disabled.includes(candidate.kind)) continue;
    const last = memory.lastByKind[candidate.kind];
    if (last !== undefined && view.atMs - last < options.cooldownMs[candidate.kind]) continue;
    candidate.commit();
    memory.lastByKind[candidate.kind] = view.atMs;
    memory.lastAtMs = view.atMs;
    memory.sent++;
    return { type: "nudge", kind: candidate.kind, text: candidate.text, atMs: view.atMs };
  }
  return null;
}

function shareOverLine(view: LiveView, recentShare: number, options: LiveOptions): boolean {
  if (view.oneOnOne) return recentShare > options.oneOnOneMaxShare;
  return view.peopleCount >= 3 && recentShare > view.fairShare * options.shareFactor;
}

function* candidates(state: MeetingState, view: LiveView, options: LiveOptions): Generator<Candidate> {
  const memory = state.policy;
  const floor = view.floor;
  if (
    floor &&
    floor.speaker === state.manager &&
    floor.endMs - floor.startMs >= options.monologueMs &&
    memory.monologueTurnMs !== floor.startMs
  ) {
    yield {
      kind: "monologue",
      text: nudgeText.monologue(floor.endMs - floor.startMs),
      commit: () => (memory.monologueTurnMs = floor.startMs),
    };
  }
  const recent = state.managerInterruptions.filter((at) => at > view.atMs - options.interruptionWindowMs);
  const latest = recent[recent.length - 1];
  if (recent.length >= options.interruptionCount && latest !== undefined && latest !== memory.interruptionsUpToMs) {
    yield {
      kind: "interruptions",
      text: nudgeText.interruptions(recent.length, options.interruptionWindowMs),
      commit: () => (memory.interruptionsUpToMs = latest),
    };
  }
  const me = view.people.find((p) => p.name === state.manager);
  if (
    me &&
    view.atMs >= SHARE_WARM_UP_MS &&
    memory.shareOverSinceMs !== null &&
    view.atMs - memory.shareOverSinceMs >= options.shareSustainMs
  ) {
    const commit = () => (memory.shareOverSinceMs = null);
    // What the share covers: the recent window, or the meeting so far while it is shorter.
    const windowMs = Math.min(options.recentWindowMs, view.atMs);
    if (view.oneOnOne) yield { kind: "one-on-one-share", text: nudgeText.oneOnOneShare(me.recentShare, windowMs), commit };
    else yield { kind: "share", text: nudgeText.share(me.recentShare, view.fairShare, windowMs), commit };
  }
  for (const person of view.people) {
    if (person.name === state.manager || !person.present) continue;
    const since = person.lastSpokeMs ?? state.people.get(person.name)?.joinedAtMs ?? 0;
    if (view.atMs - since < options.silentMs || memory.silenceNudged.get(person.name) === since) continue;
    yield {
      kind: "silent",
      text: nudgeText.silent(person.name, person.lastSpokeMs === null, view.atMs - since),
      commit: () => memory.silenceNudged.set(person.name, since),
    };
  }
}
