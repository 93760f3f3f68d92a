import { parseArgs } from "node:util";
import { trendCard } from "../cards/trend-card.js";
import { DEFAULT_LAST, loadTrend } from "../history/load-trend.js";
import { trendJson } from "../history/trend-json.js";
import { trendMarkdown, trendText } from "../history/trend-report.js";
import type { Trend } from "../history/trend.js";
import { createContext } from "./context.js";
import { countOption, pickRenderer } from "./options.js";
import { EXIT_OK, UsageError, type CliIo } from "./io.js";

export const reportUsage = `Usage: attune report --manager NAME [options]

Prints a manager's listening trend over their recent stored meetings (saved with
attune analyze FILE --manager NAME --save): share of talk against the expected range, restatements
kept and moments missed, interruptions, questions and response gaps, each with a direction
(improving, steady, slipping) and the one habit to focus on.

Options:
  --manager NAME            whose trend (exact name, id, or a unique part of a name)
  --last N                  look back over the last N meetings (default ${DEFAULT_LAST})
  --format text|json|markdown|card   output format (default text); card prints the Adaptive Card
  -h, --help                show this help`;

const renderers: Record<string, (trend: Trend, last: number) => string> = {
  text: (trend) => trendText(trend),
  json: (trend, last) => JSON.stringify(trendJson(trend, last), null, 2),
  markdown: (trend) => trendMarkdown(trend),
  card: (trend) => JSON.stringify(trendCard(trend), null, 2),
};

export async function reportCommand(args: string[], io: CliIo): Promise<number> {
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
    io.stdout(reportUsage);
    return EXIT_OK;
  }
  if (positionals.length > 0) throw new UsageError(`report takes no file ('${positionals[0]}'); see attune report --help`);
  if (values.manager === undefined || values.manager.trim() === "")
    throw new UsageError("report needs --manager NAME: whose trend to show");
  const render = pickRenderer(renderers, values.format);
  const last = values.last === undefined ? DEFAULT_LAST : countOption("--last", values.last);
  const context = createContext(io);
  try {
    const loaded = await loadTrend(await context.db(), context.config.storage.tenant, values.manager, last);
    if (!loaded.ok) throw new UsageError(loaded.message);
    io.stdout(render(loaded.value.trend, last));
  } finally {
    await context.close();
  }
  return EXIT_OK;
}
