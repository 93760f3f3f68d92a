/** Kept as re-exports of the language leaf's lists until every importer reads from `src/language/`. */
export { findPhrase as findMarker, normalise, voicesConcern } from "../language/phrases.js";
export { CHECK_PHRASES as CHECK_MARKERS, CONCERN_WORDS as CONCERN_MARKERS } from "../language/word-lists.js";
