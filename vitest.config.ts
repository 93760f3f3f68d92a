import { defineConfig } from "vitest/config";

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
