// Run by `npm run build` after tsc: writes the lemmatizer's WordNet table beside the compiled lemma module
// (see src/language/wordnet-table.ts). Plain JavaScript: it runs on what tsc has just built.
import { writeFileSync } from "node:fs";
import { buildWordnetTable, WORDNET_TABLE_FILE } from "../dist/language/wordnet-table.js";

writeFileSync(new URL(`../dist/language/${WORDNET_TABLE_FILE}`, import.meta.url), JSON.stringify(buildWordnetTable()));
