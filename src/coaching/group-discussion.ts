import type { Analysis } from "../metrics/schema.js";
import type { Coaching } from "./schema.js";

/**
 * A discussion among several people, not a conversation between two. There the rules neither pick moments nor
 * hold up praise (only a model does): what matters is a proposal, an objection or a problem in the work, and
 * read by judges, almost none of the rules' moments and praise in team meetings were right. Unknown speakers
 * count as two.
 */
export function groupDiscussion(analysis: Pick<Analysis, "manager">): boolean {
  return analysis.manager !== null && !analysis.manager.oneOnOne;
}

/**
 * Whether `c` judged the manager's listening moment by moment: not where the rules coached a group discussion,
 * since they pick no moments and hold up no praise there. A trend counts such a meeting as not measured rather
 * than as zero moments missed and zero restatements.
 */
export function judgedListening(c: Pick<Coaching, "source">, analysis: Pick<Analysis, "manager">): boolean {
  return !(groupDiscussion(analysis) && c.source === "heuristic");
}
