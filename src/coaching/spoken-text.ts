/** Moved to the language leaf; kept as a re-export until every importer reads from `src/language/`. */
export { cleanSpoken } from "../language/clean.js";
