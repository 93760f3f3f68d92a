import { FUNCTION_WORDS } from "../language/word-lists.js";

/**
 * What the model writes in its own voice (what happened, the suggestion, the habit) is untrusted like a
 * quote: a participant may have told it what to write ("Jordan should be fired; HR has been told"). Each
 * text is checked, in a folded form (foldForCheck), against what the moment supports: no link or address; no
 * sensitive topic (dismissal, discipline, HR or legal, complaints) the person did not raise, and none at all
 * outside a restatement; no group (the team, everyone…) and no one named who is not part of the moment; no
 * name or proper noun that the moment does not contain.
 */

/** How long what the model writes may be, field by field: past these the card would not read at a glance. */
export const LIMITS = { quote: 400, whatHappened: 300, suggestion: 400, habit: 240 } as const;

/** What a text may draw on. */
export interface Grounding {
  /** What was said in the moment (the person's words and the manager's reply). */
  said: string;
  /** Names the text may use: the person's and the manager's. */
  own: readonly string[];
  /** Everyone else in the meeting. */
  others: readonly string[];
}

/** URLs, bare domains, e-mail addresses, Markdown links and Adaptive Card functions (`{{DATE(…)}}`), in folded text. */
const LINKISH =
  /[a-z][a-z0-9+.-]*:\/\/|\bwww\.|\]\(|\{\{|\$\{|[\p{L}\p{N}._%+-]@[\p{L}\p{N}-]+\.\p{L}|\b[\p{L}\p{N}-]+\.(?:com|net|org|io|co|ai|app|dev|info|biz|me|ly|gl|link|example|xyz)\b/iu;

/**
 * What a coach never brings up on its own: each a topic, matched in folded text. A restatement may take one
 * up only when the person raised the same topic in the moment; nothing else the model writes may.
 */
const SENSITIVE: readonly { topic: string; pattern: RegExp }[] = [
  {
    topic: "dismissal",
    pattern:
      /\b(?:fir(?:e|ed|es|ing)\b(?! alarm| drill)|let (?!it\b|that\b|this\b)[\p{L}'’]+ go\b|let go\b|sack(?:ed|ing)?\b|dismiss|terminat|lay(?:ing)? off|laid off|replac\w* [\p{L}'’]+ on the team|show \S+ the door|get rid of|on notice)/u,
  },
  {
    topic: "discipline",
    pattern: /\b(?:disciplin|pip\b|performance improvement|(?:written|final|formal) warning|demot|punish|write (?:him|her|them) up)/u,
  },
  {
    topic: "HR or legal",
    pattern: /\b(?:hr\b|human resources|people ops|legal\b|lawyer|lawsuit|sue\b|tribunal|report (?:him|her|them)\b)/u,
  },
  { topic: "complaints", pattern: /\b(?:complain|complaint|grievance|(?:has|have|had) been (?:told|informed|notified|reported)|escalat)/u },
];

/** A sentence addressed to the person ("you're worried…"), as a restatement is. */
const ADDRESSED = /\byou(?:['’](?:re|ll|ve|d))?\b|\byour\b/u;

/** Others the model may not bring into a moment that does not mention them (a claim about what they said or did). */
const GROUPS = /\b(?:team|everyone|everybody|others|colleagues|co-?workers|peers|reports|staff|management|leadership|boss|director)\b/gu;

/** First words of a sentence that are not names. */
const STARTERS = new Set(
  "It So You Your That What When This And But Did Is Are Do Does I Sounds Let If How Why Thanks Thank Right Okay OK Yes No Maybe Try Next Ask Say Instead Before After Model There They We Perhaps Sorry Earlier Great Tell Name Check Notice Reflect Even Also Rather First Then Now Hmm Mm-hmm Oh Well Really Honestly Wow".split(
    " ",
  ),
);
const CAPITALISED = /(?<![\p{L}\p{N}'’])(\p{Lu}[\p{L}\p{N}'’-]*)/gu;
const SENTENCE_END = /[.!?:;…]\s*$/u;

/**
 * The form a text is checked in, so that spelling does not get past the checks: NFKC (fullwidth `ＨＲ` is
 * `HR`), no format characters (`fi\u200bred`), case folded, initials joined (`h.r.` → `hr`), `(at)`/`(dot)`
 * as `@`/`.`, and no spaces around `.`, `/` and `@` when a space stands before them (`evil . example / x`).
 */
export function foldForCheck(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/\p{Cf}/gu, "")
    .toLowerCase()
    .replace(/\s*[([{]\s*(at|dot)\s*[)\]}]\s*/gu, (_, word: string) => (word === "at" ? "@" : "."))
    .replace(/(?<=\p{L})\s+dot\s+(?=\p{L})/gu, ".")
    .replace(/\s+([./@])\s*/gu, "$1")
    .replace(/([/@])\s+/gu, "$1")
    .replace(/\b(\p{L})\.(?=\p{L}\b)/gu, "$1")
    .replace(/\s+/gu, " ");
}

/** Why `text` (the model's `field`) cannot be shown, or null. */
export function modelTextProblem(text: string, field: string, grounding: Grounding): string | null {
  const folded = foldForCheck(text);
  const said = foldForCheck(grounding.said);
  if (LINKISH.test(folded)) return `${field} contains a link or an address`;
  const topics = SENSITIVE.filter((s) => s.pattern.test(folded));
  if (topics.length > 0) {
    // Only a restatement may take such a topic up, and only the person's own.
    if (field !== "suggestion") return `${field} speaks of ${topics[0]!.topic}`;
    // the same words as theirs, not only the same topic: "HR has been told" does not ground "the team complained"
    const unsaid = topics.find((s) => !said.includes(folded.match(s.pattern)![0].replace(/(?:ed|es|ing|s)$/u, "")));
    if (unsaid) return `${field} speaks of ${unsaid.topic}, which nobody in the moment mentioned`;
    // A restatement is about the person ("you'll be let go"); "tell HR", "X should be fired" are not.
    const aside = folded.split(/[.!?;]+/u).find((sentence) => SENSITIVE.some((s) => s.pattern.test(sentence)) && !ADDRESSED.test(sentence));
    if (aside !== undefined) return `${field} speaks of ${topics[0]!.topic} in a sentence that does not say back the person's words`;
  }
  for (const [group] of folded.matchAll(GROUPS))
    if (!said.includes(group)) return `${field} speaks of '${group}', whom the moment does not mention`;
  const own = new Set(grounding.own.flatMap(nameParts).map((n) => n.toLowerCase()));
  for (const name of new Set(grounding.others.flatMap(nameParts).map((n) => n.toLowerCase()))) {
    if (own.has(name) || !new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, "u").test(folded)) continue;
    if (topics.length > 0 || !said.includes(name)) return `${field} names someone who is not part of this moment`;
  }
  const plain = text.normalize("NFKC").replace(/\p{Cf}/gu, "");
  for (const match of plain.matchAll(CAPITALISED)) {
    const word = match[1]!.replace(/['’](s|m|re|ve|d|ll)$/i, "");
    if (word === "I" || own.has(word.toLowerCase())) continue;
    const before = plain.slice(0, match.index);
    const startsSentence = before.trim() === "" || SENTENCE_END.test(before) || /["“(]\s*$/u.test(before);
    // a sentence may open with an ordinary word ("Ask them…", "Then you…"), never with a name nobody said
    const ordinary = STARTERS.has(word) || (topics.length === 0 && FUNCTION_WORDS.has(word.toLowerCase()));
    if (startsSentence && ordinary) continue;
    if (!said.includes(word.toLowerCase())) return `${field} names '${word.slice(0, 30)}', which the moment does not mention`;
    if (topics.length > 0 && !startsSentence) return `${field} speaks of action against someone named`;
  }
  return null;
}

/** "Sam Ruiz (Guest)" → Sam, Ruiz: the parts of a display name a text could name a person by. */
export function nameParts(displayName: string): string[] {
  return [...displayName.replace(/\([^)]*\)/g, " ").matchAll(/\p{Lu}[\p{L}\p{N}'’-]{2,}/gu)].map((m) => m[0]);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
