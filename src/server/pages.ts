import { createRequire } from "node:module";
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
  router.use(express.static(dir, { index: false }));
  return router;
}
