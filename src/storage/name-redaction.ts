import { foldName } from "../metrics/resolve-speaker.js";

/** What a forgotten person's name becomes in what others said and in meeting titles. */
export const NEUTRAL_MARKER = "[someone]";

/** Replaces a person's names in free text; `count` is how many it replaced. */
export type NameRedactor = (text: string) => { text: string; count: number };

interface Variant {
  folded: string;
  /** A given name alone ("Jordan" of "Jordan Lee") only counts where it is written as a name, capitalised. */
  capitalOnly: boolean;
}

/**
 * A redactor for the person's names, matched as Attune matches people (case and accents ignored, see
 * foldName) and as whole words ("Jordan" is not in "Jordanna"): each full name and alias, the name without
 * a Teams suffix such as "(Guest)", and the given name of a name of several words where it is capitalised.
 * Linear in the text: one folding pass with an index map, one regex scan over fixed alternatives, one rebuild.
 */
export function nameRedactor(names: readonly string[]): NameRedactor {
  const variants = new Map<string, Variant>();
  const add = (folded: string, capitalOnly: boolean) => {
    if ([...folded].length < 2) return;
    const had = variants.get(folded);
    if (!had || (had.capitalOnly && !capitalOnly)) variants.set(folded, { folded, capitalOnly });
  };
  for (const name of names) {
    const full = foldName(name).replace(/\s+/g, " ");
    add(full, false);
    const bare = full.replace(/\s*\([^)]*\)\s*$/, "").trim();
    add(bare, false);
    const words = bare.split(" ");
    if (words.length > 1 && /^[\p{L}\p{N}'’-]+$/u.test(words[0]!)) add(words[0]!, true);
  }
  if (variants.size === 0) return (text) => ({ text, count: 0 });
  const byFolded = new Map([...variants.values()].map((v) => [v.folded, v]));
  const alternatives = [...byFolded.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}])`, "gu");

  return (text) => {
    const { folded, origin } = foldWithMap(text);
    let out = "";
    let from = 0;
    let count = 0;
    for (const match of folded.matchAll(pattern)) {
      const start = origin[match.index]!;
      const end = match.index + match[0].length < folded.length ? origin[match.index + match[0].length]! : text.length;
      if (byFolded.get(match[0])?.capitalOnly && !/^\p{Lu}/u.test(text.slice(start, start + 2))) continue;
      out += text.slice(from, start) + NEUTRAL_MARKER;
      from = end;
      count++;
    }
    return count === 0 ? { text, count } : { text: out + text.slice(from), count };
  };
}

/** The text folded as foldName folds names, code point by code point, with the index each folded unit came from. */
function foldWithMap(text: string): { folded: string; origin: number[] } {
  const parts: string[] = [];
  const origin: number[] = [];
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i)!;
    const size = code > 0xffff ? 2 : 1;
    const ch = text.slice(i, i + size);
    const f = code < 0x80 ? ch.toLowerCase() : ch.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
    // Whitespace of any kind folds to one space, as in the names.
    const unit = /^\s$/u.test(ch) ? " " : f;
    for (let k = 0; k < unit.length; k++) origin.push(i);
    parts.push(unit);
    i += size;
  }
  return { folded: parts.join(""), origin };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, " +");
}
