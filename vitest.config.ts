import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // The web app's components are TSX with React's automatic runtime.
  plugins: [react()],
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    pool: "threads",
    // Every debug check on in tests (full invariant scans after each priced round).
    setupFiles: ["test/support/debug-checks.ts"],
    testTimeout: 60_000,
    // Hooks start servers and seed databases: on a loaded 2-core machine that can pass 10 s.
    hookTimeout: 60_000,
  },
});
