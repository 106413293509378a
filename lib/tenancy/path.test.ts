import { describe, expect, it } from "vitest";
import { classifyPath, decodedForms, type PathKind } from "./path";

const internal: PathKind = { kind: "internal" };
const publicPath: PathKind = { kind: "public" };
const malformed: PathKind = { kind: "malformed" };

/** Every way of writing one internal segment that the router would still match. */
function variants(segment: string, rest: string): string[] {
  const encodeAll = (s: string) => [...s].map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, "0")}`).join("");
  const encodeFirst = (s: string) => `%${s.charCodeAt(0).toString(16)}${s.slice(1)}`;
  const upperHex = (s: string) => encodeAll(s).toUpperCase();
  const doubly = (s: string) => encodeAll(s).replace(/%/g, "%25");
  const mixedCase = (s: string) => [...s].map((c, i) => (i % 2 ? c : c.toUpperCase())).join("");
  const forms = [segment, encodeFirst(segment), encodeAll(segment), upperHex(segment), doubly(segment), mixedCase(segment), encodeFirst(mixedCase(segment))];
  const paths: string[] = [];
  for (const form of forms) {
    for (const prefix of ["", "/en", "/fr", "/%6c%62", "/DE"]) {
      paths.push(`${prefix}/${form}${rest}`, `${prefix}/${form}${rest}/`, `${prefix}//${form}${rest}`);
    }
  }
  paths.push(`/%2f${segment}${rest}`, `/en%2F${segment}${rest}`, `\\${segment}${rest}`, `/./${segment}${rest}`, `/%20${segment}${rest}`);
  return paths;
}

describe("classifyPath", () => {
  describe("the storefront segment is internal however it is written", () => {
    for (const path of [...variants("s", "/fashionhub"), ...variants("s", "/fashionhub/p/robe-lin"), ...variants("s", "/bakeryschmit")]) {
      it(path, () => expect(classifyPath(path)).toEqual(internal));
    }
    it("the segment alone", () => expect(classifyPath("/s")).toEqual(internal));
    it("the segment alone, with a slash", () => expect(classifyPath("/en/s/")).toEqual(internal));
  });

  describe("the not-found page is internal however it is written", () => {
    for (const path of variants("not-found-host", "")) {
      it(path, () => expect(classifyPath(path)).toEqual(internal));
    }
    it("with an encoded hyphen", () => expect(classifyPath("/not%2Dfound%2Dhost")).toEqual(internal));
  });

  describe("ordinary paths are public", () => {
    const cases = [
      "/",
      "/en",
      "/fr/",
      "/sign-in",
      "/account/m/abc/stores/def/products",
      "/admin/emails",
      "/p/robe-lin",
      "/p/s",
      "/page/2",
      "/c/BIENVENUE10",
      "/c/%C3%89T%C3%892025",
      "/sx/fashionhub",
      "/shop",
      "/en/sign-in",
      "/en/en/s/fashionhub",
      "/not-found",
      "/not-found-hosts",
      "/p/caf%C3%A9",
      "/p/100%25",
    ];
    for (const path of cases) {
      it(path, () => expect(classifyPath(path)).toEqual(publicPath));
    }
  });

  describe("paths the router could not decode, or with control characters, are malformed", () => {
    for (const path of ["/c/%FF", "/c/%", "/c/%zz", "/c/AB%00CD", "/c/%0aX", "/%7F", "/c/%C3"]) {
      it(path, () => expect(classifyPath(path)).toEqual(malformed));
    }
  });
});

describe("query strings with control characters are malformed", () => {
  const cases: Array<[string, PathKind]> = [
    ["?q=K7QM-4XRT-9HCP", publicPath],
    ["?q=caf%C3%A9&page=2", publicPath],
    ["?q=%", publicPath],
    ["?q=AB%00CD", malformed],
    ["?to=%0d%0aBcc:x", malformed],
    ["?%00=1", malformed],
    ["?a=1&b=%7F", malformed],
  ];
  for (const [search, expected] of cases) {
    it(search, () => expect(classifyPath("/admin/emails", search)).toEqual(expected));
  }
});

describe("decodedForms", () => {
  const cases: Array<[string, string[]]> = [
    ["/plain", ["/plain"]],
    ["/%73", ["/%73", "/s"]],
    ["/%2573", ["/%2573", "/%73", "/s"]],
    ["/p/100%25", ["/p/100%25", "/p/100%"]],
    ["/%E9", ["/%E9"]],
    ["/caf%C3%A9", ["/caf%C3%A9", "/café"]],
  ];
  for (const [input, expected] of cases) {
    it(input, () => expect(decodedForms(input)).toEqual(expected));
  }
});
