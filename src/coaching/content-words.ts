/** Words that carry no content of their own: pronouns, auxiliaries, fillers, very common verbs. */
const STOP = new Set(
  `a about above after again against all also am an and any are aren't as at be because been before being
  below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during
  each few for from further get gets getting got had hadn't has hasn't have haven't having he he'd he'll he's her
  here here's hers herself him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself
  just kind know let let's like lot maybe me mean mm mhm more most much must my myself no nor not now of off oh
  ok okay on once one only or other ought our ours ourselves out over own pretty quite really right said say
  says same she she'd she'll she's should shouldn't so some something sort such than that that's the their
  theirs them themselves then there there's these they they'd they'll they're they've thing things think this
  those though through to too uh um under until up us very was wasn't we we'd we'll we're we've well were
  weren't what what's when when's where where's which while who who's whom why why's will with won't would
  wouldn't yeah yes yep you you'd you'll you're you've your yours yourself yourselves gonna wanna going go
  goes went come came actually even still way want wanted need bit little lot lots`.split(/\s+/),
);

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

/** Lower-cased word tokens, apostrophes normalised. */
export function tokens(text: string): string[] {
  return (text.toLowerCase().replace(/’/g, "'").match(TOKEN) ?? []).map((t) => t.replace(/'$/, ""));
}

/**
 * A light suffix-stripping stem, enough to match "worried"/"worry", "tests"/"testing", "craving"/"crave",
 * "stopped"/"stop": strip one inflection, undouble a final consonant, drop a final silent "e".
 */
export function stem(word: string): string {
  let w = word.replace(/'s$/, "");
  if (w.length > 5 && w.endsWith("ies")) return `${w.slice(0, -3)}y`;
  if (w.length > 4 && w.endsWith("ied")) return `${w.slice(0, -3)}y`;
  for (const suffix of ["ing", "ed", "ly", "es", "s"]) {
    if (w.length - suffix.length >= 3 && w.endsWith(suffix) && !w.endsWith("ss")) {
      w = w.slice(0, -suffix.length);
      if (/([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss|zz)$/.test(w)) w = w.slice(0, -1);
      break;
    }
  }
  return w.length > 3 && w.endsWith("e") ? w.slice(0, -1) : w;
}

/** The stems of the content words of a text, as a set. */
export function contentStems(text: string): Set<string> {
  const out = new Set<string>();
  for (const t of tokens(text)) if (!STOP.has(t) && t.length > 1) out.add(stem(t));
  return out;
}

export function isStopWord(word: string): boolean {
  return STOP.has(word.toLowerCase());
}

/** How many content words of `reply` (by stem) come from `said`. */
export function sharedContent(said: string, reply: string): number {
  const theirs = contentStems(said);
  let n = 0;
  for (const s of contentStems(reply)) if (theirs.has(s)) n++;
  return n;
}
