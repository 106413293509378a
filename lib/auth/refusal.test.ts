import { describe, expect, it } from "vitest";
import { memberRefusal } from "./refusal";

const staff = { role: "STAFF" as const, storeIds: [] };
const scopedManager = { role: "MANAGER" as const, storeIds: ["s1"] };

describe("memberRefusal", () => {
  it.each([
    ["/account/m/abc/loyalty", staff, "managers"],
    ["/fr/account/m/abc/loyalty/members/card1", staff, "managers"],
    ["/account/m/abc/staff", staff, "managers"],
    ["/de/account/m/abc/reports?from=2026-01-01", staff, "managers"],
    ["/account/m/abc/audit", staff, "managers"],
    ["/account/m/abc/audit?page=2", scopedManager, "allStores"],
    ["/lb/account/m/abc/stores/s1/settings", staff, "owners"],
    ["/account/m/abc/stores/s1/domains", scopedManager, "owners"],
    ["/account/m/abc/stores/s1/settings-x", staff, "managers"],
    ["/fr/account/m/abc/gift-cards/settings", scopedManager, "owners"],
    ["/account/m/abc/gift-cards/new", staff, "managers"],
    ["/account/m/abc", staff, "managers"],
  ] as const)("%s for %o: %s", (path, membership, expected) => {
    expect(memberRefusal(path, membership)).toBe(expected);
  });
});
