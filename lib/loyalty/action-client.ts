import "server-only";
import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { actionClient } from "@/lib/actions/pipeline";
import type { MemberRole } from "@/lib/auth/types";
import type { Locale } from "@/lib/locales";
import { assertStoreLocale, loadStorefront, type Storefront } from "@/lib/tenancy/loaders";
import { currentTenant } from "@/lib/tenancy/request";
import { requireTerminalAccess } from "./loaders";
import type { LoyaltyActor } from "./mutations";
import { idSchema } from "./schema";

/**
 * The client of the staff terminal's actions (lib/actions/pipeline.ts). The store is the one the
 * proxy routed the request to, the locale the request's; the page binds only the ids the action
 * is about (a card, a reward, a ledger entry), named by `ids`, handed to the handler in `ctx.ids`.
 *
 * The gate is the terminal page's (`requireTerminalAccess`): signed out, the store's sign-in;
 * not staff of this store, notFound(); a role below `atLeast`, forbidden(). Not a store's host,
 * a locale the store does not offer or an id that cannot be one: notFound().
 */
export interface TerminalContext<Name extends string> {
  store: Storefront;
  actor: LoyaltyActor;
  locale: Locale;
  ids: Record<Name, string>;
}

type BoundIds<Names extends readonly string[]> = { -readonly [K in keyof Names]: string };

export function terminalAction<const Names extends readonly string[]>(ids: Names, options: { atLeast?: MemberRole } = {}) {
  return actionClient<BoundIds<Names>, TerminalContext<Names[number]>>(ids.length as unknown as BoundIds<Names>["length"], async (...values) => {
    const tenant = await currentTenant();
    if (tenant?.kind !== "store") notFound();
    const store = await loadStorefront(tenant.slug);
    const locale = await getLocale();
    assertStoreLocale(store, locale);
    const { actor } = await requireTerminalAccess(store, locale, { atLeast: options.atLeast });
    const bound = {} as Record<Names[number], string>;
    ids.forEach((name: Names[number], i) => {
      const id = idSchema.safeParse(values[i]);
      if (!id.success) notFound();
      bound[name] = id.data;
    });
    return { store, actor, locale, ids: bound };
  });
}
