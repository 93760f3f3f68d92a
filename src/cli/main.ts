import { runCli } from "./attune.js";
import type { CliIo } from "./io.js";
import { readWithin } from "./read-input.js";

const io: CliIo = {
  stdout: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  readStdin: (maxBytes) => readWithin(process.stdin, maxBytes),
  env: process.env,
};

process.exitCode = await runCli(process.argv.slice(2), io);
