import { analyzeFloor } from "../metrics/floor.js";
import { defaultMetricOptions, type MetricOptions } from "../metrics/options.js";
import { countWords } from "../language/tokens.js";
import type { Utterance } from "../transcript/schema.js";
import { normalise, voicesConcern } from "../language/phrases.js";
import { type Felt, feltIn } from "../language/felt.js";
import { replyBrushesOff } from "./brush-off.js";
import { continuesSentence, exchanges, isMinimal, lastSaid, lastUtterances, managerLater, yesToOwnPoint } from "./exchanges.js";
import { confirmsFeeling, confirmsSayBack, echoesOnly, feelingsNamed, feltSentences, hearsIt, setsRight } from "./answer-to-say-back.js";
import { readText, sharedContent } from "../language/read.js";
import { judgeRestatement, type RestatementJudgement } from "./restatement.js";
import type { KeptRestatement, MomentKind } from "./schema.js";
import { replyTakesUp } from "./takes-up.js";
import { answersAFact, answersYesOrNo, businessStarts } from "./asked-before.js";
import { pointBrushedOff } from "./implied-point.js";
import { endsOnAside, pointIn, putsOff, type Raised, stakeOf } from "./worth-coaching.js";

/** How long after their words a manager may still come back to the point. */
const CAME_BACK_MS = 60_000;

/** A small window of utterances where the manager could have shown they listened. */
export interface Candidate {
  /** `m1`, `m2`, … in meeting order; stable for the same transcript and options. */
  id: string;
  kind: MomentKind;
  /** The other person. */
  speaker: string;
  /** The utterances of their turn (of its last few) that raise the point the reply did not take up. */
  trigger: Utterance[];
  /** The last few utterances of their turn (the trigger among them): where the sentence around a feeling is read. */
  turn: Utterance[];
  /** The manager's reply, when the manager spoke next. */
  reply: Utterance | null;
  /** Everything the manager said in answer before someone else spoke (backchannels included). */
  replies: Utterance[];
  /** What the manager said later, within a minute of their words, once someone else had spoken: where a manager may come back to the point. */
  later?: Utterance[];
  /** Gap between their last word and the manager's reply (negative: the manager came in early). */
  gapMs: number | null;
  interrupted: boolean;
  /** What they raised that the reply did not take up. */
  raised: Raised;
  priority: number;
}

export interface MomentPick {
  candidates: Candidate[];
  kept: KeptRestatement[];
}

export interface MomentOptions {
  /** A turn this long (or with this many words) is a substantive point. */
  longTurnMs: number;
  longTurnWords: number;
  /** A reply faster than this after a long turn is a quick reply. */
  quickReplyMs: number;
  /** At most this many utterances of a turn go into a window. */
  windowUtterances: number;
}

export const defaultMomentOptions: MomentOptions = { longTurnMs: 20_000, longTurnWords: 45, quickReplyMs: 300, windowUtterances: 3 };

/** How many of the person's earlier turns, besides the one answered, a restatement is credited with taking up. */
const CONTEXT_TURNS = 2;

const PRIORITY: Record<MomentKind, number> = {
  "missed-concern": 50,
  interrupted: 40,
  "missed-question": 30,
  "not-picked-up": 25,
  "missed-long-turn": 20,
  "quick-reply": 10,
};

/**
 * Finds the candidate moments and the restatements the manager did make. Pure and deterministic. Every
 * utterance the manager says in answer to someone's turn is judged against that turn (not against a "Yeah." in
 * between); a turn none of them restates is a candidate when it was substantive.
 */
export function pickMoments(
  utterances: readonly Utterance[],
  manager: string,
  metricOptions: MetricOptions = defaultMetricOptions,
  options: MomentOptions = defaultMomentOptions,
): MomentPick {
  const floor = analyzeFloor(utterances, metricOptions);
  const interruptedAt = new Set(floor.interruptions.filter((i) => i.by === manager).map((i) => i.utteranceId));
  const all = exchanges(utterances, manager);
  const position = new Map(utterances.map((u, i) => [u, i]));
  const substantiveTurns = new Map<string, number>();
  for (const x of all) {
    if (isSubstantive(x.said, spanMs(x.said), options)) substantiveTurns.set(x.speaker, (substantiveTurns.get(x.speaker) ?? 0) + 1);
  }
  const found: Omit<Candidate, "id">[] = [];
  const kept: KeptRestatement[] = [];
  const business = businessStarts(utterances, manager);
  const earlier = new Map<string, string[]>();
  // whose words the manager's last answer said back, and the words of the feelings it named ("You sound quite
  // worried about this one.")
  let saidBackTo: string | null = null;
  // whose words the manager's last answer held any say-back of
  let keptFor: string | null = null;
  let feelingSaidBack: ReadonlySet<string> = new Set();
  for (const [at, x] of all.entries()) {
    const text = x.said.map((u) => u.text).join(" ");
    // what they said next, when they were the next to speak: where a say-back that missed is set right
    const next = all[at + 1];
    const answer = next !== undefined && next.speaker === x.speaker ? next.said.map((u) => u.text).join(" ") : null;
    // A restatement may gather up what they said over their last few turns, not only the latest one.
    const theirs = earlier.get(x.speaker) ?? [];
    const context = [...theirs.slice(-CONTEXT_TURNS), text];
    earlier.set(x.speaker, context);
    const window = lastUtterances(x.said, options.windowUtterances);
    const last = x.said[x.said.length - 1]!;
    let restated = false;
    let keptHere = false;
    // "It's a bit hard since the baby, I don't sleep…" – "Ah, the baby. How old is she now?": an echo of a word
    // beside a feeling they voiced is credited as a say-back, but it does not hear the feeling (read once, when needed)
    let felt: string[] | null = null;
    const feltHere = (): string[] => {
      felt ??= feltSentences(window);
      return felt;
    };
    // the feeling words this answer's say-backs named
    const named = new Set<string>();
    let previousText = "";
    let previousRestated = false;
    // once the manager tells their own story, jokes or turns to a new topic, what they say next in this answer
    // carries that on ("…and look at me now. You get a thicker skin with it."), unless it says their words back
    // with a stem ("It sounds like…"); read only for a reply that would otherwise count
    const before: Utterance[] = [];
    for (const reply of x.replies) {
      // A sentence the transcript split in two (cut off by a "Mm-hmm") restates when its first half did.
      const continues: boolean = previousRestated && continuesSentence(previousText, reply.text);
      const judgement: RestatementJudgement | null = continues ? null : judgeRestatement(text, reply.text);
      const restates: boolean = continues || (judgement?.restates === true && (judgement.act === "reflection" || !before.some(leavesIt)));
      before.push(reply);
      if (!isMinimal(reply.text)) {
        previousText = reply.text;
        previousRestated = restates;
      }
      if (!restates) continue;
      const item: KeptRestatement = {
        utteranceId: reply.id,
        atMs: reply.startMs,
        quote: judgement?.sentence ?? reply.text,
        of: x.speaker,
        ofUtteranceId: last.id,
        // "The mill is nominated by the buyer, right?" – "Yes, nominated mill." – "So, delay from nominated mill, buyer
        // responsibility.": their yes to the manager's own point, summed up, takes up nothing of theirs
        takesUp: yesToOwnPoint(x, all[at - 1]) ? 0 : sharedContent(context, judgement?.sentence ?? reply.text),
        // their next words answer the reply's last words of substance
        ...(answer !== null && reply === lastSaid(x.replies) && setsRight(answer, judgement?.sentence ?? reply.text)
          ? { corrected: true }
          : {}),
      };
      // "Two hundred and ten. Well, that's good for your numbers.": their words with the manager's verdict leave what
      // they said (`hearsIt`)
      if (hearsIt(item) && !(echoesOnly(item.quote) && feltHere().length > 0)) restated = true;
      for (const w of feelingsNamed(item.quote)) named.add(w);
      kept.push(item);
      keptHere = true;
    }
    // "You're worried about him, as a person." – "Yes. Yes, exactly. I like him…", "You sound quite worried about
    // this one." – "I am, aye. That one, I'm worried about.": what follows their yes goes on with a point, or names a
    // feeling, the manager has just said back
    // "So you're already doing everything you can… That's exhausting." – "Yes. That's exactly how I feel. I'm tired
    // before I log in.": their word that the manager named their feeling, after any say-back the rules kept
    const confirms =
      (saidBackTo === x.speaker && confirmsSayBack(text, feltHere(), feelingSaidBack)) || (keptFor === x.speaker && confirmsFeeling(text));
    saidBackTo = restated ? x.speaker : null;
    keptFor = keptHere ? x.speaker : null;
    feelingSaidBack = named;
    if (restated || confirms || endsOnAside(text) || putsOff(text)) continue;
    // worth coaching only where they raised something of their own and the reply did not take it up
    const point = pointIn(window) ?? pointBrushedOff(window, x.replies);
    if (point === null || replyTakesUp(text, x.replies, point.raised)) continue;
    // "How long for your version?" – "…So three days. If we wait until next week, it's difficult.": an answer to the
    // manager's question of fact, unless it says a worry or a feeling of their own
    if (answersAFact(all[at - 1], x.speaker) && !OWN_FEELING.has(feltOf(text) ?? "struggle")) continue;
    // "Are you in the car?" – "I'm in the office now… Car is outside, running.": a point their words do not name is
    // no point where they answer the manager's yes-or-no question
    if (point.raised === "implied" && answersYesOrNo(all[at - 1], x.speaker)) continue;
    // "How was the wedding?" … "so I'm a little tired still." "So I have a pretty long list today…": what the reply
    // that opens the meeting's business answers is small talk, unless it is a worry
    if (business !== null && x.replies.includes(business) && point.raised !== "worry") continue;
    // the moment is about what they raised: its quote comes from the utterances that raise it
    const { raised, utterances: trigger } = point;
    const stake = stakeOf(text);
    const reply = x.replies.find((u) => !isMinimal(u.text)) ?? null;
    if (reply) {
      const gapMs = reply.startMs - last.endMs;
      const interrupted = x.replies.some((u) => interruptedAt.has(u.id));
      const kind = classify(text, interrupted);
      found.push({
        kind,
        speaker: x.speaker,
        trigger,
        turn: window,
        reply,
        replies: x.replies,
        gapMs,
        interrupted,
        raised,
        priority: PRIORITY[kind] + stake,
        later: managerLater(utterances, position.get(x.replies[x.replies.length - 1]!)!, manager, last.endMs + CAME_BACK_MS),
      });
      continue;
    }
    if (x.nextSpeaker !== null && substantiveTurns.get(x.speaker) === 1) {
      const next = all[all.indexOf(x) + 1];
      const pickedUp = next ? judgeRestatement(text, next.said.map((u) => u.text).join(" ")).restates : false;
      if (!pickedUp) {
        found.push({
          kind: "not-picked-up",
          speaker: x.speaker,
          trigger,
          turn: window,
          reply: null,
          replies: [],
          gapMs: null,
          interrupted: false,
          raised,
          priority: PRIORITY["not-picked-up"] + stake,
        });
      }
    }
  }
  return { candidates: found.map((c, i) => ({ id: `m${i + 1}`, ...c })), kept };
}

/** What they said they feel, read from the first sentence that says one. */
function feltOf(text: string): Felt | null {
  for (const s of readText(text).sentences) {
    const felt = feltIn(normalise(readText(s).cleaned));
    if (felt !== null) return felt;
  }
  return null;
}
/** A worry or a feeling said as theirs ("I'm worried…", "I'm tired"), not a hard time ("it's difficult"). */
const OWN_FEELING: ReadonlySet<Felt> = new Set(["worry", "feeling"]);

/**
 * A reply that opens with the manager's own story, a joke or a new topic, or that announces the manager's own view
 * ("So let me tell you what I think. This is the classic thing…"): what follows it in the answer is theirs.
 */
function leavesIt(reply: Utterance): boolean {
  if (isMinimal(reply.text)) return false;
  if (readText(reply.text).sentences.some((s) => ANNOUNCES_OWN_VIEW.test(normalise(readText(s).cleaned)))) return true;
  const off = replyBrushesOff([reply]);
  return off !== null && off !== "waves-away";
}
const ANNOUNCES_OWN_VIEW =
  /\b(?:let me tell you (?:what i think|my (?:view|opinion|advice|experience))|here's what i think|i'll tell you what i think|my advice(?: to you)? is|what i would advise|in my experience)\b/;

function spanMs(said: readonly Utterance[]): number {
  return said[said.length - 1]!.endMs - said[0]!.startMs;
}

function isSubstantive(utterances: readonly Utterance[], durationMs: number, options: MomentOptions): boolean {
  const text = utterances.map((u) => u.text).join(" ");
  const words = countWords(text);
  if (words < 4) return false;
  return durationMs >= options.longTurnMs || words >= options.longTurnWords || text.includes("?") || voicesConcern(text);
}

/**
 * The kind of a moment where they raised something the reply did not take up: talked over, a question that
 * carried it, or missed. Long turns and quick replies are no moment by themselves (a long description answered
 * at once is how meetings go); they only rank.
 */
function classify(text: string, interrupted: boolean): MomentKind {
  if (voicesConcern(text)) return "missed-concern";
  if (interrupted) return "interrupted";
  if (text.trimEnd().endsWith("?") && !voicesConcern(text)) return "missed-question";
  return "missed-concern";
}

/** Candidates most worth coaching first (a stable order for equal priorities). */
export function byPriority(candidates: readonly Candidate[]): Candidate[] {
  return [...candidates].sort((a, b) => b.priority - a.priority || a.trigger[0]!.startMs - b.trigger[0]!.startMs);
}
