import { parseArgs } from "node:util";
import { defaultLogFormat } from "../log.js";
import { EXIT_OK, EXIT_USAGE, UsageError, type CliIo } from "./io.js";

export const serveUsage = `Usage: attune serve [--port N]   (or: npm start)

Runs the Teams bot endpoint (/api/messages), the job worker and, in local mode, the playground at /.
With no configuration: local mode on 127.0.0.1:3978, embedded database, heuristic coach.

Options:
  --port N                  listen on port N (default: PORT, else 3978; 0 picks a free port)
  --log-format json|human   how the log is written (default: human lines on a terminal, JSON lines otherwise)
  -h, --help                show this help

GET /healthz answers once it listens, GET /readyz once the database answers.
See docs/deploy.md for a real deployment (systemd, Azure App Service, a TLS proxy, backups).`;

export async function serveCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { port: { type: "string" }, "log-format": { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    io.stdout(serveUsage);
    return EXIT_OK;
  }
  if (positionals.length > 0) throw new UsageError(`serve takes no argument ('${positionals[0]}'); see attune serve --help`);
  if (values.port !== undefined && !(/^\d{1,5}$/.test(values.port.trim()) && Number(values.port) <= 65535))
    throw new UsageError(`--port takes a port number from 0 to 65535, not '${values.port}'`);
  const logFormat = values["log-format"] ?? defaultLogFormat();
  if (logFormat !== "json" && logFormat !== "human") throw new UsageError(`--log-format takes json or human, not '${logFormat}'`);
  // --port is PORT for this run: the configuration schema checks it like any other value.
  const env = values.port === undefined ? io.env : { ...io.env, PORT: values.port.trim() };
  const { startAttune } = await import("../main.js");
  const started = await startAttune(env, { logFormat });
  if (!started.ok) {
    const { problems, code } = started.error;
    if (code === "listen") io.stderr(`attune serve: ${problems[0]}`);
    else if (problems.length === 1) io.stderr(`attune serve: cannot start: ${problems[0]}`);
    else io.stderr(`attune serve: cannot start:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    return EXIT_USAGE;
  }
  const attune = started.value;
  const local = attune.config.bot.appId === null;
  io.stdout(
    local
      ? `Attune is running at ${attune.url} (local mode). Open it in a browser for the playground; Ctrl+C stops it.`
      : `Attune is running at ${attune.url}; Teams reaches it at ${attune.config.server.publicBaseUrl}/api/messages.`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  io.stdout("Stopping: finishing turns in progress…");
  await attune.close();
  return EXIT_OK;
}
