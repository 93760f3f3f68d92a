import { findPhrase } from "../language/phrases.js";
import { readText } from "../language/read.js";
import { bare } from "../language/tokens.js";
import { CONCERN_WORDS, FUNCTION_WORDS } from "../language/word-lists.js";
import { toListenerVoice } from "./person.js";
import { withoutAsides } from "./address.js";

/** What the listener can say back: one clause of what the person said, cleaned, in the listener's voice. */
export interface SaidBack {
  /** No closing punctuation; starts lower-case unless it starts with a name or "I". */
  clause: string;
  /** The clause was their question ("what will voice recognition mean for the price"), in direct form. */
  question: boolean;
  /** The clause in their own words (their "I", their hedge kept), before it was moved into the listener's voice. */
  source: string;
  /** The whole sentence, cleaned, that the clause was taken from. */
  sentence: string;
  /** The sentence as they said it. */
  said: string;
  /** Words were cut from the clause's end (over the length limit, or a dangling end), or speech broke off right after it. */
  cut: boolean;
}

export type Focus = "concern" | "question" | "point";

/** A clause needs this many content words to be worth saying back; fewer is a fragment ("Eagle."). */
export const MIN_CONTENT_WORDS = 2;
/** Longest clause said back; longer ones are cut at a comma, or dropped. */
export const MAX_CLAUSE_WORDS = 24;

/** Openers that frame or hedge what follows ("I think", "to be honest"); the clause starts after them. */
export const OPENERS =
  /^(?:(?:and|but|so|or|because|then|well|okay|ok|yeah|yes|no|right|oh|now|also|plus|actually|basically|honestly|really|just|anyway|though|i think|i guess|i suppose|i mean|i'd say|i believe|i feel like|i feel that|to be honest|you know|the thing is|my question is|the question is|i was wondering|i'm wondering|i wonder|what i want to know is|i want to know|the other thing is|the thing is|the main thing is|another thing is|and then|you guys)\b[\s,]*)+/i;

/** Words that open a dependent clause: "as the presentation showed", "if we…". Main clauses are preferred. */
const SUBORDINATE =
  /^(?:as|if|when|whenever|while|since|because|although|though|unless|until|after|before|once|which|who|where|whereas|like|so that)\b/i;

/** Where one clause ends and another begins inside a sentence. */
const CLAUSE_BREAK = /\s*[;—]\s*|:\s+|,\s+(?=(?:and|but|so|because|though|although|however|whereas|which|while|yet|or)\b)|\s+(?=but\b)/i;

/** A clause may not end on these: "…the thumb of the", "…and". */
const DANGLING =
  /^(?:a|an|the|of|to|and|or|but|so|with|for|from|in|on|at|by|as|if|than|that|this|these|those|is|are|was|were|be|been|am|do|does|did|has|have|had|can|could|will|would|should|may|might|must|my|your|our|their|his|her|its|i|we|they|he|she|very|really|just|not|no|like|about|into|onto|because|when|where|which|who|what|how|then|there|here|some|any|every|each|more|most|such|um|uh|also|too|kind|sort|bit)$/i;

/**
 * The clause of `sentence` to say back, or null when no clause is substantial enough (a fragment, a
 * logistics aside). One clause only: never two sentences glued together.
 */
export function sayBack(sentence: string, focus: Focus, names: readonly string[] = [], whole = false): SaidBack | null {
  const cleaned = readText(sentence).cleaned;
  const asked = /\?\s*$/.test(cleaned);
  const clauses = (whole ? [cleaned] : cleaned.split(CLAUSE_BREAK)).map((c) => c.trim()).filter((c) => c !== "");
  const ranked = clauses
    .map((text, index) => ({ text, index, score: clauseScore(text, index, clauses.length, focus, asked) }))
    .sort((a, b) => b.score - a.score || a.index - b.index);
  for (const { text, index } of ranked) {
    const question = asked && index === clauses.length - 1;
    const trimmed = trimClause(withoutAsides(text, names), question, whole);
    if (trimmed === null) continue;
    // "we totally hand— tuned the…": a clause that speech broke off is not the whole thought
    const at = cleaned.indexOf(text);
    const brokenOff = at !== -1 && /^\s*—/.test(cleaned.slice(at + text.length));
    return {
      clause: withArticleBeforeBit(capitalise(toListenerVoice(trimmed.clause, question), names, cleaned)),
      question,
      source: trimmed.clause,
      sentence: cleaned,
      said: sentence,
      cut: trimmed.cut || brokenOff,
    };
  }
  return null;
}

function clauseScore(text: string, index: number, count: number, focus: Focus, asked: boolean): number {
  const content = readText(text).contentLemmas.size;
  let score = Math.min(content, 12);
  // "because" is an opener to trim, but a clause it opens is still the dependent one
  if (SUBORDINATE.test(text.replace(OPENERS, "")) || SUBORDINATE.test(text.replace(/^(?:(?:and|but|so|or)[\s,]+)+/i, ""))) score -= 6;
  if (focus === "concern" && findPhrase(text, CONCERN_WORDS) !== null) score += 20;
  if (focus === "question" && asked && index === count - 1) score += 20;
  if (index > 0 && /^but\b/i.test(text)) score += 3; // "X, but Y": Y is the point
  if (SUBJECT_PRONOUN.test(bare(text.replace(OPENERS, "").split(" ")[0] ?? ""))) score += 3;
  return score;
}

/** A hedge that frames what follows and must stay with it: "I feel like I'm failing" is not "I'm failing". */
const HEDGE = /\b(i feel like|i feel that|i think|i guess|i suppose|i believe|i'd say)\b[\s,]*$/i;

/**
 * Openers off (a hedge kept in front), a dangling end off, within the length limit, and enough content left;
 * null for a fragment.
 */
function trimClause(text: string, question: boolean, whole = false): { clause: string; cut: boolean } | null {
  const opener = OPENERS.exec(text)?.[0] ?? "";
  const hedge = question ? null : (HEDGE.exec(opener)?.[1] ?? null);
  let cut = false;
  let words = text
    .replace(OPENERS, "")
    .replace(/^[^,]{1,30},\s+(?=\p{L})/u, (lead) =>
      lead.trim().split(/\s+/).length <= 3 && !/\b(?:i|you|we|they|he|she|it)\b/i.test(lead) ? "" : lead,
    )
    .replace(OPENERS, "")
    .replace(/[.!?,;:—\s]+$/, "")
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0 || !hasVerb(words) || lacksCopula(words.join(" "))) return null;
  const first = bare(words[0]!).toLowerCase();
  // a whole sentence may open with its condition ("if the budget slips, we can't ship")
  const conditionFirst = whole && /^(?:if|when|unless|because)$/.test(first);
  if (
    question ? !QUESTION_WORDS.has(first) && !FINITE.test(first) && !SUBJECT_PRONOUN.test(first) : !startsAClause(first) && !conditionFirst
  )
    return null;
  if (words.length > MAX_CLAUSE_WORDS) {
    const kept = words.slice(0, MAX_CLAUSE_WORDS);
    const comma = kept.findLastIndex((w) => w.endsWith(","));
    if (comma < 5) return null; // no clean place to stop: better unsaid than cut mid-thought
    words = kept.slice(0, comma + 1);
    cut = true;
  }
  if (question && words.length > 0 && /^(?:about|of|for|with|from|to|in|on|at|by|into)$/i.test(bare(words[words.length - 1]!))) return null;
  // "…the thumb of the.": speech broke off mid-phrase, so what came before is not the whole thought either
  if (words.length > 0 && /^(?:a|an|the|of|my|your|our|their|his|her|its|and|or|but|because|with)$/i.test(bare(words[words.length - 1]!)))
    return null;
  // "Sometimes in the morning I cannot, um.": a clause left on a negative verb broke off, or leaves out what it denies
  if (words.length > 0 && ENDS_ON_NEGATIVE.test(bare(words[words.length - 1]!))) return null;
  while (words.length > 0 && DANGLING.test(bare(words[words.length - 1]!))) {
    words.pop();
    cut = true;
  }
  const clause = words.join(" ").replace(/[,;:—\s]+$/, "");
  if (contentWordCount(clause) < MIN_CONTENT_WORDS || !readsCleanly(words)) return null;
  return { clause: hedge ? `${hedge.charAt(0).toUpperCase()}${hedge.slice(1).toLowerCase()} ${lowerFirst(clause)}` : clause, cut };
}

const ENDS_ON_NEGATIVE =
  /^(?:can't|cannot|couldn't|won't|wouldn't|don't|doesn't|didn't|isn't|aren't|wasn't|weren't|shouldn't|haven't|hasn't|mustn't)$/i;

/** Nouns that end in -ing: a clause may start with these ("Something is off…"), unlike a bare gerund. */
const ING_NOUNS = new Set(
  "thing something nothing anything everything morning evening building meeting ceiling king spring string ring wing sibling wedding training funding pricing timing testing marketing".split(
    " ",
  ),
);
const QUESTION_WORDS = new Set("what how why when where which who whom whose".split(" "));

/** "making that a key point", "what it needs to be…", "to be honest": not something to say "It sounds like" before. */
function startsAClause(first: string): boolean {
  const w = first.toLowerCase();
  if (QUESTION_WORDS.has(w)) return false;
  if (w.endsWith("ing") && !ING_NOUNS.has(w)) return false;
  if (SUBORDINATE.test(w) || FINITE.test(w) || VERB_FIRST.test(w)) return false;
  return !/^(?:to|of|for|with|from|by|about|into|on|in|at|than|like|just|also|very|really|not|especially|maybe|perhaps|probably|let's|let|please|more|less)$/.test(
    w,
  );
}

/** Verbs that, opening a clause, leave it without a subject ("makes you feel…", "would do an event…"). */
const VERB_FIRST =
  /^(?:makes|takes|gets|goes|seems|feels|means|helps|works|comes|gives|keeps|looks|sounds|says|tells|becomes|happens|been|being)$/;

const FINITE =
  /^(?:is|are|was|were|am|be|been|being|has|have|had|do|does|did|can|could|will|would|shall|should|may|might|must|isn't|aren't|wasn't|weren't|hasn't|haven't|hadn't|don't|doesn't|didn't|can't|cannot|couldn't|won't|wouldn't|shouldn't|mustn't|need|needs|got|gets|get|want|wants|likes|think|thinks|feel|feels|know|knows|seem|seems|go|goes|went|make|makes|made|take|takes|took|say|says|said)$/i;
const SUBJECT_PRONOUN =
  /^(?:i|you|we|they|he|she|it|this|that|there|these|those|people|everyone|everybody|someone|somebody|nobody|nothing|something)$/i;

/**
 * "I tired", "we so late", "we short on the tanks", "we promoting Christmas loans": a subject and a state or an -ing
 * with no verb between (speech in a variety of English that leaves it out), which written back as "you tired" reads
 * as broken English.
 */
export function lacksCopula(clause: string): boolean {
  return NO_COPULA.test(clause);
}
const NO_COPULA =
  /(?:^|[,;]\s*|\b(?:and|but|so|because|that|if|when)\s+)(?:i|you|we|they|he|she)\s+(?:(?:so|very|really|too|just|still|also|quite|always|a bit|a little)\s+)*(?:tired|sad|angry|afraid|anxious|nervous|sick|alone|lonely|unhappy|happy|fine|sorry|frustrated|overwhelmed|confused|exhausted|stressed|upset|scared|worried|busy|late|ready|sure|okay|ok|short|behind|stuck|(?!(?:thing|nothing|something|anything|everything|morning|evening|bring|sing)\b)[a-z]{2,}ing)\b/i;

/** A clause has a finite verb: an auxiliary or common verb, a contraction ("it's", "we've"), or a pronoun and the word after it. */
function hasVerb(words: readonly string[]): boolean {
  return words.some((raw, i) => {
    const w = bare(raw);
    if (FINITE.test(w) || /^\p{L}+'(?:s|re|ve|ll|d|m)$/iu.test(w) || /\p{L}n't$/iu.test(w)) return true;
    // "it makes…", not "it in speech recognition"
    const after = i + 1 < words.length ? bare(words[i + 1]!).toLowerCase() : "";
    if (SUBJECT_PRONOUN.test(w) && after !== "" && !/^(?:in|of|on|at|to|for|with|from|by|and|or|but|the|a|an|as)$/.test(after)) return true;
    // "the script still fails", "it stopped": an -s or -ed word that no article or preposition introduces
    const before = i > 0 ? bare(words[i - 1]!).toLowerCase() : null;
    return (
      before !== null &&
      /^\p{L}{3,}(?:ed|[^s']s)$/iu.test(w) &&
      !/^(?:the|a|an|of|to|my|your|our|their|his|her|its|for|in|on|with|at|by|from|some|many|few|these|those|all|and|or|but|very|more|most|so|too|quite|really)$/.test(
        before,
      ) &&
      !words[i - 1]!.endsWith(",")
    );
  });
}

/**
 * What speech leaves behind that cleaning could not mend, and a manager should never be handed: a word said
 * twice close together ("can sometimes can make"), a list run on over commas, a broken-off piece, stray quotes.
 */
function readsCleanly(words: readonly string[]): boolean {
  const lower = words.map((w) => bare(w).toLowerCase());
  for (let i = 0; i < lower.length; i++) {
    for (let j = i + 1; j <= i + 3 && j < lower.length; j++) {
      const pronoun = j > i + 1 && /^(?:i|you|we|they|he|she)$/.test(lower[i]!); // "I wish I could"
      if (lower[i] === lower[j] && !pronoun && !/^(?:the|a|an|and|of|to|very|that|it)$/.test(lower[i]!)) return false;
    }
  }
  const pairs = lower.slice(1).map((w, i) => `${lower[i]} ${w}`);
  for (let i = 0; i < pairs.length; i++) {
    if (pairs.indexOf(pairs[i]!, i + 2) !== -1 && pairs.indexOf(pairs[i]!, i + 2) - i <= 6) return false; // "it was an at firstly it was"
  }
  for (let i = 0; i + 1 < lower.length; i++) {
    if (
      /^(?:my|your|our|their|his|her|its|the|a|an)$/.test(lower[i]!) &&
      /^(?:i|you|we|they|he|she|is|are|was|were|can|will|the|a|an)$/.test(lower[i + 1]!)
    )
      return false;
  }
  for (let i = 0; i + 1 < words.length; i++) {
    // "it's, you get…", "it just, the spice…": a function word cut off by a comma is speech breaking off
    if (
      words[i]!.endsWith(",") &&
      /^(?:it's|that's|there's|is|are|was|were|be|been|just|the|a|an|my|your|our|and|or|but|to|of|with|got|get|like|know|mean|feel|think|guess|say|said|suppose|have|has|had|do|does|would|could|should|will|can)$/.test(
        lower[i]!,
      )
    )
      return false;
  }
  if (/,$/.test(words[words.length - 2] ?? "") && /^(?:you|i|we|they|he|she|it)$/.test(lower[lower.length - 1]!)) return false;
  const text = words.join(" ");
  if ((text.match(/,/g) ?? []).length > 2) return false;
  return !/[—"“”]|(?:^|\s)'|'(?:\s|$)/.test(text);
}

function contentWordCount(text: string): number {
  return text.split(/\s+/).filter((w) => {
    const b = bare(w).toLowerCase();
    return b.length > 1 && !FUNCTION_WORDS.has(b);
  }).length;
}

/**
 * "I'm bit tired" said back is "you're a bit tired": the article many speakers leave out before "bit" is put back, so
 * the manager can say it as English; nothing else of theirs changes.
 */
export function withArticleBeforeBit(clause: string): string {
  return clause.replace(BIT_WITHOUT_ARTICLE, "a bit");
}
const BIT_WITHOUT_ARTICLE = /(?<=\b(?:'re|'m|am|are|is|was|were|be|feel|felt|feeling|get|got|getting)\s)bit\b/giu;

/** "It's late" → "it's late" after a hedge; "I" and acronyms keep their capitals. */
function lowerFirst(text: string): string {
  const first = bare(text.split(" ")[0] ?? "");
  return first === "I" || first.startsWith("I'") || /^\p{Lu}{2,}$/u.test(first) ? text : text.charAt(0).toLowerCase() + text.slice(1);
}

/** Lower-case the first word unless it is "I", an acronym or one of the meeting's names. */
function capitalise(text: string, names: readonly string[], sentence: string): string {
  const first = bare(text.split(" ")[0] ?? "");
  const nameWords = new Set(names.flatMap((n) => n.split(/[\s,()]+/)).filter(Boolean));
  if (first === "I" || /^[A-Z0-9]{2,}$/.test(first) || nameWords.has(first) || properNoun(first, sentence)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** A capitalised word that is not where the sentence starts ("…, because Kamil was doing the round") is a name. */
function properNoun(word: string, sentence: string): boolean {
  if (!/^\p{Lu}\p{Ll}/u.test(word)) return false;
  const at = sentence.search(new RegExp(`(?<![\\p{L}'-])${word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}'-])`, "u"));
  return at > 0 && /[\p{L},;:—-]\s*$/u.test(sentence.slice(0, at));
}
