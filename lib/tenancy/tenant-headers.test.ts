import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * One tenant context: the proxy resolves the host once and stamps the tenant on the request;
 * `currentTenant()` (request.ts) is the only reader of that stamp and of the other internal
 * headers. This scan fails when any other source file reads the Host or X-Forwarded-Host header,
 * names an internal header, or reads a stamp itself. Test files and test support may write such
 * headers (they play the proxy or a browser); they are not scanned.
 */

const ROOT = path.resolve(__dirname, "../..");
const SCANNED = ["app", "components", "lib", "scripts", "proxy.ts", "next.config.ts"];
const SKIPPED_DIRS = new Set(["node_modules", "generated", ".next", ".data"]);

/** The files allowed to read them: the proxy and the tenant module (and the figures script, which counts readers). */
const ALLOWED = new Set(["proxy.ts", "lib/tenancy/request.ts", "lib/tenancy/stamp.ts", "lib/tenancy/internal.ts", "scripts/architecture-figures.ts"]);

const READERS: Array<[string, RegExp]> = [
  ["reads the X-Forwarded-Host header", /x-forwarded-host/i],
  ["reads the Host header", /\.get\(\s*["'`]host["'`]\s*\)/i],
  ["names an internal header", /\bINTERNAL_HEADERS\b|["'`]x-patron-|["'`]x-request-id["'`]/i],
  ["reads the tenant stamp", /\breadTenantStamp\b/],
];

function isTestFile(file: string): boolean {
  return /\.(integration\.)?test\.tsx?$/.test(file);
}

function sourceFiles(entry: string): string[] {
  const full = path.join(ROOT, entry);
  let children: string[];
  try {
    children = readdirSync(full, { withFileTypes: true }).map((d) => (d.isDirectory() ? `${d.name}/` : d.name));
  } catch {
    return /\.(ts|tsx|mjs)$/.test(entry) ? [entry] : [];
  }
  return children.flatMap((child) => {
    if (child.endsWith("/")) return SKIPPED_DIRS.has(child.slice(0, -1)) ? [] : sourceFiles(path.posix.join(entry, child.slice(0, -1)));
    return /\.(ts|tsx|mjs)$/.test(child) ? [path.posix.join(entry, child)] : [];
  });
}

/** Every (file, reason) of a source file outside the tenant module that reads host or internal headers. */
function tenantHeaderReaders(): string[] {
  const found: string[] = [];
  for (const file of SCANNED.flatMap(sourceFiles)) {
    if (ALLOWED.has(file) || isTestFile(file)) continue;
    const text = readFileSync(path.join(ROOT, file), "utf8");
    for (const [reason, pattern] of READERS) if (pattern.test(text)) found.push(`${file}: ${reason}`);
  }
  return found.sort();
}

describe("one tenant context", () => {
  it("scans the app's sources (the scan itself finds files)", () => {
    const files = SCANNED.flatMap(sourceFiles);
    expect(files).toContain("proxy.ts");
    expect(files).toContain("lib/auth/route.ts");
    expect(files.some((f) => f.startsWith("app/api/"))).toBe(true);
  });

  it("no file but the proxy and the tenant module reads the Host header or the internal headers", () => {
    expect(tenantHeaderReaders()).toEqual([]);
  });

  it("the proxy reads the Host header and stamps the tenant", () => {
    const proxy = readFileSync(path.join(ROOT, "proxy.ts"), "utf8");
    expect(proxy).toMatch(/x-forwarded-host/);
    expect(proxy).toMatch(/\bstampTenant\(/);
  });
});
