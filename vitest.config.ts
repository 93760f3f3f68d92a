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
    // The default report, then every skipped test by name: each name says why it was skipped.
    reporters: ["default", "./test/helpers/skipped-reporter.ts"],
    // The suite must hold at load 8 on 2 cores: a test waits for the events it expects, each wait with its own
    // generous deadline (60 s by default in test/helpers), so the test as a whole gets room for several of them.
    // A passing test never waits for these; they only bound how long a broken one takes to fail.
    testTimeout: 120_000,
    // Hooks start servers and open embedded databases (PGlite takes seconds on a quiet machine, tens of seconds
    // on a busy one).
    hookTimeout: 180_000,
    // expect.poll (the browser tests' waits) defaults to 1 s, which a loaded machine runs past.
    expect: { poll: { timeout: 30_000 } },
  },
});
