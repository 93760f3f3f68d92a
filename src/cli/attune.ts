import { analyzeCommand } from "./analyze-command.js";
import { dbCommand } from "./db-command.js";
import { forgetCommand } from "./forget-command.js";
import { liveCommand } from "./live-command.js";
import { prepCommand } from "./prep-command.js";
import { reportCommand } from "./report-command.js";
import { serveCommand } from "./serve-command.js";
import { EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, UsageError, type CliIo } from "./io.js";

type Command = (args: string[], io: CliIo) => Promise<number>;

const commands: Record<string, { run: Command; summary: string }> = {
  analyze: { run: analyzeCommand, summary: "print the listening report of a meeting transcript (--save to keep it)" },
  report: { run: reportCommand, summary: "a manager's listening trend over their stored meetings" },
  prep: { run: prepCommand, summary: "prepare a one-on-one from the stored meetings with that person" },
  forget: { run: forgetCommand, summary: "delete a person's data everywhere" },
  db: { run: dbCommand, summary: "database maintenance: db migrate" },
  live: { run: liveCommand, summary: "replay a transcript into live mode; development tokens for the side panel" },
  serve: { run: serveCommand, summary: "run the Teams bot, the job worker and the local playground" },
};

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
  const command = commands[name];
  if (!command) {
    io.stderr(`attune: unknown command '${name}'; commands are ${Object.keys(commands).join(", ")}`);
    return EXIT_USAGE;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.stderr(`attune ${name}: ${(error as Error).message}`);
      return EXIT_USAGE;
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
