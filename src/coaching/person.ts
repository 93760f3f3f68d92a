/**
 * What a person said, moved into the voice of the listener who says it back: "I'm stretched" → "you're
 * stretched", "my plan" → "your plan". Their "you" is the listener only when they were speaking to the
 * listener ("you told me", "can you…", "with you"): then it becomes "I"/"me". Otherwise it is the general
 * "you" people use of themselves ("you feel guilty when…") and stays "you", which still means them.
 */

const FIRST_TO_SECOND: Record<string, string> = {
  i: "you",
  me: "you",
  my: "your",
  mine: "yours",
  myself: "yourself",
  "i'm": "you're",
  "i've": "you've",
  "i'd": "you'd",
  "i'll": "you'll",
};

const SECOND_TO_FIRST: Record<string, string> = {
  your: "my",
  yours: "mine",
  yourself: "myself",
  "you're": "I'm",
  "you've": "I've",
  "you'd": "I'd",
  "you'll": "I'll",
};

/** Pairs where the verb must agree with the new pronoun. */
const AGREEMENT: Record<string, string> = {
  "i am": "you are",
  "i was": "you were",
  "i wasn't": "you weren't",
  "am i": "are you",
  "was i": "were you",
  "you are": "I am",
  "you were": "I was",
  "you weren't": "I wasn't",
  "you aren't": "I'm not",
  "are you": "am I",
  "were you": "was I",
  "aren't you": "am I not",
};

/** The speaker was speaking to the listener: "you said", "told you", "can you", "with you". */
const ADDRESSED =
  /\b(?:you (?:said|told|asked|mentioned|promised|gave|sent|suggested|agreed|wanted|decided|put|made|left|took|chose|picked|assigned|showed|offered|expected|owe)|(?:told|asked|tell|ask|thank|thanks|with|from|by|show|showed|give|gave|send|sent|trust|owe|owed|call|called|email|emailed|meet|met) you)\b|(?:^|[,.;:!?]\s*|\b(?:what|how|why|when|where|so|and|but|then)\s+)(?:can|could|would|will|do|did|are|were|have|should|won't|can't|couldn't|wouldn't) you\b/;

/** Words after which "you" is an object ("told you", "with you"): it becomes "me", otherwise "I". */
const OBJECT_CONTEXT = new Set(
  "to with for at from about of by on in into tell told ask asked give gave let help helped thank thanks see saw like need want call called show showed send sent trust owe pay join meet met email emailed and or than".split(
    " ",
  ),
);

/** A question with "…are you…" in it was asked of the listener. */
const ASKED_OF_YOU = /\b(?:can|could|would|will|do|did|are|were|have|should|won't|can't|couldn't|wouldn't|don't|didn't|aren't) you\b/;

/** Words after which "me" + an -ing word is the subject of a clause ("that maybe me drinking…"), not an object ("saw me drinking"). */
const GERUND_SUBJECT_BEFORE = new Set("that maybe and but if because so or like".split(" "));

export function toListenerVoice(text: string, question = false): string {
  const lower = text.toLowerCase().replace(/[’‘]/g, "'");
  const addressed = ADDRESSED.test(lower) || (question && ASKED_OF_YOU.test(lower));
  const words = text.split(" ");
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const raw = words[i]!;
    const core = raw.replace(/^[^\p{L}']+|[^\p{L}']+$/gu, "");
    const key = core.toLowerCase().replace(/[’‘]/g, "'");
    const lead = raw.slice(0, raw.indexOf(core));
    const trail = raw.slice(raw.indexOf(core) + core.length);
    const next = words[i + 1];
    const nextKey = next?.replace(/^[^\p{L}']+|[^\p{L}']+$/gu, "").toLowerCase() ?? "";
    const pair = AGREEMENT[`${key} ${nextKey}`];
    const pairApplies = pair !== undefined && (key === "i" || key === "am" || key === "was" || addressed) && !/[,.;:!?]$/.test(raw);
    if (pairApplies) {
      const nextTrail = next!.slice(next!.indexOf(next!.replace(/^[^\p{L}']+|[^\p{L}']+$/gu, "")) + nextKey.length);
      out.push(`${lead}${pair}${nextTrail}`);
      i++;
      continue;
    }
    // "maybe me drinking less would help": "me" as the subject of an -ing clause is "your" in the listener's mouth
    const before = out[out.length - 1]?.replace(/[^\p{L}']+$/gu, "").toLowerCase();
    if (key === "me" && trail === "" && /^\p{L}{2,}ing$/u.test(nextKey) && (before === undefined || GERUND_SUBJECT_BEFORE.has(before))) {
      out.push(`${lead}your`);
      continue;
    }
    const first = FIRST_TO_SECOND[key];
    if (first !== undefined) {
      out.push(`${lead}${first}${trail}`);
      continue;
    }
    if (addressed && key === "you") {
      const before = out[out.length - 1]?.replace(/[^\p{L}']+$/gu, "").toLowerCase();
      const object = /[,.;:!?]$/.test(raw) || (before !== undefined && OBJECT_CONTEXT.has(before)) || next === undefined;
      out.push(`${lead}${object ? "me" : "I"}${trail}`);
      continue;
    }
    const second = addressed ? SECOND_TO_FIRST[key] : undefined;
    out.push(second !== undefined ? `${lead}${second}${trail}` : raw);
  }
  return out.join(" ");
}

/** Their "I" as someone else speaks of them: "I'm getting frustrated with her" → "they're getting frustrated with her". */
const FIRST_TO_THIRD: Record<string, string> = {
  i: "they",
  me: "them",
  my: "their",
  mine: "theirs",
  myself: "themselves",
  "i'm": "they're",
  "i've": "they've",
  "i'd": "they'd",
  "i'll": "they'll",
  am: "are",
  was: "were",
  "wasn't": "weren't",
};

/**
 * What they said of themselves, told to someone else: singular "they", whose verbs are the first person's but for
 * "am" and "was" after "I". Null when it has a "you" in it (theirs or the listener's, it would read as the reader)
 * or a "they" of its own.
 */
export function toThirdPerson(text: string): string | null {
  if (/\byou(?:'\w+)?\b|\byour\b/i.test(text)) return null;
  // "everyone else is fine and they're normal and I'm the freak": a second "they" would make it unclear who is who
  if (/\b(?:they|they're|they've|them|their|theirs|themselves)\b/i.test(text)) return null;
  const words = text.split(" ");
  return words
    .map((raw, i) => {
      const key = raw
        .toLowerCase()
        .replace(/[’‘]/g, "'")
        .replace(/[^\p{L}']+$/u, "");
      const trail = raw.slice(key.length);
      const afterI = i > 0 && /^i$/i.test(words[i - 1]!);
      if ((key === "am" || key === "was" || key === "wasn't") && !afterI) return raw;
      const swapped = FIRST_TO_THIRD[key];
      return swapped === undefined ? raw : `${swapped}${trail}`;
    })
    .join(" ");
}
