import { describe, expect, it } from "vitest";
import { isTokenForHost, sessionHost } from "./host-binding";

describe("sessionHost", () => {
  it.each([
    ["localhost:3000", "localhost:3000"],
    ["LocalHost:3000", "localhost:3000"],
    ["fashionhub.localhost:3000", "fashionhub.localhost:3000"],
    ["shop.example.com.", "shop.example.com"],
    ["Shop.Example.com:443", "shop.example.com:443"],
    ["[::1]:3000", "[::1]:3000"],
    ["", null],
    [null, null],
    ["evil.example/x", null],
  ])("%j -> %j", (raw, expected) => {
    expect(sessionHost(raw)).toBe(expected);
  });
});

describe("isTokenForHost", () => {
  it.each([
    ["localhost:3000", "localhost:3000", true],
    ["localhost:3000", "LOCALHOST:3000", true],
    ["fashionhub.localhost:3000", "fashionhub.localhost:3000", true],
    // another store, the apex, another port: all refused
    ["fashionhub.localhost:3000", "fashionoutlet.localhost:3000", false],
    ["fashionhub.localhost:3000", "localhost:3000", false],
    ["localhost:3000", "fashionhub.localhost:3000", false],
    ["localhost:3000", "localhost:3001", false],
    ["shop.example.com", "www.shop.example.com", false],
    // tokens without a host (or with garbage) never pass
    [undefined, "localhost:3000", false],
    [42, "localhost:3000", false],
    ["", "localhost:3000", false],
    ["localhost:3000", null, false],
  ] as const)("%j on %j -> %s", (tokenHost, requestHost, expected) => {
    expect(isTokenForHost(tokenHost, requestHost)).toBe(expected);
  });
});
