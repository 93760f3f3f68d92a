/** A personal-chat command: the route table maps the first words of a message to one of these. */
export type CommandName = "help" | "last" | "trend" | "prep" | "prep-at-start" | "pause" | "resume" | "privacy" | "forget-me";

const ROUTES: { pattern: RegExp; command: CommandName }[] = [
  { pattern: /^(help|\?|hi|hello)$/, command: "help" },
  { pattern: /^last( report| card| meeting)?$/, command: "last" },
  // "report" was the command's first name; it still works.
  { pattern: /^(trend|trends|report)$/, command: "trend" },
  // Before prep: "prep at start off" is a setting, not a person called "at start off".
  { pattern: /^prep at start (on|off)$/, command: "prep-at-start" },
  { pattern: /^prep( for)?( .+)?$/, command: "prep" },
  { pattern: /^pause$/, command: "pause" },
  { pattern: /^resume$/, command: "resume" },
  { pattern: /^privacy$/, command: "privacy" },
  { pattern: /^forget me$/, command: "forget-me" },
];

export interface ParsedCommand {
  command: CommandName;
  /** The rest of the message, as typed (for prep: the person's name; for prep at start: on or off). */
  argument: string;
}

/** The message as a command is read: mentions and markup stripped, spaces collapsed. */
function plainText(text: string | undefined): string {
  return stripTags((text ?? "").replace(/<at>[^<]*<\/at>/gi, " "))
    .replace(/\s+/g, " ")
    .trim();
}

/** The message is one of the commands (not something else answered with help): then it is no practice attempt. */
export function isCommand(text: string | undefined): boolean {
  const lower = plainText(text).toLowerCase();
  return ROUTES.some(({ pattern }) => pattern.test(lower));
}

/** Strips mentions and markup, then finds the command; anything unknown is help. */
export function parseCommand(text: string | undefined): ParsedCommand {
  const plain = plainText(text);
  const lower = plain.toLowerCase();
  for (const { pattern, command } of ROUTES) {
    if (!pattern.test(lower)) continue;
    const argument =
      command === "prep" ? plain.replace(/^prep( for)?\s*/i, "") : command === "prep-at-start" ? lower.slice("prep at start ".length) : "";
    return { command, argument };
  }
  return { command: "help", argument: "" };
}

/**
 * Each `<…>` becomes a space, in one pass: once no `>` follows a `<`, nothing after it is a tag. (The regex
 * `/<[^>]*>/g` scanned to the end of the text from every `<`: 40,000 of them took seconds.)
 */
export function stripTags(text: string): string {
  const parts: string[] = [];
  let from = 0;
  for (;;) {
    const open = text.indexOf("<", from);
    const close = open < 0 ? -1 : text.indexOf(">", open);
    if (close < 0) break;
    parts.push(text.slice(from, open));
    from = close + 1;
  }
  parts.push(text.slice(from));
  return parts.join(" ");
}
