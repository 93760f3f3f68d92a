// npm runs this after `npm install` and `npm ci` in this folder (the "prepare" script). With the build tools
// installed it builds dist/; a production install (`--omit=dev`) has no TypeScript, and then it keeps the dist/
// it was given, or says in one line how to make one. Plain JavaScript: it must run before anything is built.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

function installed(name) {
  try {
    createRequire(import.meta.url).resolve(`${name}/package.json`);
    return true;
  } catch {
    return false;
  }
}

if (installed("typescript")) {
  const build = spawnSync("npm", ["run", "build"], { stdio: "inherit", shell: process.platform === "win32" });
  process.exit(build.status ?? 1);
}
if (existsSync(new URL("../dist/cli/main.js", import.meta.url))) {
  console.log("attune: production install (no TypeScript): using the build already in dist/");
  process.exit(0);
}
console.error(
  "attune: a production install (--omit=dev) cannot build dist/: run `npm ci && npm run build`, then `npm prune --omit=dev` (see docs/deploy.md)",
);
process.exit(1);
