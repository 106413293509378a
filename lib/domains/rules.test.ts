import { describe, expect, it } from "vitest";
import { dnsTargets, judgeDns, parseCustomDomain, verificationRecord } from "./rules";

describe("parseCustomDomain", () => {
  it.each([
    ["shop.example.com", { ok: true, domain: "shop.example.com" }],
    ["  HTTPS://Shop.Example.com/path ", { ok: true, domain: "shop.example.com" }],
    ["example.lu.", { ok: true, domain: "example.lu" }],
    ["", { ok: false, error: "required" }],
    ["localhost", { ok: false, error: "domainFormat" }],
    ["192.168.1.10", { ok: false, error: "domainFormat" }],
    ["shop..example.com", { ok: false, error: "domainFormat" }],
    ["-shop.example.com", { ok: false, error: "domainFormat" }],
    ["shop_1.example.com", { ok: false, error: "domainFormat" }],
    ["shop.example.com:8080", { ok: false, error: "domainFormat" }],
    ["user@example.com", { ok: false, error: "domainFormat" }],
    ["example.123", { ok: false, error: "domainFormat" }],
    ["fashionhub.localhost", { ok: false, error: "domainPlatform" }],
    ["localhost:3000", { ok: false, error: "domainFormat" }],
  ] as const)("%j -> %j", (raw, result) => {
    expect(parseCustomDomain(raw, "localhost:3000")).toEqual(result);
  });

  it("refuses the platform's own names under a real root domain", () => {
    expect(parseCustomDomain("patron.example", "patron.example")).toEqual({ ok: false, error: "domainPlatform" });
    expect(parseCustomDomain("shop.patron.example", "patron.example")).toEqual({ ok: false, error: "domainPlatform" });
    expect(parseCustomDomain("notpatron.example", "patron.example")).toEqual({ ok: true, domain: "notpatron.example" });
  });
});

describe("judgeDns", () => {
  const targets = dnsTargets("patron.example:443", { a: "203.0.113.7" });
  const txt = verificationRecord("shop.example.com", "tok").value;
  it("targets default to stores.<root>", () => {
    expect(targets).toEqual({ cname: "stores.patron.example", a: "203.0.113.7" });
  });
  it.each([
    [{ txt: [txt], cname: ["stores.patron.example."], a: [] }, { ok: true }],
    [{ txt: [txt], cname: [], a: ["203.0.113.7"] }, { ok: true }],
    [{ txt: ["patron-verify=other"], cname: ["stores.patron.example"], a: [] }, { ok: false, error: "txtMissing" }],
    [{ txt: [], cname: [], a: [] }, { ok: false, error: "txtMissing" }],
    [{ txt: [txt], cname: ["elsewhere.example"], a: ["198.51.100.1"] }, { ok: false, error: "pointingMissing" }],
  ])("%j -> %j", (answers, verdict) => {
    expect(judgeDns(answers, txt, targets)).toEqual(verdict);
  });
  it("without an A target only the CNAME counts", () => {
    expect(judgeDns({ txt: [txt], cname: [], a: ["203.0.113.7"] }, txt, dnsTargets("patron.example", {}))).toEqual({ ok: false, error: "pointingMissing" });
  });
});
