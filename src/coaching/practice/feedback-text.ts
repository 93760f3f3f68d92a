import type { Felt } from "../../language/felt.js";
import { speaksOfFeeling } from "../../language/phrases.js";
import { readText } from "../../language/read.js";
import type { RestatementJudgement } from "../restatement.js";
import type { SentenceAct } from "../speech-acts.js";
import type { Heart } from "./read-attempt.js";

export interface FeedbackFacts {
  judged: RestatementJudgement;
  /** What the attempt mostly does (its advice, question or own view first), by the card's sentence reading. */
  act: SentenceAct | null;
  /** Their words the attempt used, as the attempt wrote them. */
  taken: readonly string[];
  /** The attempt used none of the words of what mattered most in what they said. */
  missedHeart: boolean;
  heart: Heart | null;
  attempt: string;
  theirs: ReadonlySet<string>;
}

/** Words a restatement frames with ("it sounds like", "what I'm hearing"): not additions of the manager's own. */
const FRAME = new Set(
  "sound sounds hear hearing heard say saying said seem seems feel feeling felt like get got right correct understand mean really lot thing things way part kind sort want".split(
    " ",
  ),
);
const ADDED_LIMIT = 4;

/**
 * One observation about an attempt, kind and specific: what it took up, what it left out or added, what it is
 * instead of a restatement, and whether it checks. No score, no praise it did not earn.
 */
export function attemptFeedback(f: FeedbackFacts): string {
  if (!f.judged.restates) return notARestatement(f);
  const parts: string[] = [];
  const words = quoteWords(f.taken);
  parts.push(
    words ? `You said back what they told you, in their words (${words}).` : "You said back what they told you, in your own words.",
  );
  if (f.missedHeart && f.heart) parts.push(`It leaves out what seemed to matter most to them: "${f.heart.clause.replace(/[.!?]+$/, "")}".`);
  else if (f.heart?.besideFeeling && !speaksOfFeeling(f.attempt)) parts.push(NAME_THE_FEELING[f.heart.besideFeeling]);
  else {
    const added = addedWords(f.attempt, f.theirs);
    if (added.length >= ADDED_LIMIT) parts.push(`It adds words they did not use (${quoteWords(added)}): keep to what they said.`);
  }
  parts.push(
    f.judged.checks
      ? "Checking whether you got it right lets them correct you."
      : /\?["')\]]?\s*$/.test(f.attempt.trim())
        ? "Asking it as a question lets them correct you."
        : 'Ending with "Did I get that right?" would let them correct you.',
  );
  return parts.join(" ");
}

/** Their reasons said back without the feeling they gave them for. */
const NAME_THE_FEELING: Record<Felt, string> = {
  worry: `They said they were worried, too: "It sounds like you're worried…" would show you heard that as well.`,
  feeling: `They said how they felt, too: "It sounds like you feel…" would show you heard that as well.`,
  struggle: `They said it has been hard for them, too: saying so would show you heard that as well.`,
};

function notARestatement(f: FeedbackFacts): string {
  const act = f.act;
  const took = quoteWords(f.taken);
  // their words in advice or in the manager's own view are no start on saying them back: not named as one
  switch (act) {
    case "advice":
      return "This is advice rather than a restatement: they have not heard yet that you understood them. Say back their point first, then suggest.";
    case "question":
      return `This asks a question instead of saying back what they said.${took ? ` It asks about ${took}.` : ""} A question lands better once they have heard you understood.`;
    case "self":
      return "This gives your own view or experience rather than theirs. Say back what they said first.";
    case "backchannel":
      return "This acknowledges them, but does not say back what they said. Put their point in a sentence.";
    default:
      return f.taken.length > 0
        ? `This picks up ${took}, but as your own comment rather than as what they said. Try "So you're saying…" and their point.`
        : `This does not yet take up what they said. Try "So you're saying…" and their point.`;
  }
}

/** Content words of the attempt that are neither theirs nor a restatement's frame. */
function addedWords(attempt: string, theirs: ReadonlySet<string>): string[] {
  const reading = readText(attempt);
  const out: string[] = [];
  for (const t of reading.tokens) {
    const content = readText(t).contentLemmas;
    if (content.size === 0) continue;
    const [l] = content;
    if (l === undefined || theirs.has(l) || FRAME.has(l) || FRAME.has(t) || out.includes(t)) continue;
    out.push(t);
  }
  return out;
}

/** Up to three words, quoted: "weekend", "alone" and "tired". */
function quoteWords(words: readonly string[]): string {
  const shown = words.slice(0, 3).map((w) => `"${w}"`);
  if (shown.length <= 1) return shown.join("");
  return `${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]}`;
}
