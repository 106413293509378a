import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import { CLIENT_NAMESPACES, pickMessages } from "./client-messages";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

describe("pickMessages", () => {
  it("keeps only the given paths, nested as they were", () => {
    const messages = { A: { x: "1", y: { z: "2" } }, B: { w: "3" }, C: "4" };
    expect(pickMessages(messages, ["A.y", "C", "D.missing"])).toEqual({ A: { y: { z: "2" } }, C: "4" });
  });
});

/** The project file an import specifier names, if it is one ("@/..." or relative). */
function resolveImport(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/") ? specifier.slice(2) : specifier.startsWith(".") ? path.join(path.dirname(from), specifier) : null;
  if (base === null) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    try {
      if (statSync(candidate).isFile()) return path.normalize(candidate);
    } catch {
      // not this one
    }
  }
  return null;
}

/** The only layouts that render NextIntlClientProvider (components/i18n/client-intl-provider.tsx). */
const PROVIDED = [path.join("app", "[locale]", "account") + path.sep, path.join("app", "[locale]", "admin") + path.sep];

describe("client message namespaces", () => {
  it("are only needed under the layouts that provide them", () => {
    const files = ["app", "components"].flatMap((d) => sourceFiles(d)).map((f) => path.normalize(f));
    const importers = new Map<string, string[]>();
    for (const file of files) {
      for (const match of readFileSync(file, "utf8").matchAll(/^import\s+(?!type\b)[^;]*?from\s+["']([^"']+)["']/gm)) {
        const target = resolveImport(file, match[1]!);
        if (target) importers.set(target, [...(importers.get(target) ?? []), file]);
      }
    }
    const translating = files.filter((f) => {
      const source = readFileSync(f, "utf8");
      return /^["']use client["']/m.test(source) && /\buse(Translations|Formatter|Messages|Now|TimeZone)\(/.test(source);
    });
    expect(translating.length).toBeGreaterThan(0);
    for (const component of translating) {
      const seen = new Set<string>();
      const queue = [component];
      while (queue.length > 0) {
        const file = queue.pop()!;
        for (const importer of importers.get(file) ?? []) {
          if (seen.has(importer)) continue;
          seen.add(importer);
          if (importer.startsWith(`app${path.sep}`)) {
            expect(PROVIDED.some((dir) => importer.startsWith(dir)), `${component} is used by ${importer}, outside the account and admin areas`).toBe(true);
          }
          queue.push(importer);
        }
      }
    }
  });


  it("cover every namespace a client component translates with", () => {
    const used = new Set<string>();
    for (const file of ["app", "components"].flatMap((d) => sourceFiles(d))) {
      const source = readFileSync(file, "utf8");
      if (!/^["']use client["']/m.test(source)) continue;
      for (const match of source.matchAll(/useTranslations\(\s*["']([^"']+)["']\s*\)/g)) used.add(match[1]!);
      expect(source, `${file} translates without a namespace`).not.toMatch(/useTranslations\(\s*\)/);
    }
    const covered = (ns: string) => CLIENT_NAMESPACES.some((c) => ns === c || ns.startsWith(`${c}.`));
    expect([...used].filter((ns) => !covered(ns))).toEqual([]);
    for (const ns of CLIENT_NAMESPACES) expect(Object.keys(pickMessages(en, [ns])), ns).not.toHaveLength(0);
  });
});
