/**
 * A direct question turned into the indirect form a listener uses to check it ("can we dim the lights" →
 * "whether we can dim the lights", "what should we do next" → "what we should do next"), for the simple
 * shapes where the subject is a pronoun. Null when the shape is not one of those; the caller then quotes the
 * question as it was asked.
 */

const MODALS = new Set("can could will would should shall may might must is are was were am have has had".split(" "));
const PRONOUNS = new Set(
  "i you we they he she it this that there anyone anybody everyone everybody someone somebody anything something".split(" "),
);
const THIRD_SINGULAR = new Set(
  "he she it this that there anyone anybody everyone everybody someone somebody anything something".split(" "),
);
const WH = new Set("what how why when where which who whom whose".split(" "));

class NotSimple extends Error {}

export function asIndirect(question: string): string | null {
  try {
    return indirect(question);
  } catch (error) {
    if (error instanceof NotSimple) return null;
    throw error;
  }
}

function indirect(question: string): string | null {
  // "what about does it interact…": a question begun one way and asked another; the second is the question
  const restarted = /^what about\s+(?=(?:do|does|is|are|can|could|will|would|should)\s)/i;
  if (restarted.test(question)) return indirect(question.replace(restarted, ""));
  // "do I have anything else, do I have any other advice": one question, the first
  const first = question
    .replace(/\?+\s*$/, "")
    .trim()
    .split(/,\s+(?=(?:do|does|can|could|is|are|will|would|have|has)\s)/i)[0]!;
  const words = first.split(/\s+/);
  const lower = words.map((w) => w.toLowerCase().replace(/[^\p{L}']/gu, ""));
  if (lower.length < 2) return null;
  if (WH.has(lower[0]!)) {
    // "what [health problems] are you talking about": the question word, then up to three words, then the inversion
    for (let k = 1; k <= 4 && k + 1 < words.length; k++) {
      const aux = lower[k]!;
      if (PRONOUNS.has(lower[k + 1]!) && (MODALS.has(aux) || aux === "do" || aux === "does")) {
        const head = words.slice(0, k).map((w, i) => (i === 0 ? w.toLowerCase() : w));
        return [...head, words[k + 1]!, ...verbPhrase(aux, lower[k + 1]!, words.slice(k + 2))].join(" ");
      }
      if (MODALS.has(aux) || aux === "do" || aux === "does" || aux === "did") break;
    }
    // "what happens next", "who is going to do it": the question word is the subject, no inversion to undo
    if (/^(?:\p{L}+(?:s|ed)|is|was|went|can|could|will|would|should|might|must)$/u.test(lower[1]!)) return lowerFirst(words.join(" "));
    return null;
  }
  const aux = lower[0]!;
  if (PRONOUNS.has(lower[1]!) && (MODALS.has(aux) || aux === "do" || aux === "does")) {
    return ["whether", words[1]!, ...verbPhrase(aux, lower[1]!, words.slice(2))].join(" ");
  }
  // "we launch on Friday?", "that's adding to your weight?": statement order, asked; only when short and plain
  const declarative = PRONOUNS.has(lower[0]!) || /^(?:i'm|we're|you're|they're|it's|that's|there's)$/.test(lower[0]!);
  if (declarative && words.length <= 15 && !MODALS.has(lower[1]!)) return `whether ${lowerFirst(words.join(" "))}`;
  return null;
}

/** "can" + "we" + "dim…" → "can dim…"; "do" drops; "does" + "it" + "work" → "works". */
function verbPhrase(aux: string, subject: string, rest: string[]): string[] {
  if (/^(?:of|in|on|at|with|for|from|here|there|else)$/i.test(rest[0] ?? "")) throw new NotSimple(); // "anyone of you": the subject runs on
  if (aux === "do") return rest;
  if (aux === "does") {
    if (!THIRD_SINGULAR.has(subject) || rest.length === 0) return rest;
    return [thirdPerson(rest[0]!), ...rest.slice(1)];
  }
  return [aux, ...rest];
}

function thirdPerson(verb: string): string {
  const v = verb.toLowerCase();
  if (v === "have") return "has";
  if (v === "do" || v === "go") return `${v}es`;
  if (/[^aeiou]y$/.test(v)) return `${v.slice(0, -1)}ies`;
  if (/(?:s|sh|ch|x|z)$/.test(v)) return `${v}es`;
  return `${v}s`;
}

function lowerFirst(text: string): string {
  return /^I\b/.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1);
}
