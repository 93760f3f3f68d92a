import type { LiveInput } from "./live-input.js";
import type { LiveOptions } from "./live-options.js";
import { applySegment, joinRoster, leavePerson, speechHeard, type Applied, type MeetingState } from "./meeting-state.js";

/** One piece of live input into a meeting's state (start and end are the hub's: they open and close meetings). */
export function applyInput(
  state: MeetingState,
  input: Exclude<LiveInput, { type: "start" } | { type: "end" }>,
  options: LiveOptions,
): Applied {
  switch (input.type) {
    case "segment":
      return applySegment(state, input, options);
    case "join":
      return joinRoster(state, [input.name], input.atMs, options.maxPeople);
    case "leave":
      leavePerson(state, input.name);
      return { ok: true };
    case "speech":
      return speechHeard(state, input.name, input.atMs, input.speaking, options);
  }
}
