import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // End-to-end files each start a bot, a fake Bot API and a database: two at a time suits 2 cores.
    maxWorkers: 2,
  },
});
