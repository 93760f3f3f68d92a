/**
 * pino's JSON lines as short lines for a person at a terminal: the time, a word for a warning or an error,
 * the message and a few figures (`key=value`), an HTTP request as `GET /path 404`. Only what the JSON line
 * holds after redaction is shown; bindings every line carries (app, pid, hostname, module) are left out.
 */
const LEVELS = new Map<number, string>([
  [10, "trace "],
  [20, "debug "],
  [40, "warning: "],
  [50, "error: "],
  [60, "fatal: "],
]);
const HIDDEN = new Set(["level", "time", "pid", "hostname", "app", "module", "msg", "req", "res", "err", "responseTime", "reqId"]);
const MAX_FIELD = 120;

export function humanLine(json: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch (error) {
    return `${json.trim()} (${(error as Error).name})`;
  }
  const time = typeof entry.time === "number" ? new Date(entry.time).toTimeString().slice(0, 8) : "--:--:--";
  const level = LEVELS.get(Number(entry.level)) ?? "";
  const parts = [`${time} ${level}${typeof entry.msg === "string" ? entry.msg : ""}`];
  const req = entry.req as { method?: unknown; path?: unknown } | undefined;
  const res = entry.res as { statusCode?: unknown } | undefined;
  if (req && res) parts.push(`${String(req.method)} ${String(req.path)} ${String(res.statusCode)}`);
  const fields = Object.entries(entry)
    .filter(([key, value]) => !HIDDEN.has(key) && value !== null && value !== undefined)
    .map(([key, value]) => `${key}=${short(typeof value === "string" ? value : JSON.stringify(value))}`);
  if (fields.length > 0) parts.push(fields.join(" "));
  const err = entry.err as { type?: unknown; message?: unknown; stack?: unknown } | undefined;
  const line = parts.filter((p) => p.trim() !== "").join(" · ");
  if (!err) return line;
  const stack = typeof err.stack === "string" ? err.stack.split("\n").slice(1, 4).join("\n") : "";
  return `${line}\n  ${String(err.type ?? "Error")}: ${String(err.message ?? "")}${stack ? `\n${stack}` : ""}`;
}

function short(text: string): string {
  return text.length > MAX_FIELD ? `${text.slice(0, MAX_FIELD - 1)}…` : text;
}

/** A pino destination that writes human lines to `write` (stderr by default). */
export function humanDestination(write: (text: string) => void = (t) => void process.stderr.write(t)): { write(line: string): void } {
  return { write: (line) => write(`${humanLine(line)}\n`) };
}
