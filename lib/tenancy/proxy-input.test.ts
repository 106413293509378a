import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostName, isValidStoreSlug, resolveHost } from "./host";
import { classifyPath } from "./path";

/** The proxy's host and path parsing, fed random, huge, unicode and NUL values: it always decides. */

const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.string({ unit: "grapheme", maxLength: 60 }),
  fc.constantFrom("\u0000", "a\u0000.localhost:3000", "x".repeat(100_000), "%00", "%", "..", "[::1", "fashionhub.localhost:3000\r\nX: y"),
);
const ROOTS = ["localhost:3000", "patron.example"];
 
const CONTROL = /[\u0000-\u001f\u007f]/;

describe("resolveHost, fuzzed", () => {
  it("classifies any Host header without throwing, and only names valid stores and domains", () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom(...ROOTS), (host, root) => {
        const result = resolveHost(host, root);
        expect(["platform", "www", "subdomain", "custom-domain", "unknown"]).toContain(result.kind);
        if (result.kind === "subdomain") expect(isValidStoreSlug(result.slug)).toBe(true);
        if (result.kind === "custom-domain") {
          expect(result.domain).toBe(result.domain.toLowerCase());
          expect(result.domain).not.toMatch(CONTROL);
          expect(result.domain.length).toBeLessThanOrEqual(253);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("reads a store subdomain the same whatever its case, port or trailing dot", () => {
    const slug = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}[a-z0-9]$/).filter(isValidStoreSlug);
    fc.assert(
      fc.property(slug, fc.boolean(), fc.option(fc.integer({ min: 1, max: 65535 })), fc.boolean(), (s, upper, port, dot) => {
        const name = `${upper ? s.toUpperCase() : s}.localhost${dot ? "." : ""}${port ? `:${port}` : ""}`;
        expect(resolveHost(name, "localhost:3000")).toEqual({ kind: "subdomain", slug: s });
        expect(hostName(name)).toBe(`${s}.localhost`);
      }),
    );
  });
});

describe("classifyPath, fuzzed", () => {
  it("decides on any path and query without throwing", () => {
    fc.assert(
      fc.property(anyText, anyText, (path, query) => {
        expect(["public", "internal", "malformed"]).toContain(classifyPath(path, `?q=${query}`).kind);
      }),
      { numRuns: 2000 },
    );
  });

  it("never lets an internal segment through, however each character is written", () => {
    // Each character plain, percent-encoded, upper-cased, or encoded twice; a locale prefix or not.
    const spell = (text: string) =>
      fc.tuple(...[...text].map((c) => fc.constantFrom(c, c.toUpperCase(), `%${c.charCodeAt(0).toString(16)}`, `%${c.charCodeAt(0).toString(16).toUpperCase()}`, `%25${c.charCodeAt(0).toString(16)}`))).map((parts) => parts.join(""));
    const segment = fc.oneof(spell("s"), spell("not-found-host"));
    const prefix = fc.constantFrom("", "/en", "/fr", "/de", "/lb", "/EN", "/%66r");
    const slash = fc.constantFrom("/", "//", "/%2f", "\\", "/./");
    const tail = fc.constantFrom("", "/", "/fashionhub", "/fashionhub/p/linen-shirt", "/bakeryschmit/page/2");
    fc.assert(
      fc.property(prefix, slash, segment, tail, (p, sl, seg, t) => {
        expect(classifyPath(`${p}${sl}${seg}${t}`)).toEqual({ kind: "internal" });
      }),
      { numRuns: 3000 },
    );
  });
});
