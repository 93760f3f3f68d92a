/**
 * What speech adds that says nothing: hesitations ("uh", "um"), discourse particles set apart from the clause
 * ("you know", "I mean", a filler "like") and tags ("oh dear", "aren't they"). Each step is one pass over the words.
 */
import { CLAUSE_END, carryEnd, SENTENCE_END, type Token } from "./clean-token.js";

/** Hesitation sounds: never words. */
const HESITATION = /^(?:u+h+|u+m+|e+r+m*|a+h+|h+m+|m+|m+h+m*|mhm|uh-huh|mm-hmm|uh-hum|um-hum|hm+)$/i;

/** Hedges that, set off by commas inside a sentence, say nothing about what the sentence says. */
const HEDGE_PAIRS = new Set(["i guess", "i think", "i suppose", "i believe", "i mean", "you know", "you see", "i'd say", "i feel"]);

/** Words that never take a comma after them: when a hedge between them and their object goes, so does its comma. */
const DANGLING_BEFORE_COMMA =
  /^(?:a|an|the|of|to|for|with|without|from|in|on|at|by|about|into|and|or|but|is|are|was|were|be|my|your|our|their)$/i;

/** Words that, set off by commas inside a sentence ("with, yeah, Donna"), are only speech's glue. */
const INTERJECTION = /^(?:yeah|yes|yep|okay|ok|right|well|oh|so|basically|actually|literally|anyway)$/;

/** "uh", "um", "hmm", "mm-hmm": a sound, never a word. */
export function isHesitation(word: string): boolean {
  return word !== "" && HESITATION.test(word);
}

/** Drops "uh", "um", "hmm"…; a sentence end they carried moves to the word before. */
export function dropHesitations(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    if (isHesitation(t.core)) {
      carryEnd(out, t.trail);
      continue;
    }
    out.push(t);
  }
  return out;
}

const CONJUNCTION = /^(?:and|but|so|or|because|cause)$/i;
const TAG_WORD = /^(?:right|okay|ok|yeah|eh)$/;

/** Whether a word after `prev` begins a clause: the first word, or one after a clause's end or a conjunction. */
function startsClause(prev: Token | undefined): boolean {
  return prev === undefined || CLAUSE_END.test(prev.trail) || CONJUNCTION.test(prev.core);
}

const NEEDS_VERB = /^(?:would|could|should|will|can|do|did|does|don't|didn't|won't|wouldn't|can't|might|may|must|to|how|if|whether|what)$/i;

/**
 * "you know", "I mean", "you see" and filler "like" where they stand apart from the clause: at its start (for
 * "you know", "you see" and "like" only when a comma follows), at its end, or between commas. "like" inside a
 * clause ("people like wood", "it's like a maze") stays, and so does "you know that…".
 */
export function dropDiscourseParticles(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = out[out.length - 1];
    const word = t.core.toLowerCase();
    const next = tokens[i + 1];
    // both tests of a pair need a word with nothing after it and a word next: only then is the pair spelled out
    const pair = next && t.trail === "" ? `${word} ${next.core.toLowerCase()}` : "";
    // the cheap tests of punctuation first: most words are not set off by commas
    if (
      t.trail === "" &&
      next &&
      prev?.trail.startsWith(",") &&
      HEDGE_PAIRS.has(pair) &&
      (next.trail.startsWith(",") || CLAUSE_END.test(next.trail))
    ) {
      if (!next.trail.startsWith(",")) carryEnd(out, next.trail, true);
      else if (DANGLING_BEFORE_COMMA.test(prev.core)) prev.trail = prev.trail.replace(/,$/, "");
      i++;
      continue; // "without, I guess, getting high" → "without getting high"; "uncomfortable, you know, gonorrhea…" keeps one comma
    }
    // "how would you know, though?": after a word that needs a verb, "you know" is the verb, not a filler
    const needsVerb = prev !== undefined && prev.trail === "" && NEEDS_VERB.test(prev.core);
    if ((pair === "you know" || pair === "i mean" || pair === "you see") && t.trail === "" && next && !needsVerb) {
      const setOff = next.trail.startsWith(",") || CLAUSE_END.test(next.trail);
      if ((startsClause(prev) && (setOff || pair === "i mean")) || (prev?.trail.startsWith(",") && setOff) || next.trail.startsWith(",")) {
        if (!next.trail.startsWith(",")) carryEnd(out, next.trail, true);
        i++;
        continue;
      }
    }
    // the comma before first: few words follow one, and the word patterns are tried only then
    if (prev && prev.trail === "," && t.trail.startsWith(",") && next !== undefined && INTERJECTION.test(word)) continue;
    if (prev && prev.trail === "," && /^[.?!]/.test(t.trail) && TAG_WORD.test(word)) {
      carryEnd(out, t.trail, true); // "…, right?": a tag, not a question
      continue;
    }
    // "like seven drinks", "like if…": filler before a number or a clause, not a comparison
    if (
      word === "like" &&
      t.trail === "" &&
      next &&
      /^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|if|when|just|really|totally|so)$/i.test(next.core)
    )
      continue;
    // "like I said,", "as I mentioned,": a parenthetical
    const third = tokens[i + 2];
    if (
      (word === "like" || word === "as") &&
      next &&
      third &&
      /^(?:i|you|we)$/i.test(next.core) &&
      /^(?:said|say|mentioned)$/i.test(third.core) &&
      third.trail.startsWith(",")
    ) {
      i += 2;
      continue;
    }
    if (
      word === "like" &&
      (t.trail.startsWith(",") ||
        (t.trail === "" &&
          startsClause(prev) &&
          next !== undefined &&
          !/^(?:a|an|the|that|this|it|to|me|you|him|her|them|us)$/i.test(next.core)))
    ) {
      if (!t.trail.startsWith(",")) carryEnd(out, t.trail);
      continue;
    }
    out.push(t);
  }
  return out;
}

const TAG_VERB =
  /^(?:aren't|isn't|don't|doesn't|didn't|won't|wouldn't|can't|couldn't|shouldn't|haven't|hasn't|wasn't|weren't|is|are|do|does|right)$/i;
const TAG_SUBJECT = /^(?:they|it|you|we|he|she|i|there)$/i;

/** Interjections and mid-sentence tag questions: "oops, oh dear,", "birds of prey, aren't they, are…". */
export function dropTags(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    const word = t.core.toLowerCase();
    if (
      /^(?:oops|whoops|gosh|golly|god|jeez|wow|whoa|ooh|oh|hey)$/.test(word) &&
      (t.trail.startsWith(",") || next?.core.toLowerCase() === "dear" || next?.core.toLowerCase() === "god")
    ) {
      if (/^(?:dear|god)$/i.test(next?.core ?? "") && t.trail === "") i++;
      continue;
    }
    const prev = out[out.length - 1];
    if (
      next &&
      TAG_VERB.test(t.core) &&
      TAG_SUBJECT.test(next.core) &&
      t.trail === "" &&
      /^[,]/.test(next.trail) &&
      prev &&
      (prev.trail === "" || prev.trail === ",")
    ) {
      i++;
      continue;
    }
    if (
      next &&
      TAG_VERB.test(t.core) &&
      TAG_SUBJECT.test(next.core) &&
      t.trail === "" &&
      /^[.?!]/.test(next.trail) &&
      prev?.trail === ","
    ) {
      carryEnd(out, next.trail, true); // "…, isn't it?": a tag that asks for agreement, not a question
      i++;
      continue;
    }
    if (/^(?:yeah|yep|okay|ok)$/.test(word) && prev && !SENTENCE_END.test(prev.trail) && /^[.?!]/.test(t.trail) && out.length > 2) {
      carryEnd(out, t.trail, true); // "…where is your remote control yeah?"
      continue;
    }
    out.push(t);
  }
  return out;
}
