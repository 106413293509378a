import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.dirname(new URL(import.meta.url).pathname);
const alias = {
  "@": root,
  "server-only": path.join(root, "tests/empty-module.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          // Far from UTC and from the stores' zones (+05:45, no daylight saving): code that reads a
          // date without naming a zone gives a visibly wrong answer (lib/test-time-zone.test.ts).
          env: { TZ: "Asia/Kathmandu" },
          include: ["lib/**/*.test.ts", "lib/**/*.test.tsx", "messages/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: ["**/*.integration.test.ts", "node_modules/**"],
          environment: "node",
          // next-intl's middleware (run by proxy.ts's tests) imports "next/server" without an extension.
          server: { deps: { inline: ["next-intl"] } },
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          env: { TZ: "Asia/Kathmandu" },
          include: ["**/*.integration.test.ts", "**/*.integration.test.tsx"],
          exclude: ["node_modules/**", ".next/**"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          setupFiles: ["tests/integration/setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // One database for the run: files run one after another so their fixtures never collide.
          fileParallelism: false,
        },
      },
    ],
  },
});
