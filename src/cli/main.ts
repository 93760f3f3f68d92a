import { runCli } from "./attune.js";
import type { CliIo } from "./io.js";

const io: CliIo = {
  stdout: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  },
  env: process.env,
};

process.exitCode = await runCli(process.argv.slice(2), io);
