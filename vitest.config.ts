import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "vitest/config";

// The fake sign-in service serves https (MSAL refuses an http authority) with a test certificate: the test
// processes vitest starts, and the `attune serve` children they spawn, trust it (Node reads
// NODE_EXTRA_CA_CERTS at process start; one file, so a bundle already set there is kept beside it).
const testCa = readFileSync(new URL("./test/fixtures/tls/server-cert.pem", import.meta.url), "utf8");
const already = process.env.NODE_EXTRA_CA_CERTS;
const bundle = join(tmpdir(), "attune-test-ca.pem");
writeFileSync(
  bundle,
  `${already && existsSync(already) && !already.endsWith("attune-test-ca.pem") ? readFileSync(already, "utf8") : ""}\n${testCa}`,
);
process.env.NODE_EXTRA_CA_CERTS = bundle;

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 20_000,
    // Hooks start servers and open embedded databases (PGlite takes seconds); on a busy 2-core machine that
    // ran past the 10 s default.
    hookTimeout: 60_000,
  },
});
