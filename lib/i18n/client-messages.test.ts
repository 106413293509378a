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

describe("client message namespaces", () => {
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
