import { parseArgs } from "node:util";
import { prepCard } from "../cards/prep-card.js";
import type { Prep } from "../prep/prep.js";
import { prepJson } from "../rendering/prep-json.js";
import { prepMarkdown, prepText } from "../rendering/prep-text.js";
import { PREP_LAST, prepareOneOnOne } from "../usecases/prepare-one-on-one.js";
import { createContext } from "./context.js";
import { EXIT_OK, UsageError, type CliIo } from "./io.js";
import { countOption, pickRenderer } from "./options.js";

export const prepUsage = `Usage: attune prep --manager NAME --with PERSON [options]

Prepares a manager's next one-on-one with a person from the stored meetings where both were present
(saved with attune analyze FILE --manager NAME --save): the person's share of talk and its trend, what
they raised that was not picked up (with dates and quotes), what the manager did well with them, two or
three open questions to ask, and a reminder of the manager's own habit with them.
Uses the model in OPENAI_* when set (questions must quote stored meetings), else the heuristic.

Options:
  --manager NAME            whose one-on-one (exact name, id, or a unique part of a name)
  --with PERSON             the person it is with
  --last N                  look back over the last N shared meetings (default ${PREP_LAST})
  --format text|json|markdown|card   output format (default text); card prints the Adaptive Card
  -h, --help                show this help`;

const renderers: Record<string, (prep: Prep) => string> = {
  text: prepText,
  json: (prep) => JSON.stringify(prepJson(prep), null, 2),
  markdown: prepMarkdown,
  card: (prep) => JSON.stringify(prepCard(prep), null, 2),
};

export async function prepCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      manager: { type: "string" },
      with: { type: "string" },
      last: { type: "string" },
      format: { type: "string", default: "text" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.stdout(prepUsage);
    return EXIT_OK;
  }
  if (positionals.length > 0) throw new UsageError(`prep takes no file ('${positionals[0]}'); see attune prep --help`);
  if (values.manager === undefined || values.manager.trim() === "")
    throw new UsageError("prep needs --manager NAME: whose one-on-one to prepare");
  if (values.with === undefined || values.with.trim() === "") throw new UsageError("prep needs --with PERSON: whom the one-on-one is with");
  const render = pickRenderer(renderers, values.format);
  const last = values.last === undefined ? PREP_LAST : countOption("--last", values.last);
  const context = createContext(io);
  try {
    const db = await context.db();
    const manager = { name: values.manager, tenant: context.config.storage.tenant };
    const loaded = await prepareOneOnOne(db, await context.coachDeps(), { manager, with: values.with, last });
    if (!loaded.ok) throw new UsageError(loaded.error.message);
    if (loaded.value.fallbackReason) io.stderr(`attune prep: ${loaded.value.fallbackReason}`);
    io.stdout(render(loaded.value));
  } finally {
    await context.close();
  }
  return EXIT_OK;
}
