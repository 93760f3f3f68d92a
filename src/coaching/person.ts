const SWAPS: Record<string, string> = {
  "i'm": "you're", "i am": "you are", "i've": "you've", "i'd": "you'd", "i'll": "you'll", "i was": "you were",
  i: "you", me: "you", my: "your", mine: "yours", myself: "yourself", "am i": "are you",
};

const PATTERN = new RegExp(`\\b(${Object.keys(SWAPS).sort((a, b) => b.length - a.length).map((k) => k.replace(/'/g, "['’]")).join("|")})\\b`, "gi");

/** Turns what someone said about themselves into what the listener says back: "I'm stretched" → "you're stretched". */
export function toSecondPerson(text: string): string {
  return text.replace(PATTERN, (match) => SWAPS[match.toLowerCase().replace(/’/g, "'")] ?? match);
}
