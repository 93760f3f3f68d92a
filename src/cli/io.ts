/** What a command may touch of the outside world; tests pass their own. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** All of stdin as UTF-8; fails (UsageError) as soon as more than `maxBytes` have come. */
  readStdin: (maxBytes: number) => Promise<string>;
  /** The next line typed on stdin (without its newline), null at its end; for interactive commands. */
  readLine?: (prompt: string) => Promise<string | null>;
  /** The environment, read only by loadConfig. */
  env: Record<string, string | undefined>;
}

/** A failure the user can fix: printed on one line, exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_USAGE = 2;
