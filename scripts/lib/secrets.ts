import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * AUTH_SECRET for local runs: the environment's when set; otherwise, outside production, one
 * generated once and kept in a git-ignored file. Production without it is a start-up error.
 */
export function ensureAuthSecret(dataDir: string, production: boolean): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  if (production) {
    throw new Error("AUTH_SECRET is not set. It is required in production: generate one with `openssl rand -base64 33`.");
  }
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(33).toString("base64");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
