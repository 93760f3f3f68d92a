/**
 * Where speech starts again: a word broken off and said whole ("indepen independent"), a false start ("we d- or
 * is it"), a clause begun twice ("I was, I was going"), and a word or phrase said twice ("the the"). Each step is
 * one pass over the words.
 */
import { CLAUSE_END, SENTENCE_END, type Token } from "./clean-token.js";

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

/**
 * Stutters and broken-off words: "I-I" → "I", "get-getting" → "getting", "w-where" → "where", "fe- you feel"
 * → "you feel", "s-that" → "that", "indepen independent" → "independent", "f or or" → "or or" (the repeat
 * goes next). A hyphen between two different words ("on-call", "well-being") stays.
 */
export function dropFalseStarts(tokens: Token[]): Token[] {
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
    // the length test first: one or two letters are at most four UTF-16 units, and most words are longer
    const loneLetter =
      word.length <= 4 &&
      LETTERS_1_2.test(word) &&
      t.core === word &&
      !SHORT_WORDS.has(word) &&
      t.trail === "" &&
      STARTS_WITH_LETTER.test(next);
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

const LETTERS_1_2 = /^\p{L}{1,2}$/u;
const STARTS_WITH_LETTER = /^\p{L}/u;

const NOMINATIVE = new Set(["i", "we", "they", "he", "she"]);
const CONTRACTION_OF = new Map([
  ["i'm", "i"],
  ["we're", "we"],
  ["you're", "you"],
  ["they're", "they"],
  ["it's", "it"],
  ["he's", "he"],
  ["she's", "she"],
  ["i've", "i"],
  ["we've", "we"],
  ["you've", "you"],
  ["they've", "they"],
]);
const AUXILIARY = new Set("are is am was were do does did can could will would have has had".split(" "));
const CONJUNCTION = /^(?:and|or|but)$/;
const TO_BEFORE_VERB = /^(?:to|gonna|wanna|gotta)$/;
const CAPITAL_RESTART = /^(?:You|We|They|He|She|It|The|That|This|So|And|But)$/;
const REPEATABLE_OPENER = new Set("when if because where what how whether so".split(" "));

/**
 * A clause begun and begun again, kept from where it was begun again: "we d- or is it" → "is it", "you don't
 * want to I hate" → "I hate", "the sort of I had" → "I had", "when they're when you've got" → "when you've
 * got", "are we we're not allowed" → "we're not allowed".
 */
export function dropClauseRestarts(tokens: Token[]): Token[] {
  const out: Token[] = [];
  let clauseStart = 0;
  // an index loop: `entries()` makes an iterator and a pair for every word of every text
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const word = t.core.toLowerCase();
    const prev = out[out.length - 1];
    const prevWord = prev?.core.toLowerCase() ?? "";
    const nextWord = tokens[i + 1]?.core.toLowerCase() ?? "";
    // "to you can't escape": a "you" that begins a clause, not one that ends "to you"
    const youBegins = word === "you" && (prevWord !== "to" || AUXILIARY.has(nextWord) || /n't$/.test(nextWord));
    if (prev && out.length - clauseStart === 1 && NOMINATIVE.has(prevWord) && CONJUNCTION.test(word) && prev.trail === "") {
      out.pop();
      continue;
    }
    if (prev && TO_BEFORE_VERB.test(prevWord) && (NOMINATIVE.has(word) || youBegins) && prev.trail === "") {
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
    } else if (CONTRACTION_OF.has(word) && prev && prevWord === CONTRACTION_OF.get(word) && prev.trail === "") {
      out.pop();
      if (out.length > clauseStart && AUXILIARY.has(out[out.length - 1]!.core.toLowerCase()) && out[out.length - 1]!.trail === "")
        out.pop();
    } else if (REPEATABLE_OPENER.has(word)) {
      // the same opener among the clause's last three words, with no mark since: begun again (only those three
      // are looked at, so a long clause costs no more per word than a short one)
      let again = Math.max(clauseStart, out.length - 3);
      while (again < out.length && !(out[again]!.core.toLowerCase() === word && out[again]!.trail === "")) again++;
      if (again < out.length && out.slice(again).every((x) => x.trail === "")) out.splice(again);
    }
    if (prev && !SENTENCE_END.test(prev.trail) && CAPITAL_RESTART.test(t.core) && !prev.trail.endsWith("—")) {
      prev.trail = `${prev.trail.replace(/[,;:]+$/, "")}—`; // "…that you could You didn't have": begun again
      clauseStart = out.length;
    }
    out.push(t);
    if (CLAUSE_END.test(t.trail)) clauseStart = out.length;
  }
  return out;
}

/**
 * Restarts: "you're fe- you feel" → "you feel" (a word, a broken-off piece, then the word again in another
 * form), "you like you feel" → "you feel", and "'cause" at a clause start → "because".
 */
export function dropRestarts(tokens: Token[]): Token[] {
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

/**
 * "the the" → "the", "Yes, yes, yes." → "Yes.", "you just you just" → "you just"; "again and again, and" stays.
 */
export function collapseRepeats(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    const n = out.length;
    const prev = out[n - 1];
    if (prev && sameWord(prev, t) && !SENTENCE_END.test(prev.trail)) {
      prev.trail = t.trail;
      continue;
    }
    const a = out[n - 3];
    const b = out[n - 2];
    // "again and again, and then": "X and X" is said on purpose, and the "and" after it starts what follows
    const idiom = b !== undefined && /^(?:and|or)$/i.test(b.core);
    if (a && b && prev && !idiom && sameWord(a, prev) && sameWord(b, t) && !SENTENCE_END.test(b.trail)) {
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
