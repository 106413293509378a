/**
 * The role matrix of the account area: every action (and page loader) of the merchant area and
 * of /admin/domains, for every kind of visitor. The gate's decision is what is asserted:
 * anonymous visitors are sent to sign-in, people outside the merchant (customers, platform
 * admins, another merchant's owner) get a 404 that reveals nothing, members below the needed
 * role get a 403, and everyone else reaches the action (which then answers for the input; the
 * inputs here are harmless: empty forms and unknown ids). Each action's effects are proven in
 * its own integration tests.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadMerchantArea } from "@/lib/auth/loaders";
import { closeRateLimitPool } from "@/lib/auth/rate-limit";
import { archiveProductAction, createProductAction, updateProductAction } from "@/lib/catalog/actions";
import { createCouponAction, setCouponPausedAction, updateCouponAction } from "@/lib/coupons/actions";
import { db } from "@/lib/db";
import { addDomainAction, recheckDomainAction, removeDomainAction, verifyDomainAction } from "@/lib/domains/actions";
import { loadAdminDomains, loadStoreDomains } from "@/lib/domains/loaders";
import { fulfillOrderAction } from "@/lib/orders/actions";
import { refundOrderAction } from "@/lib/payments/actions";
import {
  changeMemberRoleAction,
  createAccessCodeAction,
  decideJoinRequestAction,
  inviteStaffAction,
  removeMemberAction,
  revokeAccessCodeAction,
  revokeInvitationAction,
} from "@/lib/staff/actions";
import { createRewardAction, saveProgramAction, setRewardActiveAction, setRewardOnlineValueAction } from "@/lib/loyalty/actions";
import {
  extendGiftCardAction,
  issueGiftCardAction,
  saveGiftCardExpiryAction,
  saveGiftCardPromotionAction,
  saveGiftCardsToCreditAction,
  setGiftCardDisabledAction,
} from "@/lib/gift-card-admin/actions";
import { adjustCreditDownAction, grantGoodwillCreditAction } from "@/lib/credit-admin/actions";
import { loadCreditAccount, loadCreditList } from "@/lib/credit-admin/loaders";
import { changeCardRecipientAction, resendCardDeliveryAction } from "@/lib/gift-cards/delivery-actions";
import { loadStaffPage } from "@/lib/staff/loaders";
import {
  cancelPaymentRequestAction,
  createPaymentRequestAction,
  requestFromOrderAction,
  sendTestReminderAction,
  updateReminderSettingsAction,
} from "@/lib/payment-requests/actions";
import { loadNewRequestForm, loadReminderSettings, loadRequest, loadRequestList } from "@/lib/payment-requests/loaders";
import { createPaymentRequest } from "@/lib/payment-requests/mutations";
import type { MerchantId } from "@/lib/tenancy/types";
import { updateStoreSettingsAction } from "@/lib/stores/actions";
import { form, gateOf, memberOf as member, passwordUser as person, actAs as signedInAs, type Gate } from "./actors";
import { createCouponRow } from "./cart-fixtures";
import { createTenant } from "./fixtures";
import { creditAccountOf } from "./store-credit-fixtures";

vi.mock("@/lib/auth/index", () => import("@/tests/doubles/auth"));
vi.mock("next/headers", async () => {
  const { testHeaders } = await import("@/tests/doubles/auth");
  return { headers: async () => testHeaders() };
});
vi.mock("next/navigation", async () => (await import("@/tests/doubles/next-navigation")).navigationMock);
// Actions translate their field errors: keys stand in for the texts.
vi.mock("next-intl/server", () => ({ getLocale: async () => "en", getTranslations: async () => Object.assign((key: string) => key, { raw: (key: string) => key }) }));

afterAll(async () => {
  await closeRateLimitPool();
});

type Visitor = "anonymous" | "customer" | "staff" | "manager" | "owner" | "otherOwner" | "admin";
type Needs = "STAFF" | "MANAGER" | "OWNER" | "ADMIN";

const VISITORS: Visitor[] = ["anonymous", "customer", "staff", "manager", "owner", "otherOwner", "admin"];
const RANK = { staff: 1, manager: 2, owner: 3 } as const;
const NEED_RANK = { STAFF: 1, MANAGER: 2, OWNER: 3 } as const;

/** What the gate must decide for `visitor` on an action that needs `needs`. */
function expected(visitor: Visitor, needs: Needs): Gate {
  if (visitor === "anonymous") return "signIn";
  if (needs === "ADMIN") return visitor === "admin" ? "allowed" : "forbidden";
  if (visitor === "customer" || visitor === "otherOwner" || visitor === "admin") return "notFound";
  return RANK[visitor] >= NEED_RANK[needs] ? "allowed" : "forbidden";
}

let ids: { merchantId: string; storeId: string; couponId: string; rewardId: string; creditAccountId: string; requestId: string };
const emails = {} as Record<Visitor, string | null>;

beforeAll(async () => {
  const tenant = await createTenant();
  const other = await createTenant();
  const coupon = await createCouponRow(tenant, { code: `MATRIX${tenant.tag.toUpperCase()}` });
  const program = await db.loyaltyProgram.create({ data: { merchantId: tenant.merchant.id, type: "STAMPS", stampsPerVisit: 1 }, select: { id: true } });
  const reward = await db.loyaltyReward.create({
    data: { merchantId: tenant.merchant.id, programId: program.id, cost: 10, translations: { create: [{ locale: "en", name: "Free coffee" }] } },
    select: { id: true },
  });
  const customer = await person("customer");
  const profile = await db.customer.create({ data: { merchantId: tenant.merchant.id, userId: customer.id, email: customer.email }, select: { id: true } });
  const creditAccountId = await creditAccountOf(tenant.merchant.id, profile.id);
  const request = await createPaymentRequest(
    { merchantId: tenant.merchant.id as MerchantId, userId: tenant.owner.id, storeIds: null },
    {
      storeId: tenant.store.id,
      payerName: "Matrix payer",
      payerEmail: null,
      payerLocale: "en",
      forEmail: null,
      reference: "MATRIX-1",
      dueOn: null,
      note: null,
      lines: [{ row: 0, productId: null, title: "Alterations", amount: "25", quantity: 1 }],
      formKey: "matrix-form-key-0001",
    },
  );
  if (!request.ok) throw new Error("could not create the matrix's payment request");
  ids = { merchantId: tenant.merchant.id, storeId: tenant.store.id, couponId: coupon.id, rewardId: reward.id, creditAccountId, requestId: request.requestId };
  emails.anonymous = null;
  emails.customer = customer.email;
  emails.staff = (await member(tenant, "STAFF")).email;
  emails.manager = (await member(tenant, "MANAGER")).email;
  emails.owner = (await member(tenant, "OWNER")).email;
  emails.otherOwner = (await member(other, "OWNER")).email;
  emails.admin = (await person("admin", { isPlatformAdmin: true })).email;
});

const idle = { status: "idle" } as const;
const unknownId = "cunknown0000000000000000";

const ACTIONS: Array<{ name: string; needs: Needs; run: () => Promise<unknown> }> = [
  // Merchant area pages.
  { name: "merchant home (loadMerchantArea)", needs: "STAFF", run: () => loadMerchantArea(ids.merchantId) },
  { name: "staff page (loadStaffPage)", needs: "MANAGER", run: () => loadStaffPage(ids.merchantId) },
  { name: "store domains page (loadStoreDomains)", needs: "OWNER", run: () => loadStoreDomains(ids.merchantId, ids.storeId) },
  // Catalog, coupons, orders.
  { name: "createProductAction", needs: "MANAGER", run: () => createProductAction(ids.merchantId, ids.storeId, idle, form({})) },
  { name: "updateProductAction", needs: "MANAGER", run: () => updateProductAction(ids.merchantId, ids.storeId, idle, form({ productId: unknownId })) },
  { name: "archiveProductAction", needs: "MANAGER", run: () => archiveProductAction(ids.merchantId, ids.storeId, idle, form({ productId: unknownId })) },
  { name: "createCouponAction", needs: "MANAGER", run: () => createCouponAction(ids.merchantId, ids.storeId, idle, form({ kind: "FIXED" })) },
  { name: "updateCouponAction", needs: "MANAGER", run: () => updateCouponAction(ids.merchantId, ids.storeId, idle, form({ couponId: ids.couponId, kind: "FIXED" })) },
  { name: "setCouponPausedAction", needs: "MANAGER", run: () => setCouponPausedAction(ids.merchantId, ids.storeId, idle, form({ couponId: ids.couponId, paused: "false" })) },
  { name: "fulfillOrderAction", needs: "STAFF", run: () => fulfillOrderAction(ids.merchantId, ids.storeId, idle, form({ orderId: unknownId })) },
  {
    name: "refundOrderAction",
    needs: "MANAGER",
    run: () =>
      refundOrderAction(ids.merchantId, ids.storeId, idle, form({ orderId: unknownId, idempotencyKey: "matrix-refund-key-0001", mode: "all", destination: "card", reason: "matrix" })),
  },
  // Store settings and domains.
  { name: "updateStoreSettingsAction", needs: "OWNER", run: () => updateStoreSettingsAction(ids.merchantId, ids.storeId, idle, form({})) },
  { name: "addDomainAction", needs: "OWNER", run: () => addDomainAction(ids.merchantId, ids.storeId, idle, form({ domain: "" })) },
  { name: "verifyDomainAction", needs: "OWNER", run: () => verifyDomainAction(ids.merchantId, ids.storeId, idle, form({ domainId: unknownId })) },
  { name: "removeDomainAction", needs: "OWNER", run: () => removeDomainAction(ids.merchantId, ids.storeId, idle, form({ domainId: unknownId })) },
  // Staff and roles.
  { name: "inviteStaffAction", needs: "MANAGER", run: () => inviteStaffAction(ids.merchantId, idle, form({ email: "" })) },
  { name: "revokeInvitationAction", needs: "MANAGER", run: () => revokeInvitationAction(ids.merchantId, idle, form({ invitationId: unknownId })) },
  { name: "createAccessCodeAction", needs: "MANAGER", run: () => createAccessCodeAction(ids.merchantId, idle, form({ role: "STAFF", days: "0" })) },
  { name: "revokeAccessCodeAction", needs: "MANAGER", run: () => revokeAccessCodeAction(ids.merchantId, idle, form({ codeId: unknownId })) },
  { name: "decideJoinRequestAction", needs: "MANAGER", run: () => decideJoinRequestAction(ids.merchantId, idle, form({ requestId: unknownId, decision: "approve" })) },
  { name: "changeMemberRoleAction", needs: "MANAGER", run: () => changeMemberRoleAction(ids.merchantId, idle, form({ membershipId: unknownId, role: "STAFF" })) },
  { name: "removeMemberAction", needs: "MANAGER", run: () => removeMemberAction(ids.merchantId, idle, form({ membershipId: unknownId })) },
  // Gift cards (an unknown card, or a form that does not parse).
  { name: "issueGiftCardAction", needs: "MANAGER", run: () => issueGiftCardAction(ids.merchantId, idle, form({})) },
  { name: "setGiftCardDisabledAction", needs: "MANAGER", run: () => setGiftCardDisabledAction(ids.merchantId, idle, form({ cardId: unknownId, disabled: "true", reason: "matrix" })) },
  { name: "extendGiftCardAction", needs: "MANAGER", run: () => extendGiftCardAction(ids.merchantId, idle, form({ cardId: unknownId, expiry: "never", reason: "matrix" })) },
  { name: "saveGiftCardExpiryAction", needs: "OWNER", run: () => saveGiftCardExpiryAction(ids.merchantId, idle, form({ unit: "months", count: "0" })) },
  { name: "saveGiftCardPromotionAction", needs: "OWNER", run: () => saveGiftCardPromotionAction(ids.merchantId, idle, form({})) },
  { name: "saveGiftCardsToCreditAction", needs: "OWNER", run: () => saveGiftCardsToCreditAction(ids.merchantId, idle, form({ enabled: "" })) },
  // Store credit (a form that does not parse, an unknown account).
  { name: "store credit page (loadCreditList)", needs: "MANAGER", run: () => loadCreditList(ids.merchantId, {}) },
  { name: "store-credit account page (loadCreditAccount)", needs: "MANAGER", run: () => loadCreditAccount(ids.merchantId, ids.creditAccountId) },
  { name: "grantGoodwillCreditAction", needs: "MANAGER", run: () => grantGoodwillCreditAction(ids.merchantId, idle, form({})) },
  { name: "adjustCreditDownAction", needs: "MANAGER", run: () => adjustCreditDownAction(ids.merchantId, idle, form({ accountId: unknownId, amount: "1", reason: "matrix" })) },
  { name: "changeCardRecipientAction", needs: "MANAGER", run: () => changeCardRecipientAction(ids.merchantId, ids.storeId, idle, form({ cardId: unknownId, orderId: unknownId, name: "Jos", email: "jos@example.test" })) },
  { name: "resendCardDeliveryAction", needs: "MANAGER", run: () => resendCardDeliveryAction(ids.merchantId, ids.storeId, idle, form({ cardId: unknownId, orderId: unknownId })) },
  // Payment requests (a form that does not parse, an unknown request, order or payer).
  { name: "payment requests page (loadRequestList)", needs: "MANAGER", run: () => loadRequestList(ids.merchantId, {}) },
  { name: "new payment request page (loadNewRequestForm)", needs: "MANAGER", run: () => loadNewRequestForm(ids.merchantId) },
  { name: "payment request page (loadRequest)", needs: "MANAGER", run: () => loadRequest(ids.merchantId, ids.requestId) },
  { name: "reminder settings page (loadReminderSettings)", needs: "MANAGER", run: () => loadReminderSettings(ids.merchantId) },
  { name: "createPaymentRequestAction", needs: "MANAGER", run: () => createPaymentRequestAction(ids.merchantId, idle, form({})) },
  { name: "cancelPaymentRequestAction", needs: "MANAGER", run: () => cancelPaymentRequestAction(ids.merchantId, idle, form({ requestId: unknownId })) },
  { name: "requestFromOrderAction", needs: "MANAGER", run: () => requestFromOrderAction(ids.merchantId, idle, form({ orderId: unknownId })) },
  { name: "updateReminderSettingsAction", needs: "MANAGER", run: () => updateReminderSettingsAction(ids.merchantId, idle, form({ interval: "3", maxReminders: "0" })) },
  { name: "sendTestReminderAction", needs: "MANAGER", run: () => sendTestReminderAction(ids.merchantId, idle, form({ payerId: unknownId })) },
  // Platform admin.
  { name: "saveProgramAction", needs: "MANAGER", run: () => saveProgramAction(ids.merchantId, idle, form({})) },
  { name: "createRewardAction", needs: "MANAGER", run: () => createRewardAction(ids.merchantId, idle, form({})) },
  { name: "setRewardActiveAction", needs: "MANAGER", run: () => setRewardActiveAction(ids.merchantId, idle, form({ rewardId: ids.rewardId, active: "true" })) },
  { name: "setRewardOnlineValueAction", needs: "MANAGER", run: () => setRewardOnlineValueAction(ids.merchantId, idle, form({ rewardId: unknownId, onlineValue: "5", onlineCurrency: "EUR" })) },
  { name: "admin domains page (loadAdminDomains)", needs: "ADMIN", run: () => loadAdminDomains() },
  { name: "recheckDomainAction", needs: "ADMIN", run: () => recheckDomainAction(idle, form({ domainId: unknownId })) },
];

describe("account area role matrix", () => {
  for (const visitor of VISITORS) {
    it(`${visitor}: every action gets the decision its role calls for`, async () => {
      await signedInAs(emails[visitor]);
      const actual: Record<string, Gate> = {};
      const wanted: Record<string, Gate> = {};
      for (const action of ACTIONS) {
        actual[action.name] = await gateOf(action.run);
        wanted[action.name] = expected(visitor, action.needs);
      }
      expect(actual).toEqual(wanted);
    });
  }

  it("the empty and unknown inputs above wrote nothing but the coupon's pause flag", async () => {
    expect(await db.product.count({ where: { merchantId: ids.merchantId } })).toBe(0);
    expect(await db.storeDomain.count({ where: { merchantId: ids.merchantId } })).toBe(0);
    expect(await db.staffInvitation.count({ where: { merchantId: ids.merchantId } })).toBe(0);
    expect(await db.accessCode.count({ where: { merchantId: ids.merchantId } })).toBe(0);
    expect(await db.loyaltyProgram.findUniqueOrThrow({ where: { merchantId: ids.merchantId }, select: { status: true, stampsPerVisit: true } })).toEqual({ status: "DRAFT", stampsPerVisit: 1 });
    expect(await db.loyaltyReward.count({ where: { merchantId: ids.merchantId } })).toBe(1);
    expect(await db.membership.count({ where: { merchantId: ids.merchantId } })).toBe(4);
    expect(await db.giftCard.count({ where: { merchantId: ids.merchantId } })).toBe(0);
    expect(await db.giftCardPromotion.count({ where: { merchantId: ids.merchantId } })).toBe(0);
    expect((await db.merchant.findUniqueOrThrow({ where: { id: ids.merchantId }, select: { giftCardExpiryMonths: true } })).giftCardExpiryMonths).toBeNull();
    expect((await db.merchant.findUniqueOrThrow({ where: { id: ids.merchantId }, select: { giftCardsToCredit: true } })).giftCardsToCredit).toBe(false);
    expect(await db.storeCreditAccount.findMany({ where: { merchantId: ids.merchantId }, select: { id: true, balanceCents: true } })).toEqual([{ id: ids.creditAccountId, balanceCents: 0 }]);
    expect(await db.storeCreditLedger.count({ where: { merchantId: ids.merchantId } })).toBe(0);
    expect(await db.paymentRequest.findMany({ where: { merchantId: ids.merchantId }, select: { id: true, status: true } })).toEqual([{ id: ids.requestId, status: "OPEN" }]);
    expect(await db.merchant.findUniqueOrThrow({ where: { id: ids.merchantId }, select: { paymentReminderDays: true, paymentReminderMax: true } })).toEqual({ paymentReminderDays: 7, paymentReminderMax: 3 });
    expect(await db.emailMessage.count({ where: { merchantId: ids.merchantId, template: "payment-reminder" } })).toBe(0);
  });
});
