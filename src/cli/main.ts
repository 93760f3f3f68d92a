import { createInterface, type Interface } from "node:readline";
import { runCli } from "./attune.js";
import type { CliIo } from "./io.js";
import { readWithin } from "./read-input.js";

let lines: { rl: Interface; next: AsyncIterator<string> } | null = null;

/** Lines of stdin, read only by a command that asks (stdin stays untouched otherwise). */
async function readLine(prompt: string): Promise<string | null> {
  if (lines === null) {
    const rl = createInterface({ input: process.stdin, terminal: false });
    lines = { rl, next: rl[Symbol.asyncIterator]() };
  }
  process.stdout.write(prompt);
  const line = await lines.next.next();
  if (line.done) {
    lines.rl.close();
    return null;
  }
  return line.value;
}

/** Lets the process end: an open interface keeps stdin read. */
function closeLines(): void {
  lines?.rl.close();
}

const io: CliIo = {
  stdout: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  readStdin: (maxBytes) => readWithin(process.stdin, maxBytes),
  readLine,
  env: process.env,
};

process.exitCode = await runCli(process.argv.slice(2), io);
closeLines();
