import { afterAll, describe, expect, it, vi } from "vitest";
import { IDLE } from "@/lib/actions/form-state";
import { closeRateLimitPool } from "@/lib/auth/rate-limit";
import { db } from "@/lib/db";
import { actAs, form, memberOf, outcome } from "@/tests/integration/actors";
import { createTenant } from "@/tests/integration/fixtures";
import { createRewardAction, saveProgramAction, setRewardActiveAction, setRewardOnlineValueAction } from "./actions";

vi.mock("@/lib/auth/index", () => import("@/tests/doubles/auth"));
vi.mock("next/headers", async () => {
  const { testHeaders } = await import("@/tests/doubles/auth");
  return { headers: async () => testHeaders() };
});
vi.mock("next/navigation", async () => (await import("@/tests/doubles/next-navigation")).navigationMock);
// Refusals come back as their keys.
vi.mock("next-intl/server", () => ({ getLocale: async () => "en", getTranslations: async () => (key: string) => key }));

afterAll(async () => {
  await closeRateLimitPool();
});

const refusal = (key: string) => ({ key, message: key });
const program = { type: "POINTS", pointsPerUnit: "2", welcomeBonus: "10", cooldownMinutes: "0", dailyCap: "", termsUrl: "", termsText_en: "Points never expire." };

/** The loyalty program page's forms, as a manager submits them: one refusal text per problem, nothing written on a refusal. */
describe("loyalty program actions", () => {
  it("a manager saves the program; bad numbers are field refusals and write nothing", async () => {
    const tenant = await createTenant();
    await actAs((await memberOf(tenant, "MANAGER")).email);
    expect(await saveProgramAction(tenant.merchant.id, IDLE, form({ ...program, pointsPerUnit: "0", welcomeBonus: "lots" }))).toEqual({
      status: "error",
      fieldErrors: { pointsPerUnit: refusal("Loyalty.errors.invalidNumber"), welcomeBonus: refusal("Loyalty.errors.invalidNumber") },
      values: expect.objectContaining({ pointsPerUnit: "0", welcomeBonus: "lots" }),
    });
    expect(await db.loyaltyProgram.count({ where: { merchantId: tenant.merchant.id } })).toBe(0);
    expect(await saveProgramAction(tenant.merchant.id, IDLE, form(program))).toEqual({ status: "ok" });
    expect(await db.loyaltyProgram.findUniqueOrThrow({ where: { merchantId: tenant.merchant.id }, select: { pointsPerUnit: true, welcomeBonus: true, status: true } })).toEqual({
      pointsPerUnit: 2,
      welcomeBonus: 10,
      status: "DRAFT",
    });
  });

  it("a reward needs the program first, a cost and a name; it can be switched off", async () => {
    const tenant = await createTenant();
    await actAs((await memberOf(tenant, "OWNER")).email);
    const reward = { cost: "100", name_en: "Free coffee" };
    expect(await createRewardAction(tenant.merchant.id, IDLE, form(reward))).toMatchObject({ status: "error", error: refusal("Loyalty.merchant.needProgram") });
    await saveProgramAction(tenant.merchant.id, IDLE, form(program));
    expect(await createRewardAction(tenant.merchant.id, IDLE, form({ cost: "" }))).toMatchObject({
      status: "error",
      fieldErrors: { cost: refusal("Loyalty.errors.required"), name_en: refusal("Loyalty.errors.required") },
    });
    expect(await db.loyaltyReward.count({ where: { merchantId: tenant.merchant.id } })).toBe(0);
    expect(await createRewardAction(tenant.merchant.id, IDLE, form(reward))).toEqual({ status: "ok" });
    const { id } = await db.loyaltyReward.findFirstOrThrow({ where: { merchantId: tenant.merchant.id }, select: { id: true } });
    expect(await setRewardActiveAction(tenant.merchant.id, IDLE, form({ rewardId: id, active: "false" }))).toEqual({ status: "ok" });
    expect(await db.loyaltyReward.findUniqueOrThrow({ where: { id }, select: { active: true } })).toEqual({ active: false });
    expect(await setRewardActiveAction(tenant.merchant.id, IDLE, form({ rewardId: "not a reward!", active: "true" }))).toMatchObject({
      status: "error",
      fieldErrors: { rewardId: refusal("Errors.NOT_FOUND") },
    });
  });

  it("another merchant's reward is not found through one's own merchant, and one's own merchant id is needed: nothing changes", async () => {
    const victim = await createTenant();
    await actAs((await memberOf(victim, "OWNER")).email);
    await saveProgramAction(victim.merchant.id, IDLE, form(program));
    await createRewardAction(victim.merchant.id, IDLE, form({ cost: "50", name_en: "Croissant" }));
    const { id } = await db.loyaltyReward.findFirstOrThrow({ where: { merchantId: victim.merchant.id }, select: { id: true } });

    const attacker = await createTenant();
    await actAs((await memberOf(attacker, "OWNER")).email);
    expect(await setRewardActiveAction(attacker.merchant.id, IDLE, form({ rewardId: id, active: "false" }))).toMatchObject({ status: "error", error: refusal("Errors.NOT_FOUND") });
    expect(await outcome(setRewardActiveAction(victim.merchant.id, IDLE, form({ rewardId: id, active: "false" })))).toBe("notFound");
    expect(await outcome(saveProgramAction(victim.merchant.id, IDLE, form({ ...program, pointsPerUnit: "9" })))).toBe("notFound");
    expect(await db.loyaltyReward.findUniqueOrThrow({ where: { id }, select: { active: true } })).toEqual({ active: true });
    expect(await db.loyaltyProgram.findUniqueOrThrow({ where: { merchantId: victim.merchant.id }, select: { pointsPerUnit: true } })).toEqual({ pointsPerUnit: 2 });
  });
});

/** What a reward takes off an online order: set at creation or later, in a currency of the merchant's stores, audited. */
describe("a reward's online value", () => {
  const online = (merchantId: string) =>
    db.loyaltyReward.findMany({ where: { merchantId }, select: { onlineValueCents: true, onlineCurrency: true }, orderBy: { createdAt: "asc" } });

  it("is set with the reward, in a currency of the merchant's stores, and shows as typed", async () => {
    const tenant = await createTenant();
    await actAs((await memberOf(tenant, "MANAGER")).email);
    await saveProgramAction(tenant.merchant.id, IDLE, form(program));

    expect(await createRewardAction(tenant.merchant.id, IDLE, form({ cost: "500", name_en: "Five off", onlineValue: "5,00", onlineCurrency: "EUR" }))).toEqual({ status: "ok" });
    expect(await createRewardAction(tenant.merchant.id, IDLE, form({ cost: "50", name_en: "Coffee", onlineValue: "", onlineCurrency: "EUR" }))).toEqual({ status: "ok" });
    expect(await online(tenant.merchant.id)).toEqual([
      { onlineValueCents: 500, onlineCurrency: "EUR" },
      { onlineValueCents: null, onlineCurrency: null },
    ]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { merchantId: tenant.merchant.id, action: "loyalty.reward.create" }, orderBy: { createdAt: "asc" }, select: { data: true } });
    expect(audit.data).toMatchObject({ online: { valueCents: 500, currency: "EUR" } });
  });

  it("refuses amounts that are not money and currencies the merchant does not sell in, writing nothing", async () => {
    const tenant = await createTenant();
    await actAs((await memberOf(tenant, "OWNER")).email);
    await saveProgramAction(tenant.merchant.id, IDLE, form(program));
    const reward = { cost: "500", name_en: "Five off" };

    expect(await createRewardAction(tenant.merchant.id, IDLE, form({ ...reward, onlineValue: "5", onlineCurrency: "CHF" }))).toMatchObject({
      status: "error",
      fieldErrors: { onlineCurrency: refusal("Loyalty.errors.currencyNotOffered") },
    });
    for (const onlineValue of ["0", "-5", "5.001", "five"]) {
      expect(await createRewardAction(tenant.merchant.id, IDLE, form({ ...reward, onlineValue, onlineCurrency: "EUR" }))).toMatchObject({
        status: "error",
        fieldErrors: { onlineValue: refusal("Loyalty.errors.invalidAmount") },
      });
    }
    expect(await createRewardAction(tenant.merchant.id, IDLE, form({ ...reward, onlineValue: "5", onlineCurrency: "€" }))).toMatchObject({
      status: "error",
      fieldErrors: { onlineCurrency: refusal("Loyalty.errors.currencyNotOffered") },
    });
    expect(await db.loyaltyReward.count({ where: { merchantId: tenant.merchant.id } })).toBe(0);
  });

  it("is changed and emptied later, each change audited with the value before; refusals write nothing", async () => {
    const tenant = await createTenant();
    await actAs((await memberOf(tenant, "MANAGER")).email);
    await saveProgramAction(tenant.merchant.id, IDLE, form(program));
    await createRewardAction(tenant.merchant.id, IDLE, form({ cost: "500", name_en: "Five off" }));
    const { id } = await db.loyaltyReward.findFirstOrThrow({ where: { merchantId: tenant.merchant.id }, select: { id: true } });

    expect(await setRewardOnlineValueAction(tenant.merchant.id, IDLE, form({ rewardId: id, onlineValue: "4.50", onlineCurrency: "EUR" }))).toEqual({ status: "ok" });
    expect(await online(tenant.merchant.id)).toEqual([{ onlineValueCents: 450, onlineCurrency: "EUR" }]);
    expect(await setRewardOnlineValueAction(tenant.merchant.id, IDLE, form({ rewardId: id, onlineValue: "9", onlineCurrency: "USD" }))).toMatchObject({
      status: "error",
      fieldErrors: { onlineCurrency: refusal("Loyalty.errors.currencyNotOffered") },
    });
    expect(await setRewardOnlineValueAction(tenant.merchant.id, IDLE, form({ rewardId: id, onlineValue: "0", onlineCurrency: "EUR" }))).toMatchObject({
      status: "error",
      fieldErrors: { onlineValue: refusal("Loyalty.errors.invalidAmount") },
    });
    expect(await online(tenant.merchant.id)).toEqual([{ onlineValueCents: 450, onlineCurrency: "EUR" }]);
    expect(await setRewardOnlineValueAction(tenant.merchant.id, IDLE, form({ rewardId: id, onlineValue: "", onlineCurrency: "EUR" }))).toEqual({ status: "ok" });
    expect(await online(tenant.merchant.id)).toEqual([{ onlineValueCents: null, onlineCurrency: null }]);

    const audits = await db.auditEvent.findMany({ where: { merchantId: tenant.merchant.id, action: "loyalty.reward.onlineValue", targetId: id }, orderBy: { createdAt: "asc" }, select: { data: true } });
    expect(audits.map((a) => a.data)).toEqual([
      { before: null, after: { valueCents: 450, currency: "EUR" } },
      { before: { valueCents: 450, currency: "EUR" }, after: null },
    ]);
    expect(await setRewardOnlineValueAction(tenant.merchant.id, IDLE, form({ rewardId: "nope", onlineValue: "1", onlineCurrency: "EUR" }))).toMatchObject({
      status: "error",
      error: refusal("Errors.NOT_FOUND"),
    });
  });

  it("another merchant's reward is not found through one's own merchant, and the victim's merchant id is a 404: nothing changes", async () => {
    const victim = await createTenant();
    await actAs((await memberOf(victim, "OWNER")).email);
    await saveProgramAction(victim.merchant.id, IDLE, form(program));
    await createRewardAction(victim.merchant.id, IDLE, form({ cost: "50", name_en: "Croissant", onlineValue: "2", onlineCurrency: "EUR" }));
    const { id } = await db.loyaltyReward.findFirstOrThrow({ where: { merchantId: victim.merchant.id }, select: { id: true } });

    const attacker = await createTenant();
    await actAs((await memberOf(attacker, "OWNER")).email);
    expect(await setRewardOnlineValueAction(attacker.merchant.id, IDLE, form({ rewardId: id, onlineValue: "200", onlineCurrency: "EUR" }))).toMatchObject({
      status: "error",
      error: refusal("Errors.NOT_FOUND"),
    });
    expect(await outcome(setRewardOnlineValueAction(victim.merchant.id, IDLE, form({ rewardId: id, onlineValue: "200", onlineCurrency: "EUR" })))).toBe("notFound");
    expect(await online(victim.merchant.id)).toEqual([{ onlineValueCents: 200, onlineCurrency: "EUR" }]);
    expect(await db.auditEvent.count({ where: { merchantId: attacker.merchant.id, action: "loyalty.reward.onlineValue" } })).toBe(0);
  });
});
