import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["**/*.test.ts", "**/*.test.mjs"],
    exclude: ["node_modules/**", "e2e/**", ".next/**", ".portside/**"],
    environment: "node",
    // `server-only` throws outside a React Server environment; tests import lib modules directly.
    alias: { "server-only": path.resolve(import.meta.dirname, "lib/core/testing/server-only-stub.ts") },
    testTimeout: 30_000,
  },
});
