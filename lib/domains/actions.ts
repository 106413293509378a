"use server";

import { fail, ok } from "@/lib/actions/pipeline";
import type { MessageKey } from "@/lib/actions/form-state";
import { adminAction, merchantStoreAction } from "@/lib/auth/action-clients";
import { cacheTags, invalidate, type CacheTag } from "@/lib/cache";
import { env } from "@/lib/env";
import { addDomain, removeDomain, verifyDomain, type AddDomainResult, type VerifyResult } from "./mutations";
import { domainFormSchema, domainIdSchema } from "./schema";

/**
 * Custom-domain actions. A store's domains are its owners' (managers: 403, other merchants:
 * 404); platform admins re-check any domain from /admin/domains. Bad input and failed checks
 * come back as refusals under `Domains.results`; what went through, as the result's code.
 */

export type DomainDone = "added" | "verified" | "removed";

type Refused<R> = R extends { ok: false; error: infer E } ? E : never;

const refusal = (error: Refused<AddDomainResult> | Refused<VerifyResult>): MessageKey => `Domains.results.${error}`;

/** What a change of a store's domains shows on: the store's domains page and the admin's list. */
function storeTags(ctx: { merchantId: string; store: { id: string } }): CacheTag[] {
  return [cacheTags.store(ctx.store.id), cacheTags.account(ctx.merchantId), cacheTags.admin];
}

export const addDomainAction = merchantStoreAction({ role: "OWNER" })({
  schema: () => domainFormSchema(env().PLATFORM_ROOT_DOMAIN),
  messages: "Domains.results",
  handler: async (input, ctx) => {
    const result = await addDomain(ctx.actor, input.domain);
    if (!result.ok) return fail(refusal(result.error));
    return ok<DomainDone>("added", { invalidate: storeTags(ctx) });
  },
});

export const verifyDomainAction = merchantStoreAction({ role: "OWNER" })({
  schema: domainIdSchema,
  messages: "Domains.results",
  handler: async (input, ctx) => {
    const result = await verifyDomain({ merchantId: ctx.merchantId, storeId: ctx.store.id }, input.domainId, ctx.actor.userId);
    if (result.ok) return ok<DomainDone>("verified", { invalidate: storeTags(ctx) });
    // A failed check is recorded too (state, last check): the pages show it.
    invalidate(storeTags(ctx));
    return fail(refusal(result.error));
  },
});

export const removeDomainAction = merchantStoreAction({ role: "OWNER" })({
  schema: domainIdSchema,
  messages: "Domains.results",
  handler: async (input, ctx) => {
    if (!(await removeDomain(ctx.actor, input.domainId))) return fail("Domains.results.notFound");
    return ok<DomainDone>("removed", { invalidate: storeTags(ctx) });
  },
});

/** Platform admins: check any domain again now. */
export const recheckDomainAction = adminAction({
  schema: domainIdSchema,
  messages: "Domains.results",
  handler: async (input, ctx) => {
    const result = await verifyDomain({ merchantId: null }, input.domainId, ctx.admin.userId);
    if (result.ok) return ok<DomainDone>("verified", { invalidate: [cacheTags.admin] });
    invalidate([cacheTags.admin]);
    return fail(refusal(result.error));
  },
});
