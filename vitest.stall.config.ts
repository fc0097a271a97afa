import { defineConfig } from "vitest/config";

/** SRV-5's stall test, run alone after the suite (see vitest.config.ts). */
export default defineConfig({
  test: {
    include: ["test/server/stall.test.ts"],
    pool: "threads",
    setupFiles: ["test/support/debug-checks.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
