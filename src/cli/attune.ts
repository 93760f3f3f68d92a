import { readFileSync } from "node:fs";
import { EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, UsageError, type CliIo } from "./io.js";
import { describeParseArgsError, isParseArgsError } from "./parse-args-error.js";

/** A command: its arguments, the outside world, and the name it was invoked by (an alias keeps its own name in messages). */
type Command = (args: string[], io: CliIo, invokedAs: string) => Promise<number>;

/**
 * Each command is imported when it is run, not before: `attune analyze` does not load the Teams bot, the
 * database drivers or the model client, so a short command starts fast (see docs/architecture.md).
 */
const commands: Record<string, { load: () => Promise<Command>; summary: string }> = {
  analyze: {
    load: async () => (await import("./analyze-command.js")).analyzeCommand,
    summary: "print the listening report of a meeting transcript (--save to keep it)",
  },
  trend: {
    load: async () => (await import("./trend-command.js")).trendCommand,
    summary: "a manager's listening trend over their stored meetings (also: attune report)",
  },
  prep: {
    load: async () => (await import("./prep-command.js")).prepCommand,
    summary: "prepare a one-on-one from the stored meetings with that person",
  },
  practise: {
    load: async () => (await import("./practise-command.js")).practiseCommand,
    summary: "practise saying back a moment of a meeting, and read how it landed",
  },
  forget: { load: async () => (await import("./forget-command.js")).forgetCommand, summary: "delete a person's data everywhere" },
  db: { load: async () => (await import("./db-command.js")).dbCommand, summary: "database maintenance: db migrate" },
  live: {
    load: async () => (await import("./live-command.js")).liveCommand,
    summary: "replay a transcript into live mode; development tokens for the side panel",
  },
  serve: {
    load: async () => (await import("./serve-command.js")).serveCommand,
    summary: "run the Teams bot, the job worker and the local playground (--port N)",
  },
};

/** Former names that still work. */
const aliases: Record<string, string> = { report: "trend", practice: "practise" };

export const usage = `Usage: attune <command> [options]

Commands:
${Object.entries(commands)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join("\n")}

Run 'attune <command> --help' for a command's options, 'attune --version' for the version.`;

/** The version in package.json (two folders up from both src/cli and dist/cli). */
export function attuneVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version?: unknown };
  return typeof manifest.version === "string" ? manifest.version : "unknown";
}

/** Runs one CLI invocation and returns its exit code: 0 ok, 2 bad input or usage, 1 internal error. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout(usage);
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (name === "--version" || name === "-v" || name === "version") {
    io.stdout(`attune ${attuneVersion()}`);
    return EXIT_OK;
  }
  if (name.startsWith("-")) {
    io.stderr(`attune: unknown option '${name}'; see attune --help`);
    return EXIT_USAGE;
  }
  // Own keys only: "toString" and the like are not commands.
  const resolved = Object.hasOwn(aliases, name) ? aliases[name]! : name;
  const command = Object.hasOwn(commands, resolved) ? commands[resolved]! : null;
  if (!command) {
    io.stderr(`attune: unknown command '${name}'; commands are ${Object.keys(commands).join(", ")}`);
    return EXIT_USAGE;
  }
  try {
    const run = await command.load();
    return await run(args, io, name);
  } catch (error) {
    if (isParseArgsError(error)) {
      io.stderr(`attune ${name}: ${describeParseArgsError(error)}; see attune ${name} --help`);
      return EXIT_USAGE;
    }
    if (error instanceof UsageError) {
      io.stderr(`attune ${name}: ${error.message}`);
      return EXIT_USAGE;
    }
    if (error instanceof Error && error.name === "StoredDocumentError") {
      // storage/stored-documents.ts: not a bug to report, the database holds what this release cannot read, and the
      // message says which and why. Told by name, so a command that never opens the database does not load storage.
      io.stderr(`attune ${name}: ${error.message}`);
      return EXIT_INTERNAL;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`attune ${name}: internal error: ${message}. Please report it with the command you ran.`);
    return EXIT_INTERNAL;
  }
}
