import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import express, { type Router } from "express";

/** The public pages the app manifest links to, from src/server/public (also when running from dist/). */
export function pagesRouter(options: { about: boolean }): Router {
  const dir = fileURLToPath(new URL("../../src/server/public/", import.meta.url));
  const router = express.Router();
  const page = (file: string) => (_req: express.Request, res: express.Response) => res.sendFile(file, { root: dir });
  if (options.about) router.get("/", page("about.html"));
  router.get("/privacy", page("privacy.html"));
  router.get("/terms", page("terms.html"));
  router.get("/sidepanel/configure", page("sidepanel-configure.html"));
  router.get("/sidepanel", page("sidepanel.html"));
  router.get("/vendor/teams-js.js", (_req, res) =>
    res.sendFile(createRequire(import.meta.url).resolve("@microsoft/teams-js/dist/umd/MicrosoftTeams.min.js")),
  );
  // The side panel's browser modules, compiled from src/sidebar (and the wire format they share) by `npm run build`.
  const compiled = compiledDir();
  router.use("/app/sidebar", express.static(join(compiled, "sidebar"), { index: false }));
  router.get("/app/live/protocol.js", (_req, res) => res.sendFile(join(compiled, "live", "protocol.js")));
  const zod = dirname(createRequire(import.meta.url).resolve("zod"));
  router.use(
    "/vendor/zod",
    (req, res, next) => (req.path.endsWith(".js") ? next() : res.status(404).end()),
    express.static(zod, { index: false }),
  );
  router.use(express.static(dir, { index: false }));
  return router;
}

/** dist/, whether this module runs from it or from src/ (tests): the browser modules are only ever served compiled. */
function compiledDir(): string {
  const candidates = ["../", "../../dist/"].map((p) => fileURLToPath(new URL(p, import.meta.url)));
  return candidates.find((d) => existsSync(join(d, "sidebar", "panel.js"))) ?? candidates[1]!;
}
