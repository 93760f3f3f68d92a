#!/usr/bin/env node
// Runs the compiled CLI. `npm install` builds dist/ through the prepare script.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const entry = new URL("../dist/cli/main.js", import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write("attune: dist/ is missing; run 'npm install' (or 'npm run build') in the attune folder first\n");
  process.exit(1);
}
await import(entry.href);
