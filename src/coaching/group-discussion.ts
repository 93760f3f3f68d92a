import type { Analysis } from "../metrics/schema.js";

/**
 * A discussion among several people, not a conversation between two. There the rules neither pick moments nor
 * hold up praise (only a model does): what matters is a proposal, an objection or a problem in the work, and
 * read by judges, almost none of the rules' moments and praise in team meetings were right. Unknown speakers
 * count as two.
 */
export function groupDiscussion(analysis: Pick<Analysis, "manager">): boolean {
  return analysis.manager !== null && !analysis.manager.oneOnOne;
}
