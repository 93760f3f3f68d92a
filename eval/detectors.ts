import { judgeRestatement } from "../src/coaching/restatement.js";

/**
 * A restatement detector under evaluation: "does `reply` restate `previous`, the turn it answers?".
 * Synchronous detectors may return a boolean; an LLM judge returns a Promise.
 */
export interface Detector {
  name: string;
  description: string;
  judge(previous: string, reply: string): boolean | Promise<boolean>;
}

export const heuristicDetector: Detector = {
  name: "heuristic",
  description: "judgeRestatement(previous, reply).restates (src/coaching/restatement.ts)",
  judge: (previous, reply) => judgeRestatement(previous, reply).restates,
};

export const alwaysRestates: Detector = {
  name: "always restates",
  description: "every reply is a restatement",
  judge: () => true,
};

export const neverRestates: Detector = {
  name: "never restates",
  description: "no reply is a restatement",
  judge: () => false,
};

/** The obvious phrases anyone would try first; fixed in advance, not chosen by looking at the rows. */
export const TRIVIAL_MARKERS = ["sounds like", "you're saying", "you are saying", "so you"] as const;
const TRIVIAL_MARKER = new RegExp(`\\b(${TRIVIAL_MARKERS.join("|")})\\b`);

export const markerOnly: Detector = {
  name: "marker only",
  description: `reply contains ${TRIVIAL_MARKERS.map((m) => `"${m}"`).join(" / ")} (case-insensitive, word-bounded)`,
  judge: (_previous, reply) => TRIVIAL_MARKER.test(reply.toLowerCase().replace(/[’‘]/g, "'")),
};

/** The baselines printed next to the detectors being evaluated. */
export const baselines: readonly Detector[] = [alwaysRestates, neverRestates, markerOnly];
