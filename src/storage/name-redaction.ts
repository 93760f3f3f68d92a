import { foldName } from "../metrics/resolve-speaker.js";

/** What a forgotten person's name becomes in what others said and in meeting titles. */
export const NEUTRAL_MARKER = "[someone]";

/** Replaces a person's names in free text; `count` is how many it replaced. */
export type NameRedactor = (text: string) => { text: string; count: number };

/** How one person is written: whole forms (any case) and the given name, which needs care (see nameRedactor). */
interface Forms {
  whole: Set<string>;
  given: Set<string>;
  /** Family names, to tell "Jordan Lee" (them) from "Jordan Smith" (someone else). */
  family: Set<string>;
}

/** "Lee, Jordan (Guest)" → given "jordan", family "lee"; "Jordan Lee" → the same; one word → given only. */
function splitName(folded: string): { given: string | null; family: string | null } {
  const bare = folded.replace(/\s*\([^)]*\)\s*$/, "").trim();
  const comma = /^([^,]+),\s*([^,]+)$/.exec(bare);
  const words = comma ? [...comma[2]!.split(" "), comma[1]!.trim()] : bare.split(" ");
  const word = (w: string | undefined) => (w && /^[\p{L}\p{N}'’-]{2,}$/u.test(w) ? w : null);
  return words.length > 1 ? { given: word(words[0]), family: word(words.at(-1)) } : { given: null, family: null };
}

function formsOf(names: readonly string[]): Forms {
  const forms: Forms = { whole: new Set(), given: new Set(), family: new Set() };
  for (const name of names) {
    const full = foldName(name).replace(/\s+/g, " ").trim();
    const bare = full.replace(/\s*\([^)]*\)\s*$/, "").trim();
    for (const f of [full, bare]) if ([...f].length >= 2) forms.whole.add(escapeRegExp(f));
    const { given, family } = splitName(full);
    if (!given || !family) continue;
    const [g, l, i] = [escapeRegExp(given), escapeRegExp(family), escapeRegExp(given[0]!)];
    forms.given.add(given);
    forms.family.add(family);
    // "Jordan Lee" of "Lee, Jordan"; "Mr. Lee"; "J. Lee"; their e-mail address as companies form it.
    forms.whole.add(`${g} +${l}`);
    forms.whole.add(`(?:mr|mrs|ms|mx|miss|dr)\\.? +${l}`);
    forms.whole.add(`${i}\\.? +${l}`);
    forms.whole.add(`(?:${g}[._-]?${l}|${i}[._-]?${l}|${l}[._-]${g}|${l}[._-]?${i})@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+`);
  }
  return forms;
}

/**
 * A redactor for the person's names, matched as Attune matches people (case and accents ignored, see
 * foldName) and as whole words ("Jordan" is not in "Jordanna"): each full name and alias, the name without
 * a Teams suffix such as "(Guest)", "Last, First" as "First Last", a title or an initial with the family name
 * ("Mr. Lee", "J. Lee") and their e-mail address (first.last@…, flast@…). The given name alone counts where
 * it is written as a name (capitalised, or as "jordan's"), not before another family name ("Jordan Smith")
 * and not at all when `others` (the other people of the same meeting) share it. A family name alone is never
 * replaced: another "Lee" may be meant. Linear in the text: one folding pass with an index map, one regex
 * scan over fixed alternatives, one rebuild.
 */
export function nameRedactor(names: readonly string[], others: readonly string[] = []): NameRedactor {
  const forms = formsOf(names);
  const ambiguous = new Set(others.map((n) => splitName(foldName(n).replace(/\s+/g, " ").trim()).given ?? foldName(n).trim()));
  const given = [...forms.given].filter((g) => !ambiguous.has(g));
  if (forms.whole.size === 0 && given.length === 0) return (text) => ({ text, count: 0 });
  const byLength = (list: Iterable<string>) => [...list].sort((a, b) => b.length - a.length).join("|");
  const alternatives = [`(${byLength(forms.whole)})`, ...(given.length > 0 ? [`(${byLength(given.map(escapeRegExp))})`] : [])];
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}])`, "gu");

  return (text) => {
    const { folded, origin } = foldWithMap(text);
    let out = "";
    let from = 0;
    let count = 0;
    for (const match of folded.matchAll(pattern)) {
      const endIndex = match.index + match[0].length;
      const start = origin[match.index]!;
      const end = endIndex < folded.length ? origin[endIndex]! : text.length;
      if (match[1] === undefined && !givenNameHere(text, start, end, folded.slice(endIndex), forms.family)) continue;
      out += text.slice(from, start) + NEUTRAL_MARKER;
      from = end;
      count++;
    }
    return count === 0 ? { text, count } : { text: out + text.slice(from), count };
  };
}

/** The given name alone names them here: written as a name, and not the start of someone else's full name. */
function givenNameHere(text: string, start: number, end: number, foldedAfter: string, family: ReadonlySet<string>): boolean {
  const asName = /^\p{Lu}/u.test(text.slice(start, start + 2)) || /^['’]s\b/u.test(text.slice(end, end + 3));
  if (!asName) return false;
  const next = /^ +(\p{Lu}[\p{L}'’-]+)/u.exec(text.slice(end, end + 60));
  return !next || family.has(foldedAfter.trimStart().split(/[^\p{L}\p{N}'’-]/u)[0]!);
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
