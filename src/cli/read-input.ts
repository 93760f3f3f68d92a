import { readFile, stat } from "node:fs/promises";
import { decodeText } from "../transcript/decode-text.js";
import type { CliIo } from "./io.js";
import { UsageError } from "./io.js";

/** Reads a transcript file (or stdin for `-`) as UTF-8 (UTF-16 with a byte order mark too), refusing files over `maxBytes` before reading them. */
export async function readInput(path: string, io: CliIo, maxBytes: number): Promise<string> {
  if (path === "-") {
    const text = await io.readStdin(maxBytes);
    if (Buffer.byteLength(text) > maxBytes) throw overLimit(maxBytes);
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
  return decodeText(await readFile(path));
}

/**
 * Reads a stream (stdin) as UTF-8 while counting: once more than `maxBytes` have come, it stops reading and
 * fails, instead of holding all of it first (2 GB piped in took 3.9 GB before the limit was checked).
 */
export async function readWithin(stream: AsyncIterable<Buffer | string>, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    size += bytes.length;
    if (size > maxBytes) throw overLimit(maxBytes);
    chunks.push(bytes);
  }
  return decodeText(Buffer.concat(chunks));
}

function overLimit(maxBytes: number): UsageError {
  const mb = Math.round(maxBytes / 1048576);
  return new UsageError(`stdin: input is over the ${mb} MB limit for one transcript; pipe in one meeting's transcript`);
}
