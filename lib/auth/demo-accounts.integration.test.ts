import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DEMO_PASSWORD } from "@/prisma/demo-data";
import { findDemoAccountsWithPublishedPassword } from "./data";
import { hashPassword } from "./password";

const DEMO_EMAILS = ["admin@patron.test", "claire@fashiongroup.test"];

afterEach(async () => {
  await db.user.deleteMany({ where: { email: { in: DEMO_EMAILS } } });
});

describe("demo accounts in a production database", () => {
  it("finds the demo accounts that still sign in with the published password, and only those", async () => {
    expect(await findDemoAccountsWithPublishedPassword()).toEqual([]);
    await db.user.create({ data: { email: "admin@patron.test", passwordHash: await hashPassword(DEMO_PASSWORD), isPlatformAdmin: true } });
    await db.user.create({ data: { email: "claire@fashiongroup.test", passwordHash: await hashPassword("a private passphrase") } });
    expect(await findDemoAccountsWithPublishedPassword()).toEqual(["admin@patron.test"]);
  });
});
