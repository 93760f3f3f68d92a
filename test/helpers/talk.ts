import type { Utterance } from "../../src/transcript/schema.js";

/** A conversation as [speaker, text] turns, one after the other, each 400 ms of silence after the last. */
export function talk(...turns: [string, string][]): Utterance[] {
  let at = 0;
  return turns.map(([speaker, text], i) => {
    const startMs = at;
    const endMs = startMs + Math.max(1200, text.split(" ").length * 350);
    at = endMs + 400;
    return { id: `u${i + 1}`, speaker, startMs, endMs, text };
  });
}
