import { cleanSpoken } from "./clean.js";
import { lemma } from "./lemma.js";
import { splitSentences } from "./sentences.js";
import { tokens } from "./tokens.js";
import { FUNCTION_WORDS } from "./word-lists.js";

/**
 * One reading of a piece of speech, made once and shared by every step that needs it: the text as said, its
 * sentences as said, the text cleaned of hesitations and restarts, its tokens, and the lemmas of its content
 * words. Each part is worked out on first use and kept.
 */
export class Reading {
  #sentences: readonly string[] | null = null;
  #cleaned: string | null = null;
  #tokens: readonly string[] | null = null;
  #content: ReadonlySet<string> | null = null;

  /** `cleaned`: the text is already clean (a sentence cut from a cleaned reading), so it is not cleaned again. */
  constructor(
    readonly text: string,
    cleaned?: string,
  ) {
    this.#cleaned = cleaned ?? null;
  }

  /** The sentences as said (verbatim, for quoting). */
  get sentences(): readonly string[] {
    this.#sentences ??= splitSentences(this.text);
    return this.#sentences;
  }

  /** Text a person could read or say: no "um", stutters, restarts or transcriber notes. */
  get cleaned(): string {
    this.#cleaned ??= cleanSpoken(this.text);
    return this.#cleaned;
  }

  /** Lower-cased words of the cleaned text. */
  get tokens(): readonly string[] {
    this.#tokens ??= tokens(this.cleaned);
    return this.#tokens;
  }

  /**
   * The lemmas of the content words (no function words, no single letters), as a set. A clitic "'s" goes first:
   * "angry's" (angry is) and "the job's" (the job is, or its) are "angry" and "job".
   */
  get contentLemmas(): ReadonlySet<string> {
    if (this.#content === null) {
      const out = new Set<string>();
      for (const t of this.tokens) {
        const word = t.replace(/'s$/, "");
        if (word.length > 1 && !FUNCTION_WORDS.has(t) && !FUNCTION_WORDS.has(word)) out.add(lemma(word));
      }
      this.#content = out;
    }
    return this.#content;
  }
}

/** Readings remembered by text: a meeting says the same sentence to many steps (and "Yeah." many times). */
const REMEMBERED = 50_000;
const byText = new Map<string, Reading>();
const byUtterance = new WeakMap<object, Reading>();

/** The reading of a text; the same text gets the same reading while it is remembered. */
export function readText(text: string): Reading {
  let reading = byText.get(text);
  if (reading === undefined) {
    if (byText.size >= REMEMBERED) byText.clear();
    reading = new Reading(text);
    byText.set(text, reading);
  }
  return reading;
}

/**
 * Forgets the readings remembered by text. Called when a meeting's coaching is done, so what people said is not
 * kept in memory past the meeting that needed it (a server coaches many meetings).
 */
export function forgetReadings(): void {
  byText.clear();
  byCleanText.clear();
  for (const judged of judgements) judged.clear();
}

/** What each `perText` judgement has answered, forgotten with the readings. */
const judgements: Map<string, unknown>[] = [];

/**
 * A judgement of a text remembered per text, like its reading: coaching asks the same question of the same
 * sentence from several steps ("is this only a backchannel?", "what does this sentence do?"). `judge` must depend
 * on the text alone, and what it returns must not be changed by whoever asks.
 */
export function perText<T>(judge: (text: string) => T): (text: string) => T {
  const answers = new Map<string, T>();
  judgements.push(answers);
  return (text) => {
    if (answers.has(text)) return answers.get(text) as T;
    const answer = judge(text);
    if (answers.size >= REMEMBERED) answers.clear();
    answers.set(text, answer);
    return answer;
  };
}

const byCleanText = new Map<string, Reading>();

/**
 * The reading of text that is already clean (a cleaned sentence, or a part of one): its tokens and lemmas without
 * cleaning it a second time.
 */
export function readClean(text: string): Reading {
  let reading = byCleanText.get(text);
  if (reading === undefined) {
    if (byCleanText.size >= REMEMBERED) byCleanText.clear();
    reading = new Reading(text, text);
    byCleanText.set(text, reading);
  }
  return reading;
}

/** The reading of an utterance, made once per utterance object. */
export function read(utterance: { readonly text: string }): Reading {
  let reading = byUtterance.get(utterance);
  if (reading === undefined) {
    reading = readText(utterance.text);
    byUtterance.set(utterance, reading);
  }
  return reading;
}

/**
 * How many content lemmas of `reply` come from `said`: one text, or several (their last few turns), each read on
 * its own so a turn's reading is shared with every step that reads it.
 */
export function sharedContent(said: string | readonly string[], reply: string): number {
  const parts = typeof said === "string" ? [said] : said;
  const theirs = parts.length === 1 ? readText(parts[0]!).contentLemmas : new Set(parts.flatMap((p) => [...readText(p).contentLemmas]));
  let n = 0;
  for (const l of readText(reply).contentLemmas) if (theirs.has(l)) n++;
  return n;
}
