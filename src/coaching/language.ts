import { franc } from "franc-min";
import { z } from "zod";
import type { Utterance } from "../transcript/schema.js";

/** The language Attune judged the meeting to be in, and whether its coaching (English-only) could read it. */
export const meetingLanguageSchema = z.object({
  /** ISO 639-1 where known ("en", "de"), else ISO 639-3 ("und" when undetermined). */
  code: z.string(),
  /** "German", or the code when Attune has no name for it. */
  name: z.string(),
  /** Where the language came from: the transcript (Teams' spokenLanguage), detected from the words, or assumed. */
  source: z.enum(["transcript", "detected", "assumed"]),
  /** Moments and restatements were judged (English); false means they could not be. */
  coached: z.boolean(),
});
export type MeetingLanguage = z.infer<typeof meetingLanguageSchema>;

/** Detection reads at most this much text, spread across the meeting: enough for trigrams, bounded in cost. */
const SAMPLE_CHARS = 6000;
/** Under this much text the detector guesses; Attune then assumes English rather than refuse to coach. */
const MIN_CHARS = 200;

const NAMES: Record<string, [string, string]> = {
  eng: ["en", "English"],
  deu: ["de", "German"],
  fra: ["fr", "French"],
  spa: ["es", "Spanish"],
  ita: ["it", "Italian"],
  nld: ["nl", "Dutch"],
  por: ["pt", "Portuguese"],
  pol: ["pl", "Polish"],
  swe: ["sv", "Swedish"],
  dan: ["da", "Danish"],
  nob: ["no", "Norwegian"],
  fin: ["fi", "Finnish"],
  tur: ["tr", "Turkish"],
  rus: ["ru", "Russian"],
  ukr: ["uk", "Ukrainian"],
  ces: ["cs", "Czech"],
  hun: ["hu", "Hungarian"],
  ron: ["ro", "Romanian"],
  ell: ["el", "Greek"],
  jpn: ["ja", "Japanese"],
  cmn: ["zh", "Chinese"],
  kor: ["ko", "Korean"],
  arb: ["ar", "Arabic"],
  hin: ["hi", "Hindi"],
  ind: ["id", "Indonesian"],
  vie: ["vi", "Vietnamese"],
  heb: ["he", "Hebrew"],
  tha: ["th", "Thai"],
};
const NAMED = Object.keys(NAMES);
const BY_TWO_LETTERS = new Map(Object.values(NAMES).map(([two, name]) => [two, name]));

/**
 * The meeting's language: Teams' own `spokenLanguage` when the transcript carries it ("de-de"), otherwise
 * detected from a sample of what was said (franc), otherwise English. Only English is coached.
 */
export function meetingLanguage(utterances: readonly Utterance[], declared: string | null = null): MeetingLanguage {
  if (declared) {
    const code = declared.toLowerCase().split(/[-_]/)[0]!;
    return { code, name: BY_TWO_LETTERS.get(code) ?? declared, source: "transcript", coached: code === "en" };
  }
  const sample = sampleText(utterances);
  if (sample.length < MIN_CHARS) return { code: "en", name: "English", source: "assumed", coached: true };
  // only the languages Attune names: a meeting in any other is still not English, and each language left out is a
  // trigram table franc need not compare the sample with
  const detected = franc(sample, { minLength: MIN_CHARS, only: NAMED });
  if (detected === "und") return { code: "en", name: "English", source: "assumed", coached: true };
  const [code, name] = NAMES[detected] ?? [detected, detected];
  return { code, name, source: "detected", coached: detected === "eng" };
}

/** Up to 60 utterances from across the meeting, evenly spaced, 100 characters of each at most. */
function sampleText(utterances: readonly Utterance[]): string {
  const stride = Math.max(1, Math.floor(utterances.length / 60));
  const parts: string[] = [];
  for (let i = 0; i < utterances.length && parts.length < 60; i += stride) parts.push(utterances[i]!.text.slice(0, 100));
  return parts.join(" ").slice(0, SAMPLE_CHARS);
}
