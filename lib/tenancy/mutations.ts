import "server-only";
import type { Tx } from "@/lib/db";
import { clearRoutingCache, ROUTING_CHANNEL } from "./routing-cache";

/**
 * Tells every process that store routing changed. Call inside the transaction that changes a
 * slug, a store's locales or a domain: PostgreSQL delivers the notification when it commits,
 * and a rolled-back change notifies nobody.
 */
export async function routingChanged(tx: Tx): Promise<void> {
  await tx.$executeRawUnsafe(`SELECT pg_notify('${ROUTING_CHANNEL}', '')`);
  clearRoutingCache();
}
