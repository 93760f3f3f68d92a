/**
 * Speech as transcribed → text a person could read or say: no hesitations or discourse particles, no stutters,
 * repeats or false starts, no bracketed non-speech, transcription artefacts turned into words, tidy spacing and
 * punctuation. Works on words in one left-to-right pass each, so the cost is linear in the text whatever a
 * participant says (no regular expression here can backtrack over more than a bounded span).
 */

interface Token {
  /** Punctuation before the word ("(", "-", '"'). */
  lead: string;
  /** The word itself, letters, digits, inner apostrophes and hyphens. */
  core: string;
  /** Punctuation after it (",", "?", "—"). */
  trail: string;
}

/** Hesitation sounds: never words. */
const HESITATION = /^(?:u+h+|u+m+|e+r+m*|a+h+|h+m+|m+|m+h+m*|mhm|uh-huh|mm-hmm|uh-hum|um-hum|hm+)$/i;

/** Words of one or two letters; any other one- or two-letter piece before a word it begins is broken off. */
const SHORT_WORDS = new Set(
  "a i an am as at be by do go he if in is it me my no of oh ok on or so to up us we ah eh hi ma pa ex ad id tv pc uk ya ye yo".split(" "),
);

/** Whole words that often begin a longer one ("for" → "forward"): never taken for a broken-off start. */
const COMPLETE = new Set(
  "for the and you can not her his our out all any now one see some what when where how who them they then there his car man any".split(
    " ",
  ),
);

/** Spoken non-speech and transcriber notes: "[laughter]", "[inaudible 00:02:46]", an unclosed "[unintelligible". */
const BRACKETED = /\[[^\]\n]{0,80}\]|\[\S{0,40}|\((?:laugh|chuckl|sigh|cough|inaudible|crosstalk|pause|silence|noise)[^)\n]{0,60}\)?/gi;

/** Hedges that, set off by commas inside a sentence, say nothing about what the sentence says. */
const HEDGE_PAIRS = new Set(["i guess", "i think", "i suppose", "i believe", "i mean", "you know", "you see", "i'd say", "i feel"]);

/** Words that never take a comma after them: when a hedge between them and their object goes, so does its comma. */
const DANGLING_BEFORE_COMMA =
  /^(?:a|an|the|of|to|for|with|without|from|in|on|at|by|about|into|and|or|but|is|are|was|were|be|my|your|our|their)$/i;

/** Words that, set off by commas inside a sentence ("with, yeah, Donna"), are only speech's glue. */
const INTERJECTION = /^(?:yeah|yes|yep|okay|ok|right|well|oh|so|basically|actually|literally|anyway)$/;

const CLAUSE_END = /[,.;:!?—]$/;
const SENTENCE_END = /[.!?]$/;

export function cleanSpoken(text: string): string {
  const prepared = text
    .replace(/[’‘]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(BRACKETED, " ")
    .replace(/\s*(?:--+|—|–|…|\.\.\.+)\s*/g, "— ")
    .replace(/\s+-\s+/g, "— ");
  let tokens = dropStrayAmpersands(prepared.split(/\s+/).filter(Boolean).map(toToken)).flatMap(spellOut);
  tokens = dropHesitations(tokens);
  tokens = dropDiscourseParticles(tokens);
  tokens = dropRestarts(tokens);
  tokens = dropFalseStarts(tokens);
  tokens = collapseRepeats(tokens);
  tokens = dropClauseRestarts(tokens);
  tokens = dropTags(tokens);
  return tidy(tokens.map((t) => `${t.lead}${t.core}${t.trail}`).join(" "));
}

function toToken(raw: string): Token {
  const lead = /^[^\p{L}\p{N}]*/u.exec(raw)![0];
  const rest = raw.slice(lead.length);
  const trail = /[^\p{L}\p{N}']*$/u.exec(rest)![0];
  return { lead, core: rest.slice(0, rest.length - trail.length), trail };
}

/** "is & good": an ampersand right after a copula joins nothing ("is and good" is not English); it goes. */
function dropStrayAmpersands(tokens: Token[]): Token[] {
  return tokens.filter(
    (t, i) =>
      !(
        t.core === "" &&
        t.lead === "&" &&
        i > 0 &&
        /^(?:is|are|was|were|be|been|am)$/i.test(tokens[i - 1]!.core) &&
        tokens[i - 1]!.trail === ""
      ),
  );
}

/** "L_C_D_" → "LCD", "T_A_" → "TA" (AMI spells letters so); "&" → "and"; any other "_" separates words. */
function spellOut(token: Token): Token[] {
  if (/^(?:[A-Za-z]_)+[A-Za-z]?$/.test(`${token.core}${token.trail.startsWith("_") ? "_" : ""}`) || /^(?:[A-Za-z]_)+$/.test(token.core)) {
    return [{ ...token, core: token.core.replace(/_/g, ""), trail: token.trail.replace(/^_+/, "") }];
  }
  if (token.core === "" && token.lead.includes("&")) return [{ lead: "", core: "and", trail: "" }];
  if (!token.core.includes("_")) return [token];
  return token.core
    .split("_")
    .filter(Boolean)
    .map((core, i, all) => ({ lead: i === 0 ? token.lead : "", core, trail: i === all.length - 1 ? token.trail : "" }));
}

/** Drops "uh", "um", "hmm"…; a sentence end they carried moves to the word before. */
function dropHesitations(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    if (t.core !== "" && HESITATION.test(t.core)) {
      carryEnd(out, t.trail);
      continue;
    }
    out.push(t);
  }
  return out;
}

const NEEDS_VERB = /^(?:would|could|should|will|can|do|did|does|don't|didn't|won't|wouldn't|can't|might|may|must|to|how|if|whether|what)$/i;

/**
 * "you know", "I mean", "you see" and filler "like" where they stand apart from the clause: at its start (for
 * "you know", "you see" and "like" only when a comma follows), at its end, or between commas. "like" inside a
 * clause ("people like wood", "it's like a maze") stays, and so does "you know that…".
 */
function dropDiscourseParticles(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = out[out.length - 1];
    const atClauseStart = prev === undefined || CLAUSE_END.test(prev.trail) || /^(?:and|but|so|or|because|cause)$/i.test(prev.core);
    const word = t.core.toLowerCase();
    const next = tokens[i + 1];
    const pair = next ? `${word} ${next.core.toLowerCase()}` : "";
    if (
      HEDGE_PAIRS.has(pair) &&
      t.trail === "" &&
      next &&
      prev?.trail.startsWith(",") &&
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
      if ((atClauseStart && (setOff || pair === "i mean")) || (prev?.trail.startsWith(",") && setOff) || next.trail.startsWith(",")) {
        if (!next.trail.startsWith(",")) carryEnd(out, next.trail, true);
        i++;
        continue;
      }
    }
    if (INTERJECTION.test(word) && prev && prev.trail === "," && /^[,]/.test(t.trail) && next !== undefined) continue;
    if (/^(?:right|okay|ok|yeah|eh)$/.test(word) && prev && prev.trail === "," && /^[.?!]/.test(t.trail)) {
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
        (atClauseStart &&
          t.trail === "" &&
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

/**
 * Stutters and broken-off words: "I-I" → "I", "get-getting" → "getting", "w-where" → "where", "fe- you feel"
 * → "you feel", "s-that" → "that", "indepen independent" → "independent", "f or or" → "or or" (the repeat
 * goes next). A hyphen between two different words ("on-call", "well-being") stays.
 */
function dropFalseStarts(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const word = t.core.toLowerCase();
    const next = (tokens[i + 1]?.core ?? "").toLowerCase();
    if (t.core.includes("-")) {
      out.push({ ...t, core: mergeHyphenated(t.core) });
      continue;
    }
    const brokenStart =
      t.trail === "" &&
      next.length > word.length &&
      next.startsWith(word) &&
      ((word.length <= 2 && !SHORT_WORDS.has(word)) || (word.length >= 3 && !COMPLETE.has(word)));
    const loneLetter = /^\p{L}{1,2}$/u.test(word) && t.core === word && !SHORT_WORDS.has(word) && t.trail === "" && /^\p{L}/u.test(next);
    if (brokenStart || loneLetter) {
      // "f or or getting": a broken-off start, then a conjunction said twice while finding the words; all of it goes
      const [again, third] = [tokens[i + 1], tokens[i + 2]];
      const after = out[out.length - 1]?.core.toLowerCase() ?? "";
      const restart = loneLetter && again && third && /^(?:or|and)$/i.test(again.core) && sameWord(again, third) && again.trail === "";
      if (restart && !NOMINATIVE.has(after)) i += 2; // ("we d or or is it": the clause restarts; dropClauseRestarts takes it)
      continue;
    }
    out.push(t);
  }
  return out;
}

const NOMINATIVE = new Set(["i", "we", "they", "he", "she"]);
const CONTRACTION_OF: Record<string, string> = {
  "i'm": "i",
  "we're": "we",
  "you're": "you",
  "they're": "they",
  "it's": "it",
  "he's": "he",
  "she's": "she",
  "i've": "i",
  "we've": "we",
  "you've": "you",
  "they've": "they",
};
const AUXILIARY = new Set("are is am was were do does did can could will would have has had".split(" "));
const REPEATABLE_OPENER = new Set("when if because where what how whether so".split(" "));

/**
 * A clause begun and begun again, kept from where it was begun again: "we d- or is it" → "is it", "you don't
 * want to I hate" → "I hate", "the sort of I had" → "I had", "when they're when you've got" → "when you've
 * got", "are we we're not allowed" → "we're not allowed".
 */
function dropClauseRestarts(tokens: Token[]): Token[] {
  const out: Token[] = [];
  let clauseStart = 0;
  for (const [i, t] of tokens.entries()) {
    const word = t.core.toLowerCase();
    const prev = out[out.length - 1];
    const prevWord = prev?.core.toLowerCase() ?? "";
    const nextWord = tokens[i + 1]?.core.toLowerCase() ?? "";
    // "to you can't escape": a "you" that begins a clause, not one that ends "to you"
    const youBegins = word === "you" && (prevWord !== "to" || AUXILIARY.has(nextWord) || /n't$/.test(nextWord));
    const inClause = out.slice(clauseStart);
    if (prev && out.length - clauseStart === 1 && NOMINATIVE.has(prevWord) && /^(?:and|or|but)$/.test(word) && prev.trail === "") {
      out.pop();
      continue;
    }
    if (prev && /^(?:to|gonna|wanna|gotta)$/.test(prevWord) && (NOMINATIVE.has(word) || youBegins) && prev.trail === "") {
      out.splice(clauseStart);
    } else if (prev && out.length - clauseStart === 1 && AUXILIARY.has(prevWord) && AUXILIARY.has(word) && prev.trail === "") {
      out.pop(); // "is does anyone…": the question begun again
    } else if (NOMINATIVE.has(word) && !(word === "i" && t.core === "i")) {
      // "the we put…", "the sort of I had…": an article right before a subject pronoun (a relative clause,
      // "a degree where I…", has its own word in between and stays)
      const tail = out.slice(-3).map((x) => x.core.toLowerCase());
      const articleNext = /^(?:the|a|an)$/.test(tail[2] ?? "") && prev?.trail === "";
      const articleHedge =
        /^(?:the|a|an)$/.test(tail[0] ?? "") && /^(?:sort|kind)$/.test(tail[1] ?? "") && tail[2] === "of" && out.length - 3 >= clauseStart;
      if (articleNext) out.pop();
      else if (articleHedge && out.slice(-3).every((x) => x.trail === "")) out.splice(out.length - 3);
    } else if (CONTRACTION_OF[word] !== undefined && prev && prevWord === CONTRACTION_OF[word] && prev.trail === "") {
      out.pop();
      if (out.length > clauseStart && AUXILIARY.has(out[out.length - 1]!.core.toLowerCase()) && out[out.length - 1]!.trail === "")
        out.pop();
    } else if (REPEATABLE_OPENER.has(word)) {
      const again = inClause.findIndex((x, i) => x.core.toLowerCase() === word && inClause.length - i <= 3 && x.trail === "");
      if (again !== -1 && inClause.slice(again).every((x) => x.trail === "")) out.splice(clauseStart + again);
    }
    if (
      prev &&
      !SENTENCE_END.test(prev.trail) &&
      /^(?:You|We|They|He|She|It|The|That|This|So|And|But)$/.test(t.core) &&
      !/[—]$/.test(prev.trail)
    ) {
      prev.trail = `${prev.trail.replace(/[,;:]+$/, "")}—`; // "…that you could You didn't have": begun again
      clauseStart = out.length;
    }
    out.push(t);
    if (/[,.;:!?—]$/.test(t.trail)) clauseStart = out.length;
  }
  return out;
}

/**
 * Restarts: "you're fe- you feel" → "you feel" (a word, a broken-off piece, then the word again in another
 * form), "you like you feel" → "you feel", and "'cause" at a clause start → "because".
 */
function dropRestarts(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const word = t.core.toLowerCase();
    const next = tokens[i + 1];
    const after = tokens[i + 2];
    const prev = out[out.length - 1];
    if (next && after && next.core.toLowerCase() === "like" && t.trail === "" && next.trail === "" && sameWord(t, after)) {
      i++;
      continue;
    }
    const brokenOff = t.trail === "-" || t.trail === "—";
    // a piece of a word: two letters ("fe- you feel"), or the start of the next word ("ins- instead", "bronchi— bronchitis")
    const nextCore = next?.core.toLowerCase() ?? "";
    const piece = word.length <= 2 || (nextCore.length > word.length && nextCore.startsWith(word));
    const fragment = brokenOff && piece && !SHORT_WORDS.has(word) && !COMPLETE.has(word);
    if (fragment) {
      if (prev && next && prev.trail === "" && sharedStart(prev.core, next.core) >= 3) out.pop();
      continue;
    }
    if (t.lead.startsWith("-") && prev && /[-—]$/.test(prev.trail)) {
      out.push({ ...t, lead: t.lead.replace(/^-+/, "") }); // "like- -three years": the same sentence, picked up again
      continue;
    }
    if (brokenOff && t.core !== "") {
      out.push({ ...t, trail: "—" }); // a whole word, then speech broke off: the clause ends here
      continue;
    }
    if ((word === "cause" || word === "'cause") && (prev === undefined || CLAUSE_END.test(prev.trail))) {
      out.push({ ...t, core: t.core.startsWith("C") ? "Because" : "because" });
      continue;
    }
    out.push(t);
  }
  return out;
}

function sharedStart(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n;
}

function mergeHyphenated(core: string): string {
  const parts = core.split("-").filter(Boolean);
  if (parts.length < 2) return core.replace(/-+$/, "");
  const last = parts[parts.length - 1]!;
  const lastLower = last.toLowerCase();
  const broken = parts
    .slice(0, -1)
    .every((p) => lastLower.startsWith(p.toLowerCase()) || (p.length <= 2 && !SHORT_WORDS.has(p.toLowerCase())));
  if (!broken) return core;
  return /^\p{Lu}/u.test(core) ? last.charAt(0).toUpperCase() + last.slice(1) : last;
}

/** "the the" → "the", "Yes, yes, yes." → "Yes.", "you just you just" → "you just". */
function collapseRepeats(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    const n = out.length;
    const prev = out[n - 1];
    if (prev && sameWord(prev, t) && !SENTENCE_END.test(prev.trail)) {
      prev.trail = t.trail;
      continue;
    }
    const [a, b] = [out[n - 3], out[n - 2]];
    if (a && b && prev && sameWord(a, prev) && sameWord(b, t) && !SENTENCE_END.test(b.trail)) {
      out.pop();
      b.trail = t.trail;
      continue;
    }
    out.push({ ...t });
  }
  return out;
}

function sameWord(a: Token, b: Token): boolean {
  return a.core !== "" && a.core.toLowerCase() === b.core.toLowerCase();
}

const TAG_VERB =
  /^(?:aren't|isn't|don't|doesn't|didn't|won't|wouldn't|can't|couldn't|shouldn't|haven't|hasn't|wasn't|weren't|is|are|do|does|right)$/i;
const TAG_SUBJECT = /^(?:they|it|you|we|he|she|i|there)$/i;

/** Interjections and mid-sentence tag questions: "oops, oh dear,", "birds of prey, aren't they, are…". */
function dropTags(tokens: Token[]): Token[] {
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

/** Moves a sentence end from a dropped token to the kept word before it. */
function carryEnd(out: Token[], trail: string, tag = false): void {
  const prev = out[out.length - 1];
  const mark = /[.!?]/.exec(trail)?.[0];
  const end = tag && mark === "?" ? "." : mark;
  if (prev && end && !SENTENCE_END.test(prev.trail)) prev.trail = prev.trail.replace(/[,;:—\s]+$/, "") + end;
}

/** One space between words, none before punctuation, one mark where speech left two (", ." "..", ",,"). */
function tidy(text: string): string {
  return text
    .replace(/(\s)-(?=\p{L})/gu, "$1")
    .replace(/\s+([,.;:!?])/g, "$1")
    .replace(/([,;:])(?:\s{0,3}[,;:]){1,20}/g, "$1")
    .replace(/[,;:—]\s{0,3}([.!?])/g, "$1")
    .replace(/([.!?])(?:\s{0,3}[.,;:]){1,20}/g, "$1")
    .replace(/[,;:]\s{0,3}—/g, " —")
    .replace(/(?:\s?—){2,20}/g, " —")
    .replace(/\b(and|but|or|nor|with|that|the|a|an|to|of|for|from|in|on|at|by|my|your|our|their|his|her|its),\s/gi, "$1 ")
    .replace(/^[\s,.;:!?—-]+/, "")
    .replace(/\s?[-—]+$/, " —")
    .replace(/\s{2,}/g, " ")
    .trim();
}
