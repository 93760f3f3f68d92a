/**
 * Speech as transcribed → text a person could read or say: no hesitations or discourse particles, no stutters,
 * repeats or false starts, no bracketed non-speech, transcription artefacts turned into words, tidy spacing and
 * punctuation. Works on words in one left-to-right pass each, so the cost is linear in the text whatever a
 * participant says (no regular expression here can backtrack over more than a bounded span).
 */
import { dropDiscourseParticles, dropHesitations, dropTags } from "./clean-fillers.js";
import { collapseRepeats, dropClauseRestarts, dropFalseStarts, dropRestarts } from "./clean-restarts.js";
import { type Token, toToken } from "./clean-token.js";

/** Spoken non-speech and transcriber notes: "[laughter]", "[inaudible 00:02:46]", an unclosed "[unintelligible". */
const BRACKETED = /\[[^\]\n]{0,80}\]|\[\S{0,40}|\((?:laugh|chuckl|sigh|cough|inaudible|crosstalk|pause|silence|noise)[^)\n]{0,60}\)?/gi;

export function cleanSpoken(text: string): string {
  const prepared = prepare(text);
  let tokens = spellOutAll(dropStrayAmpersands(prepared.split(/\s+/).filter(Boolean).map(toToken)));
  tokens = dropHesitations(tokens);
  tokens = dropDiscourseParticles(tokens);
  tokens = dropRestarts(tokens);
  tokens = dropFalseStarts(tokens);
  tokens = collapseRepeats(tokens);
  tokens = dropClauseRestarts(tokens);
  tokens = dropTags(tokens);
  return tidy(tokens.map((t) => `${t.lead}${t.core}${t.trail}`).join(" "));
}

const DASH_OR_ELLIPSIS = /\s*(?:--+|—|–|…|\.\.\.+)\s*/g;
const SPACED_HYPHEN = /\s+-\s+/g;

/**
 * Curly quotes made straight, bracketed notes gone, dashes and ellipses made one "— ". Each replacement runs only
 * when the text holds a character it needs: most texts have none, and a pattern that may begin with spaces
 * (`\s*…`) is tried at every position of a text it cannot match.
 */
function prepare(text: string): string {
  let out = text.replace(/[’‘]/g, "'").replace(/[“”]/g, '"');
  if (out.includes("[") || out.includes("(")) out = out.replace(BRACKETED, " ");
  if (mayHaveDash(out)) out = out.replace(DASH_OR_ELLIPSIS, "— ");
  if (out.includes("-")) out = out.replace(SPACED_HYPHEN, "— ");
  return out;
}

/** Whether `DASH_OR_ELLIPSIS` can match: each of its forms holds one of these. */
function mayHaveDash(text: string): boolean {
  return text.includes("-") || text.includes("—") || text.includes("–") || text.includes("…") || text.includes("...");
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

/** Every token spelled out (a plain loop: \`flatMap\` costs several times as much on every word of every text). */
function spellOutAll(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (const token of tokens) out.push(...spellOut(token));
  return out;
}

/** "L_C_D_" → "LCD", "T_A_" → "TA" (AMI spells letters so); "&" → "and"; any other "_" separates words. */
function spellOut(token: Token): Token[] {
  // most words have no "_" in them or after them, and neither spelling can apply
  if (!token.core.includes("_") && !token.trail.startsWith("_")) return [andForAmpersand(token)];
  if (/^(?:[A-Za-z]_)+[A-Za-z]?$/.test(`${token.core}${token.trail.startsWith("_") ? "_" : ""}`) || /^(?:[A-Za-z]_)+$/.test(token.core)) {
    return [{ ...token, core: token.core.replace(/_/g, ""), trail: token.trail.replace(/^_+/, "") }];
  }
  if (!token.core.includes("_")) return [andForAmpersand(token)];
  return token.core
    .split("_")
    .filter(Boolean)
    .map((core, i, all) => ({ lead: i === 0 ? token.lead : "", core, trail: i === all.length - 1 ? token.trail : "" }));
}

/** A lone "&" is the word "and". */
function andForAmpersand(token: Token): Token {
  return token.core === "" && token.lead.includes("&") ? { lead: "", core: "and", trail: "" } : token;
}

/** "and, the" → "and the": a comma cannot follow a word that joins what comes next. */
const COMMA_AFTER_JOINER = /\b(and|but|or|nor|with|that|the|a|an|to|of|for|from|in|on|at|by|my|your|our|their|his|her|its),\s/gi;

/** One space between words, none before punctuation, one mark where speech left two (", ." "..", ",,"). */
function tidy(text: string): string {
  // the two costliest patterns run only on a text with the character they need (a hyphen, a comma)
  const unhyphened = text.includes("-") ? text.replace(/(\s)-(?=\p{L})/gu, "$1") : text;
  const marked = unhyphened
    .replace(/\s+([,.;:!?])/g, "$1")
    .replace(/([,;:])(?:\s{0,3}[,;:]){1,20}/g, "$1")
    .replace(/[,;:—]\s{0,3}([.!?])/g, "$1")
    .replace(/([.!?])(?:\s{0,3}[.,;:]){1,20}/g, "$1")
    .replace(/[,;:]\s{0,3}—/g, " —")
    .replace(/(?:\s?—){2,20}/g, " —");
  const joined = marked.includes(",") ? marked.replace(COMMA_AFTER_JOINER, "$1 ") : marked;
  return joined
    .replace(/^[\s,.;:!?—-]+/, "")
    .replace(/\s?[-—]+$/, " —")
    .replace(/\s{2,}/g, " ")
    .trim();
}
