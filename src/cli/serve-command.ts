import { EXIT_OK, EXIT_USAGE, type CliIo } from "./io.js";

export const serveUsage = `Usage: attune serve   (or: npm start)

Runs the Teams bot endpoint (/api/messages), the job worker and, in local mode, the playground at /.
With no configuration: local mode on 127.0.0.1:3978, embedded database, heuristic coach.
See docs/deploy.md for a real deployment.`;

export async function serveCommand(args: string[], io: CliIo): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    io.stdout(serveUsage);
    return EXIT_OK;
  }
  const { startAttune } = await import("../main.js");
  const started = await startAttune(io.env);
  if (!started.ok) {
    io.stderr(`attune serve: cannot start:\n${started.error.problems.map((p) => `  - ${p}`).join("\n")}`);
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
