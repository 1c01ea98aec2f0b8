import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.dirname(new URL(import.meta.url).pathname);
// the web's import aliases (web/vite.config.ts), for its unit tests
const alias = { "@": path.join(root, "web/src"), "@domain": path.join(root, "src/domain") };

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["src/domain/**/*.test.ts", "src/**/*.unit.test.ts", "web/src/**/*.test.ts"],
        },
      },
      {
        test: {
          name: "db",
          include: ["src/**/*.repository.test.ts", "test/**/*.test.ts"],
          globalSetup: ["test/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["e2e/**/*.test.ts"],
          globalSetup: ["test/global-setup.ts"],
          testTimeout: 60_000,
          // a browser round trip on a busy 2-core machine can take more than expect.poll's default second
          expect: { poll: { timeout: 10_000 } },
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
