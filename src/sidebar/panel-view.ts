import type { NudgeFrame, StateFrame } from "../live/protocol.js";
import { clock, minutes, percent } from "./format.js";

const $ = (id: string) => document.getElementById(id)!;

export function showStatus(text: string, kind: "" | "error" | "ok" = ""): void {
  const status = $("status");
  status.textContent = text;
  status.className = `status ${kind}`;
}

/** The viewer's own share against the fair share, and for the organizer who has not spoken. */
export function showState(state: StateFrame): void {
  $("share").hidden = false;
  $("title").textContent = state.title ?? "This meeting";
  $("you-share").textContent = percent(state.you.share);
  $("fair-share").textContent = percent(state.fairShare);
  const meter = $("meter-fill") as HTMLElement;
  meter.style.width = `${Math.min(100, state.you.share * 100)}%`;
  meter.classList.toggle("over", state.you.share > state.fairShare * 1.5);
  ($("meter-fair") as HTMLElement).style.left = `${Math.min(100, state.fairShare * 100)}%`;
  $("recent").textContent = `Last ${minutes(state.recentWindowMs)}: ${percent(state.you.recentShare)} of the talk.`;
  $("floor").hidden = state.you.floorMs === null || state.you.floorMs < 30_000;
  if (state.you.floorMs !== null) $("floor").textContent = `You have had the floor for ${clock(state.you.floorMs)}.`;
  $("who").textContent = state.oneOnOne ? "In this one-on-one" : `With ${state.people} people here`;
  $("at").textContent = `Meeting time ${clock(state.atMs)}`;
  const quiet = state.notSpoken;
  $("quiet").hidden = quiet === undefined || quiet.length === 0;
  if (quiet) $("quiet-list").replaceChildren(...quiet.map((name) => Object.assign(document.createElement("li"), { textContent: name })));
}

/** SHARE_WARM_UP_MS in src/live/nudge-policy.ts (test/live/sidepanel-states.test.ts keeps them equal). */
export const FIRST_NUDGE_AFTER_MS = 60_000;

/**
 * For the organizer (the one who gets nudges) while none has come: that Attune is watching, and from when a
 * nudge can come.
 */
export function showWatching(state: StateFrame): void {
  const watching = $("watching");
  watching.hidden = state.notSpoken === undefined || shown.length > 0;
  watching.textContent =
    state.atMs < FIRST_NUDGE_AFTER_MS
      ? `Watching: the first nudge can come after ${clock(FIRST_NUDGE_AFTER_MS)} of meeting.`
      : "Watching: no nudge so far. One comes only when something is worth a pause.";
}

const shown: NudgeFrame[] = [];

/** The newest nudge large; the two before it small underneath. */
export function showNudge(nudge: NudgeFrame): void {
  shown.unshift(nudge);
  shown.length = Math.min(shown.length, 3);
  $("watching").hidden = true;
  $("nudge").hidden = false;
  $("nudge-text").textContent = nudge.text;
  $("nudge-when").textContent = `at ${clock(nudge.atMs)}`;
  const earlier = shown.slice(1);
  $("earlier").hidden = earlier.length === 0;
  $("earlier-list").replaceChildren(
    ...earlier.map((n) => Object.assign(document.createElement("li"), { textContent: `${clock(n.atMs)} · ${n.text}` })),
  );
}
