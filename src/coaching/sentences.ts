/** Kept as a re-export of the language leaf's splitter until every importer reads from `src/language/`. */
export { splitSentences } from "../language/sentences.js";
