import { readText } from "../../language/read.js";
import { fail, ok, type Failure, type Result } from "../../result.js";
import type { Utterance } from "../../transcript/schema.js";
import { isMinimal } from "../exchanges.js";

/** What the other person said at a moment: the turn a practice attempt says back. */
export interface PractiseTurn {
  utteranceId: string;
  atMs: number;
  speaker: string;
  /** Their turn: the utterance and the ones of theirs next to it, joined. */
  text: string;
}

/** A turn needs this many content words to be worth saying back ("Sure." and "so it's" are not). */
const MIN_CONTENT = 2;

/**
 * The other person's last substantive turn at or just before `atMs` (within that second): the latest utterance by someone other
 * than the manager that starts at or before it and says something (not "Sure.", not a broken-off "so it's"),
 * with the utterances of theirs right before and after it that nobody else's came between.
 */
export function turnAt(utterances: readonly Utterance[], manager: string, atMs: number): Result<PractiseTurn, Failure<"no-turn">> {
  const last = utterances[utterances.length - 1];
  if (last === undefined || atMs > last.endMs)
    return fail("no-turn", `the meeting ends at ${clock(last?.endMs ?? 0)}; give a time within it`);
  // "0:34" names the whole second: an utterance starting at 34.31 s is at 0:34, as the card lists it
  const until = atMs + 999;
  let at = -1;
  for (let i = utterances.length - 1; i >= 0; i--) {
    const u = utterances[i]!;
    if (u.startMs > until || u.speaker === null || u.speaker === manager) continue;
    if (isMinimal(u.text) || readText(u.text).contentLemmas.size < MIN_CONTENT) continue;
    at = i;
    break;
  }
  if (at === -1) return fail("no-turn", `nobody but the manager says anything to say back at or before ${clock(atMs)}`);
  const speaker = utterances[at]!.speaker!;
  let from = at;
  while (from > 0 && utterances[from - 1]!.speaker === speaker) from--;
  let to = at;
  while (to + 1 < utterances.length && utterances[to + 1]!.speaker === speaker) to++;
  const turn = utterances.slice(from, to + 1);
  return ok({ utteranceId: utterances[at]!.id, atMs: utterances[at]!.startMs, speaker, text: turn.map((u) => u.text).join(" ") });
}

/** 754_000 → "12:34"; an hour or more → "1:02:03". */
export function clock(ms: number): string {
  const s = Math.floor(ms / 1000);
  const [h, m, sec] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  const two = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${two(m)}:${two(sec)}` : `${m}:${two(sec)}`;
}

/** "12:34", "1:02:03", "754" or "754s" → milliseconds; null when it is not a time. */
export function parseClock(raw: string): number | null {
  const text = raw.trim();
  const seconds = /^(\d{1,6}(?:\.\d+)?)s?$/.exec(text);
  if (seconds) return Math.round(Number(seconds[1]) * 1000);
  const parts = /^(?:(\d{1,3}):)?(\d{1,2}):(\d{2}(?:\.\d+)?)$/.exec(text);
  if (!parts) return null;
  const [h, m, s] = [Number(parts[1] ?? 0), Number(parts[2]), Number(parts[3])];
  if (m > 59 || s >= 60) return null;
  return Math.round(((h * 60 + m) * 60 + s) * 1000);
}
