import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { STAND_IN_CA_FILE } from "./teams-stand-ins.js";

const MARK = "ATTUNE_TEAMS_TRY_TRUSTS_STAND_IN";

/**
 * Node reads NODE_EXTRA_CA_CERTS only when it starts, and the identity library only signs in over https: the
 * first time through, this runs the same script again with the stand-in's 127.0.0.1 certificate trusted
 * (beside any bundle already set) and exits with its code; in that second process it returns at once.
 */
export async function trustStandInCertificate(): Promise<void> {
  if (process.env[MARK] === "1") return;
  const already = process.env.NODE_EXTRA_CA_CERTS;
  const bundle = join(tmpdir(), "attune-teams-try-ca.pem");
  const own = already && already !== bundle && existsSync(already) ? `${readFileSync(already, "utf8")}\n` : "";
  writeFileSync(bundle, `${own}${readFileSync(STAND_IN_CA_FILE, "utf8")}`);
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: "inherit",
    env: { ...process.env, NODE_EXTRA_CA_CERTS: bundle, [MARK]: "1" },
  });
  // Ctrl-C reaches both processes (one process group): the child stops the pieces, this one waits for it.
  process.on("SIGINT", () => undefined);
  process.on("SIGTERM", () => child.kill("SIGTERM"));
  const code = await new Promise<number>((resolve) => child.once("exit", (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0))));
  process.exit(code);
}
