/** Model output is untrusted too: no control characters, folded white space, a hard length cap. */
export function capText(text: string, max: number): string {
  const clean = text
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control and bidi characters are what this strips
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).replace(/\s+\S*$/, "")}…`;
}

/** Folds white space and quote marks so a quote can be compared with the utterance it claims to come from. */
export function foldForQuote(text: string): string {
  return text
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/^[\s"'…]+|[\s"'…]+$/g, "")
    .replace(/\s+/g, " ")
    .replace(/^\.{3}|\.{3}$/g, "")
    .trim();
}

/** Long text keeps its start and end, so a quote the model copies is still a piece of the words sent. */
export function excerpt(text: string, max: number): string {
  if (text.length <= max) return text;
  const half = Math.floor((max - 3) / 2);
  return `${text.slice(0, half).replace(/\s+\S*$/, "")} … ${text.slice(-half).replace(/^\S*\s+/, "")}`;
}
