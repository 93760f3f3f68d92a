import { analyzeCommand } from "./analyze-command.js";
import { dbCommand } from "./db-command.js";
import { forgetCommand } from "./forget-command.js";
import { liveCommand } from "./live-command.js";
import { prepCommand } from "./prep-command.js";
import { serveCommand } from "./serve-command.js";
import { trendCommand } from "./trend-command.js";
import { StoredDocumentError } from "../storage/stored-documents.js";
import { EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, UsageError, type CliIo } from "./io.js";

/** A command: its arguments, the outside world, and the name it was invoked by (an alias keeps its own name in messages). */
type Command = (args: string[], io: CliIo, invokedAs: string) => Promise<number>;

const commands: Record<string, { run: Command; summary: string }> = {
  analyze: { run: analyzeCommand, summary: "print the listening report of a meeting transcript (--save to keep it)" },
  trend: { run: trendCommand, summary: "a manager's listening trend over their stored meetings (also: attune report)" },
  prep: { run: prepCommand, summary: "prepare a one-on-one from the stored meetings with that person" },
  forget: { run: forgetCommand, summary: "delete a person's data everywhere" },
  db: { run: dbCommand, summary: "database maintenance: db migrate" },
  live: { run: liveCommand, summary: "replay a transcript into live mode; development tokens for the side panel" },
  serve: { run: serveCommand, summary: "run the Teams bot, the job worker and the local playground" },
};

/** Former names that still work. */
const aliases: Record<string, string> = { report: "trend" };

export const usage = `Usage: attune <command> [options]

Commands:
${Object.entries(commands)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join("\n")}

Run 'attune <command> --help' for a command's options.`;

/** Runs one CLI invocation and returns its exit code: 0 ok, 2 bad input or usage, 1 internal error. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout(usage);
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  // Own keys only: "toString" and the like are not commands.
  const resolved = Object.hasOwn(aliases, name) ? aliases[name]! : name;
  const command = Object.hasOwn(commands, resolved) ? commands[resolved]! : null;
  if (!command) {
    io.stderr(`attune: unknown command '${name}'; commands are ${Object.keys(commands).join(", ")}`);
    return EXIT_USAGE;
  }
  try {
    return await command.run(args, io, name);
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.stderr(`attune ${name}: ${(error as Error).message}`);
      return EXIT_USAGE;
    }
    if (error instanceof StoredDocumentError) {
      // Not a bug to report: the database holds what this release cannot read, and the message says which and why.
      io.stderr(`attune ${name}: ${error.message}`);
      return EXIT_INTERNAL;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`attune ${name}: internal error: ${message}. Please report it with the command you ran.`);
    return EXIT_INTERNAL;
  }
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS");
}
