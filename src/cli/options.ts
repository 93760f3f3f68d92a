import { UsageError } from "./io.js";

/** The renderer `--format` names; only the table's own keys count (not "toString" and the like). */
export function pickRenderer<R>(renderers: Readonly<Record<string, R>>, format: string): R {
  if (!Object.hasOwn(renderers, format)) {
    const names = Object.keys(renderers);
    throw new UsageError(`--format must be ${names.slice(0, -1).join(", ")} or ${names.at(-1)}, not '${format}'`);
  }
  return renderers[format]!;
}

/** A whole number of meetings, 1 to 200. */
export function countOption(name: string, raw: string): number {
  const value = Number(raw);
  if (raw.trim() === "" || !Number.isInteger(value) || value < 1 || value > 200)
    throw new UsageError(`${name} takes a whole number of meetings from 1 to 200, not '${raw}'`);
  return value;
}

/** A non-negative number of seconds, returned in milliseconds. */
export function secondsOption(name: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || raw.trim() === "") throw new UsageError(`${name} takes a number of seconds, not '${raw}'`);
  return Math.round(value * 1000);
}
