/** Kept as a re-export of the language leaf's word count until every importer reads from `src/language/`. */
export { countWords } from "../language/tokens.js";
