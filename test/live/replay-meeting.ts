/** Drives a replay plan through the live meeting state directly (no sockets): the pure half of live mode. */
import { liveOptions, type LiveOptions } from "../../src/live/live-options.js";
import { liveView, type LiveView } from "../../src/live/live-view.js";
import { applySegment, finishMeeting, newMeeting, type MeetingState } from "../../src/live/meeting-state.js";
import { nextNudge, type Nudge } from "../../src/live/nudge-policy.js";
import { replayPlan } from "../../src/live/replay-plan.js";
import type { Utterance } from "../../src/transcript/schema.js";

export interface Replayed {
  state: MeetingState;
  nudges: Nudge[];
  /** The view after the end: everything settled. */
  final: LiveView;
}

export function replayDirectly(utterances: readonly Utterance[], manager: string, overrides: Partial<LiveOptions> = {}): Replayed {
  const options = liveOptions(overrides);
  let state: MeetingState | null = null;
  const nudges: Nudge[] = [];
  for (const { frame } of replayPlan(utterances, { meetingId: "replay", manager })) {
    if (frame.type === "start") state = newMeeting(frame);
    else if (!state) throw new Error("the plan must start with a start frame");
    else if (frame.type === "segment") {
      const applied = applySegment(state, frame, options);
      if (!applied.ok) throw new Error(applied.error);
      const nudge = nextNudge(state, liveView(state, options), options);
      if (nudge) nudges.push(nudge);
    } else finishMeeting(state, options);
  }
  if (!state) throw new Error("empty plan");
  return { state, nudges, final: liveView(state, options) };
}
