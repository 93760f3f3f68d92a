import { SeededRandom } from "./seeded-random.js";

/**
 * Synthetic Teams transcripts in the *download* shape (what the Teams UI and Graph `/content` give):
 * UTF-8 BOM, `WEBVTT`, cue ids `<guid>/<n>-<k>` (chunk k of utterance n), `HH:MM:SS.mmm` times,
 * payload wrapped over two lines inside one `<v Name>...</v>`, `&apos;` / `&#39;` / `&amp;` entities,
 * and overlapping speech where a chunk is listed after a cue that starts later.
 * Deterministic: the same spec always gives the same text.
 */
export interface MeetingSpec {
  /** Length of the meeting in minutes. */
  minutes: number;
  seed?: number;
  /** Number of participants, 1 to 12 (default 12). */
  speakers?: number;
  /** Words per minute of meeting, pauses included (default 140, close to the AMI meetings' 149). */
  wordsPerMinute?: number;
  /**
   * Mean number of words in a full display chunk (default 15: about 2.2 KB per minute, 140 words per minute).
   * Smaller values give more, shorter cues: 1.8 gives some 40 000 cues in eight hours.
   */
  wordsPerCue?: number;
  /** Probability that the next speaker starts before the current one has finished (default 0.12). */
  overlapChance?: number;
}

export interface GeneratedMeeting {
  /** The VTT file, BOM included. */
  text: string;
  /** Display names exactly as a parser should report them. */
  speakers: string[];
  /** The name that talks most by construction (the meeting's organiser). */
  manager: string;
  /** Number of cues written. */
  cues: number;
  /** Number of utterances (`<n>` values); each has non-empty text. */
  utterances: number;
  /** Words spoken, counted on the decoded text split on white space. */
  words: number;
  /** End time of the last cue. */
  durationMs: number;
  /** Cues that start earlier than the cue listed just before them. */
  outOfOrderCues: number;
}

/** Twelve display names as Teams writes them: commas, parentheses, accents, non-Latin scripts. */
export const participantNames: readonly string[] = [
  "Renée Ortiz",
  "Lee, Jordan (Guest)",
  "Søren Kjærgaard",
  "Nguyễn Thị Minh Anh",
  "O'Neill, Siobhán",
  "Zoë Müller (External)",
  "Dr. Ana-María Núñez",
  "Chen Wei (陈伟)",
  "Björn Åkesson (Contoso)",
  "Fatima Al-Sayed",
  "Kowalski, Łukasz (Guest)",
  "François Lefèvre-Dubois",
];

/** How much each participant talks, relative to the others; the first is the manager. */
const TALK_WEIGHTS = [4, 2.5, 2, 1.6, 1.3, 1.1, 1, 0.8, 0.6, 0.5, 0.3, 0.15];

const VOCABULARY = (
  "the a an and or but so then because if when while that this these those it we you they I he she " +
  "is are was were be been have has had do does did will would can could should might must " +
  "plan release branch migration tenant script test tests soak build pipeline deploy rollout rollback " +
  "customer customers team teams sprint backlog ticket tickets review reviews design designer budget " +
  "date deadline week weekend Thursday Tuesday Monday quarter month roadmap feature features bug bugs " +
  "issue issues risk risks owner owners on-call rotation runbook page pages alert alerts latency " +
  "storage database queue service services endpoint cache load traffic region regions cost costs " +
  "think know want need mean guess agree understand check move ship cut run fix try look talk ask " +
  "really actually probably maybe basically just still already also again only pretty quite very " +
  "good bad big small larger smaller new old next last first second whole other same different " +
  "time thing things way point part case problem question idea number numbers data report dashboard " +
  "meeting call slide slides notes summary decision decisions action item items follow-up update " +
  "of to in on for with at from by about into over after before between through without under"
).split(" ");

const CONTRACTIONS = [
  "I'm",
  "don't",
  "it's",
  "we're",
  "let's",
  "that's",
  "can't",
  "isn't",
  "I've",
  "they're",
  "we'll",
  "won't",
  "there's",
  "you're",
  "didn't",
];
const AMPERSAND_WORDS = ["R&D", "Q&A", "&", "P&L", "M&A"];
const BACKCHANNELS = [
  "Yeah.",
  "Mm-hmm.",
  "Right.",
  "Okay.",
  "Sure.",
  "Exactly.",
  "Got it.",
  "Yes.",
  "No.",
  "Uh-huh.",
  "Right, right.",
  "I see.",
  "Thanks.",
  "That's fair.",
  "Makes sense.",
];

const MINUTE_MS = 60_000;

export function generateTeamsMeeting(spec: MeetingSpec): GeneratedMeeting {
  const rng = new SeededRandom(spec.seed ?? 1);
  const speakerCount = Math.min(Math.max(spec.speakers ?? 12, 1), participantNames.length);
  const names = participantNames.slice(0, speakerCount);
  const weights = TALK_WEIGHTS.slice(0, speakerCount);
  const wordsPerMinute = spec.wordsPerMinute ?? 140;
  const wordsPerCue = Math.max(spec.wordsPerCue ?? 15, 1);
  const overlapChance = spec.overlapChance ?? 0.12;
  const durationLimitMs = Math.round(spec.minutes * MINUTE_MS);
  const speakingRate = names.map(() => rng.between(150, 190)); // words per minute while talking
  const guid = makeGuid(rng);

  const blocks: string[] = ["\uFEFFWEBVTT\n"];
  const listedStarts: number[] = [];
  let cueCount = 0;
  let words = 0;
  let lastEnd = 0;
  let start = rng.int(200, 3000);
  let speaker = 0;
  let previous: { lastChunkIndex: number } | null = null;
  let overlapsPrevious = false;
  let n = 0;

  while (start < durationLimitMs) {
    n++;
    const tokens = utteranceTokens(rng);
    const speechMs = Math.max(250, Math.round(((tokens.length * MINUTE_MS) / speakingRate[speaker]!) * rng.between(0.85, 1.15)));
    const end = start + speechMs;
    const chunks = splitIntoChunks(tokens, wordsPerCue, rng);
    const name = names[speaker]!;
    let chunkStart = start;
    let wordsBefore = 0;
    let lastChunkIndex = -1;
    for (let k = 0; k < chunks.length; k++) {
      const chunk = chunks[k]!;
      wordsBefore += chunk.length;
      const chunkEnd = k === chunks.length - 1 ? end : start + Math.round((speechMs * wordsBefore) / tokens.length);
      const block = `${guid}/${n}-${k}\n${timestamp(chunkStart)} --> ${timestamp(chunkEnd)}\n<v ${name}>${wrap(chunk, rng)}</v>\n`;
      if (k === 0 && overlapsPrevious && previous && rng.chance(0.5)) {
        // An interruption's first chunk listed before the interrupted speaker's last chunk, as Teams does.
        blocks.splice(previous.lastChunkIndex, 0, block);
        listedStarts.splice(previous.lastChunkIndex - 1, 0, chunkStart); // blocks[0] is the header
        lastChunkIndex = previous.lastChunkIndex;
      } else {
        blocks.push(block);
        listedStarts.push(chunkStart);
        lastChunkIndex = blocks.length - 1;
      }
      chunkStart = chunkEnd;
    }
    cueCount += chunks.length;
    words += tokens.length;
    lastEnd = Math.max(lastEnd, end);
    previous = { lastChunkIndex };

    // Who talks next, and when: keep the meeting near wordsPerMinute, with pauses and some overlaps.
    let next = rng.weighted(weights);
    if (next === speaker && speakerCount > 1 && rng.chance(0.85)) next = (next + 1 + rng.int(0, speakerCount - 2)) % speakerCount;
    const onPace = Math.round((words * MINUTE_MS) / wordsPerMinute + rng.between(-400, 400));
    overlapsPrevious = next !== speaker && speechMs > 600 && rng.chance(overlapChance);
    if (overlapsPrevious) {
      start = end - Math.round(rng.between(200, Math.min(2500, speechMs * 0.7)));
    } else {
      start = Math.max(end + 100 + Math.round(rng.exponential(450)), onPace);
    }
    speaker = next;
  }

  let outOfOrderCues = 0;
  for (let i = 1; i < listedStarts.length; i++) if (listedStarts[i]! < listedStarts[i - 1]!) outOfOrderCues++;
  return {
    text: blocks.join("\n"),
    speakers: names,
    manager: names[0]!,
    cues: cueCount,
    utterances: n,
    words,
    durationMs: lastEnd,
    outOfOrderCues,
  };
}

/** The decoded words of one utterance: a backchannel, an ordinary turn, or now and then a monologue. */
function utteranceTokens(rng: SeededRandom): string[] {
  if (rng.chance(0.22)) return rng.pick(BACKCHANNELS).split(" ");
  const target = rng.chance(0.03) ? rng.int(150, 420) : 3 + Math.round(rng.exponential(17));
  const tokens: string[] = [];
  while (tokens.length < target) {
    const length = Math.min(rng.int(4, 16), target - tokens.length);
    for (let i = 0; i < length; i++) {
      let word = rng.chance(0.06) ? rng.pick(CONTRACTIONS) : rng.chance(0.01) ? rng.pick(AMPERSAND_WORDS) : rng.pick(VOCABULARY);
      if (i === 0) word = word.charAt(0).toUpperCase() + word.slice(1);
      if (i === length - 1) word += rng.chance(0.18) ? "?" : rng.chance(0.03) ? "!" : ".";
      else if (rng.chance(0.07)) word += ",";
      tokens.push(word);
    }
  }
  if (rng.chance(0.15)) tokens[tokens.length - 1] = tokens[tokens.length - 1]!.replace(/[.?!]$/, ""); // cut off mid-sentence
  return tokens;
}

/** Display chunks of about wordsPerCue words (between 0.6 and 1.4 times that). */
function splitIntoChunks(tokens: string[], wordsPerCue: number, rng: SeededRandom): string[][] {
  const chunks: string[][] = [];
  for (let i = 0; i < tokens.length; ) {
    const size = Math.max(1, Math.round(wordsPerCue * rng.between(0.6, 1.4)));
    chunks.push(tokens.slice(i, i + size));
    i += size;
  }
  return chunks;
}

/** The chunk's words, entity-encoded as Teams does, over two lines when there is more than one word. */
function wrap(words: string[], rng: SeededRandom): string {
  const encoded = words.map((word) => encode(word, rng));
  if (encoded.length < 2) return encoded.join(" ");
  let total = 0;
  for (const w of words) total += w.length + 1;
  let half = 0;
  let cut = 1;
  for (; cut < words.length - 1; cut++) {
    half += words[cut - 1]!.length + 1;
    if (half >= total / 2) break;
  }
  return `${encoded.slice(0, cut).join(" ")}\n${encoded.slice(cut).join(" ")}`;
}

function encode(word: string, rng: SeededRandom): string {
  let out = word.indexOf("&") === -1 ? word : word.replaceAll("&", "&amp;");
  if (out.indexOf("'") !== -1) out = out.replaceAll("'", () => (rng.chance(0.75) ? "&apos;" : "&#39;"));
  return out;
}

function timestamp(ms: number): string {
  const pad = (value: number, width: number) => String(value).padStart(width, "0");
  const s = Math.floor(ms / 1000);
  return `${pad(Math.floor(s / 3600), 2)}:${pad(Math.floor(s / 60) % 60, 2)}:${pad(s % 60, 2)}.${pad(ms % 1000, 3)}`;
}

function makeGuid(rng: SeededRandom): string {
  const hex = (digits: number) => {
    let out = "";
    while (out.length < digits) out += rng.nextUint32().toString(16).padStart(8, "0");
    return out.slice(0, digits);
  };
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${"89ab"[rng.int(0, 3)]}${hex(3)}-${hex(12)}`;
}
