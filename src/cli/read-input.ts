import { readFile, stat } from "node:fs/promises";
import type { CliIo } from "./io.js";
import { UsageError } from "./io.js";

/** Reads a transcript file (or stdin for `-`) as UTF-8, refusing files over `maxBytes` before reading them. */
export async function readInput(path: string, io: CliIo, maxBytes: number): Promise<string> {
  if (path === "-") {
    const text = await io.readStdin();
    if (Buffer.byteLength(text) > maxBytes) throw new UsageError(`stdin: input is over the ${Math.round(maxBytes / 1048576)} MB limit`);
    return text;
  }
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new UsageError(`${path}: not a file; give a transcript file (.vtt or .json) or - for stdin`);
    size = info.size;
  } catch (cause) {
    if (cause instanceof UsageError) throw cause;
    const code = (cause as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : (code ?? "cannot read");
    throw new UsageError(`${path}: ${why}`);
  }
  if (size > maxBytes)
    throw new UsageError(
      `${path}: ${(size / 1048576).toFixed(1)} MB is over the ${Math.round(maxBytes / 1048576)} MB limit for one transcript`,
    );
  return readFile(path, "utf8");
}
