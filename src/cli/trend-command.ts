import { parseArgs } from "node:util";
import { listeningTrendCard } from "../cards/listening-trend-card.js";
import { listeningTrendJson } from "../rendering/listening-trend-json.js";
import { listeningTrendMarkdown, listeningTrendText } from "../rendering/listening-trend-text.js";
import type { ListeningTrend } from "../trend/listening-trend.js";
import { DEFAULT_LAST, showListeningTrend } from "../usecases/show-listening-trend.js";
import { createContext } from "./context.js";
import { countOption, pickRenderer } from "./options.js";
import { EXIT_OK, UsageError, type CliIo } from "./io.js";

export const trendUsage = `Usage: attune trend --manager NAME [options]
       attune report ...   (the same command under its former name)

Prints a manager's listening trend over their recent stored meetings (saved with
attune analyze FILE --manager NAME --save): share of talk against the expected range, restatements
kept and moments missed, interruptions, questions and response gaps, each with a direction
(improving, steady, slipping) and the one habit to focus on.

Options:
  --manager NAME            whose trend (exact name, id, or a unique part of a name)
  --last N                  look back over the last N meetings (default ${DEFAULT_LAST})
  --format text|json|markdown|card   output format (default text); card prints the Adaptive Card
  -h, --help                show this help`;

const renderers: Record<string, (trend: ListeningTrend, last: number) => string> = {
  text: (trend) => listeningTrendText(trend),
  json: (trend, last) => JSON.stringify(listeningTrendJson(trend, last), null, 2),
  markdown: (trend) => listeningTrendMarkdown(trend),
  card: (trend) => JSON.stringify(listeningTrendCard(trend), null, 2),
};

/** `attune trend` (or `attune report`, its former name: `invokedAs` keeps messages in the words the person typed). */
export async function trendCommand(args: string[], io: CliIo, invokedAs = "trend"): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      manager: { type: "string" },
      last: { type: "string" },
      format: { type: "string", default: "text" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.stdout(trendUsage);
    return EXIT_OK;
  }
  if (positionals.length > 0) throw new UsageError(`${invokedAs} takes no file ('${positionals[0]}'); see attune ${invokedAs} --help`);
  if (values.manager === undefined || values.manager.trim() === "")
    throw new UsageError(`${invokedAs} needs --manager NAME: whose trend to show`);
  const render = pickRenderer(renderers, values.format);
  const last = values.last === undefined ? DEFAULT_LAST : countOption("--last", values.last);
  const context = createContext(io);
  try {
    const shown = await showListeningTrend(await context.db(), { name: values.manager, tenant: context.config.storage.tenant }, last);
    if (!shown.ok) throw new UsageError(shown.error.message);
    io.stdout(render(shown.value, last));
  } finally {
    await context.close();
  }
  return EXIT_OK;
}
