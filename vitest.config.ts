import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 20_000,
    // Hooks start servers and open embedded databases (PGlite takes seconds); on a busy 2-core machine that
    // ran past the 10 s default.
    hookTimeout: 60_000,
  },
});
