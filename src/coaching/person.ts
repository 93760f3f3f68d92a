/** First person of the speaker → second person of the listener, and the other way round. */
const SWAPS: Record<string, string> = {
  "i'm": "you're",
  "i am": "you are",
  "i've": "you've",
  "i'd": "you'd",
  "i'll": "you'll",
  "i was": "you were",
  i: "you",
  me: "you",
  my: "your",
  mine: "yours",
  myself: "yourself",
  "am i": "are you",
  "you're": "I'm",
  "you are": "I am",
  "you've": "I've",
  "you'd": "I'd",
  "you'll": "I'll",
  "you were": "I was",
  your: "my",
  yours: "mine",
  yourself: "myself",
  "are you": "am I",
};

/** Words after which "you" is an object ("told you", "with you"): it becomes "me", otherwise "I". */
const OBJECT_CONTEXT = new Set(
  "to with for at from about of by tell told ask asked give gave let help helped thank thanks see saw like need want call show send trust owe pay join meet".split(
    " ",
  ),
);

const KEYS = [...Object.keys(SWAPS), "you"].sort((a, b) => b.length - a.length).map((k) => k.replace(/'/g, "['’]").replace(/ /g, "\\s+"));
const PATTERN = new RegExp(`\\b(${KEYS.join("|")})\\b`, "gi");

/**
 * Turns what someone said into what the listener says back: "I'm stretched" → "you're stretched",
 * "your plan worries me" → "my plan worries you", "the changes you come up with" → "the changes I come up with".
 */
export function toSecondPerson(text: string): string {
  return text.replace(PATTERN, (match, _word: string, offset: number) => {
    const key = match.toLowerCase().replace(/’/g, "'").replace(/\s+/g, " ");
    if (key !== "you") return SWAPS[key] ?? match;
    const before = /([\p{L}']+)\s*$/u.exec(text.slice(0, offset))?.[1]?.toLowerCase();
    return before !== undefined && OBJECT_CONTEXT.has(before) ? "me" : "I";
  });
}
