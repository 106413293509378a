import "server-only";
import { getTranslations } from "next-intl/server";
import { clientIp, consumeLimit, retryAfterMinutes } from "@/lib/auth/rate-limit";
import { LOCALES, negotiateLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
import { getFile } from "@/lib/storage";
import type { Tenant } from "@/lib/tenancy/types";
import { findDownload } from "./data";

/**
 * The file behind a download link, for the buyer: the token is the secret part of the link
 * only the buyer received (confirmation page and email), it must come through the order's own
 * storefront host (`tenant`: the request's, from currentTenant()), and the order must be paid.
 * Anything else is "not found".
 */
export async function resolveDownload(tenant: Tenant | null, token: string): Promise<{ fileName: string; bytes: Buffer } | null> {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) return null;
  if (tenant?.kind !== "store") return null;
  const line = await findDownload(token);
  if (!line || line.kind !== "DIGITAL" || line.order.storeId !== tenant.storeId || line.order.merchantId !== tenant.merchantId) return null;
  if (line.order.status !== "PAID" && line.order.status !== "FULFILLED") return null;
  const key = line.product?.digitalFileKey;
  if (!key || line.product?.merchantId !== line.order.merchantId) return null;
  const bytes = await getFile(key);
  if (!bytes) return null;
  const extension = /\.([a-z0-9]{1,8})$/i.exec(key)?.[1];
  const base = line.title.replace(/[^\p{L}\p{N} ._-]+/gu, "").trim().slice(0, 80) || "download";
  return { fileName: extension ? `${base}.${extension}` : base, bytes };
}

/**
 * Counts one use of a download link against the client's address (token guessing) and the token
 * (a leaked link). Past either limit: a 429 answer with the wait, in the visitor's language among
 * the locales of the request's `tenant`; null when the download may go on.
 */
export async function refuseDownloadOverLimit(request: Request, tenant: Tenant | null, token: string): Promise<Response | null> {
  const limit = await consumeLimit("download", { ip: clientIp(request.headers), token: token.slice(0, 100) });
  if (limit.ok) return null;
  const locale = negotiateLocale(request.headers.get("accept-language"), tenant?.locales ?? LOCALES, tenant?.defaultLocale ?? PLATFORM_DEFAULT_LOCALE);
  const t = await getTranslations({ locale, namespace: "Orders.confirmation" });
  const minutes = retryAfterMinutes(limit.retryAfterMs);
  return new Response(t("downloadRateLimited", { minutes }), {
    status: 429,
    headers: { "content-type": "text/plain; charset=utf-8", "content-language": locale, "retry-after": String(minutes * 60), "cache-control": "no-store" },
  });
}
