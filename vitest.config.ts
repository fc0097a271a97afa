import react from "@vitejs/plugin-react";
import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  // The web app's components are TSX with React's automatic runtime.
  plugins: [react()],
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    // The stall test measures the server's own heavy requests against its health and sign-in
    // answers: it runs after the suite, alone (vitest.stall.config.ts), so that other test
    // files busy on the same two cores are not what it measures.
    exclude: [...configDefaults.exclude, "test/server/stall.test.ts"],
    pool: "threads",
    // Every debug check on in tests (full invariant scans after each priced round).
    setupFiles: ["test/support/debug-checks.ts"],
    testTimeout: 60_000,
    // Hooks start servers and seed databases: on a loaded 2-core machine that can pass 10 s.
    hookTimeout: 60_000,
  },
});
