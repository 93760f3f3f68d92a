/** Node's parseArgs throws these (ERR_PARSE_ARGS_UNKNOWN_OPTION and the like) for a command line it cannot read. */
export function isParseArgsError(error: unknown): error is Error & { code: string } {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === "string" && code.startsWith("ERR_PARSE_ARGS");
}

/**
 * One short clause for what parseArgs refused, instead of its paragraph ("Unknown option '--x'. To specify a
 * positional argument starting with a '-', place it at the end…"): the option or argument it names, and why.
 */
export function describeParseArgsError(error: Error & { code: string }): string {
  const named = /'([^']*)'/.exec(error.message)?.[1];
  switch (error.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `unknown option '${named ?? "?"}'`;
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return `unexpected argument '${named ?? "?"}'`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE": {
      // "Option '-h, --help' does not take an argument", "Option '--manager <value>' argument missing"
      const option =
        named
          ?.replace(/ <value>$/, "")
          .split(", ")
          .at(-1) ?? "an option";
      return /argument missing/.test(error.message) ? `${option} needs a value` : `${option} takes no value`;
    }
    default:
      return error.message.split(". ")[0]!.replace(/\.$/, "");
  }
}
