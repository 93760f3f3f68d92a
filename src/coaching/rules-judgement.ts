import { readText } from "../language/read.js";
import { normalise } from "../language/phrases.js";
import type { Candidate } from "./moments.js";
import type { KeptRestatement } from "./schema.js";

/** A restatement this soon after their words is the manager coming back to the point. */
const CAME_BACK_MS = 60_000;

/**
 * The rules' own verdict on a candidate before their card shows it: stricter than picking, which also feeds the
 * model (a model sees the conversation and judges for itself). Without a model a wrong moment costs more trust
 * than a missed one earns, so a candidate is left off when the reply shows any sign of having heard the point:
 * it echoes their words, acknowledges or shares the feeling ("that's a good reason", "I'm worried about that
 * too"), or the manager says those words back within the next minute.
 */
export function rulesShow(candidate: Candidate, kept: readonly KeptRestatement[]): boolean {
  const heardAt = candidate.trigger[0]?.startMs ?? 0;
  const until = (candidate.trigger[candidate.trigger.length - 1]?.endMs ?? heardAt) + CAME_BACK_MS;
  const theirWords = new Set(candidate.trigger.map((u) => u.id));
  if (kept.some((k) => theirWords.has(k.ofUtteranceId) && k.atMs >= heardAt && k.atMs <= until)) return false;
  const reply = candidate.reply;
  if (!reply) return true;
  const opening = normalise(readText(readText(reply.text).sentences[0] ?? "").cleaned);
  if (ACKNOWLEDGES.test(opening)) return false;
  const theirs = new Set<string>();
  for (const u of candidate.trigger) for (const l of readText(u.text).contentLemmas) theirs.add(l);
  for (const l of readText(opening).contentLemmas) if (theirs.has(l)) return false;
  return true;
}

/** Opens by acknowledging the point or sharing the feeling, in so many words. */
const ACKNOWLEDGES =
  /^(?:(?:well|yeah|yes|oh|okay|ok|so|mm|hmm)[,\s]+)*(?:(?:that's|that is|it's|it is) (?:a |an )?(?:really |very |so |quite |pretty )?(?:good|great|fair|understandable|tough|hard|difficult|important|valid|interesting|bummer|shame|pity)\b|i(?:'m| am) (?:also )?(?:concerned|worried|glad|sorry)\b|i (?:can )?(?:see|understand|hear you|get it|get that)\b|(?:that )?makes sense\b|i know\b|of course\b|exactly\b|right, (?:so|and)\b)/;
