/**
 * The language leaf: how Attune reads English speech. Imports nothing of Attune's. Coaching and prep take a
 * `Reading` of each utterance (read once) instead of cleaning or splitting raw text themselves.
 */
export { cleanSpoken } from "./clean.js";
export { lemma } from "./lemma.js";
export { type Felt, feltIn } from "./felt.js";
export { findPhrase, normalise, speaksOfFeeling, voicesConcern } from "./phrases.js";
export { forgetReadings, perText, read, Reading, readClean, readText, sharedContent } from "./read.js";
export { splitSentences } from "./sentences.js";
export { bare, countWords, tokens } from "./tokens.js";
export { CHECK_PHRASES, CONCERN_WORDS, FEELING_WORDS, FUNCTION_WORDS, REFLECTIVE_OPENERS, YOU_OPENERS } from "./word-lists.js";
