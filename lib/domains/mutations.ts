import "server-only";
import { randomBytes } from "node:crypto";
import { recordAuditEvent } from "@/lib/audit/mutations";
import { db, Prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { routingChanged } from "@/lib/tenancy/mutations";
import type { MerchantId, StoreId } from "@/lib/tenancy/types";
import { lookupDomain } from "./dns";
import { dnsTargets, judgeDns, verificationRecord, type DomainCheckError } from "./rules";

/** Who changes a store's domains: produced from the store gate (OWNER) only. */
export interface DomainActor {
  merchantId: MerchantId;
  storeId: StoreId;
  userId: string;
}

export type AddDomainResult = { ok: true; domainId: string } | { ok: false; error: "domainTaken" | "domainAdded" };

/**
 * Adds a custom domain to the actor's store, pending until verified. A domain belongs to one
 * store only: the unique index settles it, also between two merchants adding it at once.
 */
export async function addDomain(actor: DomainActor, domain: string): Promise<AddDomainResult> {
  const existing = await db.storeDomain.findUnique({ where: { domain }, select: { storeId: true } });
  if (existing) return { ok: false, error: existing.storeId === actor.storeId ? "domainAdded" : "domainTaken" };
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.storeDomain.create({
        data: { domain, merchantId: actor.merchantId, storeId: actor.storeId, verificationToken: randomBytes(16).toString("hex") },
        select: { id: true },
      });
      await recordAuditEvent(tx, { merchantId: actor.merchantId, actorUserId: actor.userId, action: "domain.add", targetType: "domain", targetId: row.id, data: { domain, storeId: actor.storeId } });
      return { ok: true, domainId: row.id } as const;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { ok: false, error: "domainTaken" };
    throw error;
  }
}

/** Removes a domain of the actor's store; it stops serving at once (routing caches are dropped on commit). */
export async function removeDomain(actor: DomainActor, domainId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const row = await tx.storeDomain.findFirst({ where: { id: domainId, merchantId: actor.merchantId, storeId: actor.storeId }, select: { id: true, domain: true } });
    if (!row) return false;
    await tx.storeDomain.delete({ where: { id: row.id } });
    await recordAuditEvent(tx, { merchantId: actor.merchantId, actorUserId: actor.userId, action: "domain.remove", targetType: "domain", targetId: row.id, data: { domain: row.domain } });
    await routingChanged(tx);
    return true;
  });
}

export type VerifyResult = { ok: true } | { ok: false; error: DomainCheckError | "notFound" };

/**
 * Checks a domain's DNS now and records the outcome: VERIFIED starts serving the storefront at
 * once, a failure marks it FAILED (a domain that stopped pointing at us stops serving). DNS is
 * asked afresh each time; nothing of a failure is kept but its message. `scope` limits which
 * domain may be checked: the owner's store, or any (a platform admin, `merchantId: null`).
 */
export async function verifyDomain(
  scope: { merchantId: MerchantId; storeId: StoreId } | { merchantId: null },
  domainId: string,
  actorUserId: string,
): Promise<VerifyResult> {
  const where = scope.merchantId ? { id: domainId, merchantId: scope.merchantId, storeId: scope.storeId } : { id: domainId };
  const row = await db.storeDomain.findFirst({ where, select: { id: true, domain: true, merchantId: true, verificationToken: true } });
  if (!row) return { ok: false, error: "notFound" };
  const e = env();
  const proof = verificationRecord(row.domain, row.verificationToken);
  let verdict: VerifyResult;
  try {
    const answers = await lookupDomain(row.domain, proof.name);
    verdict = judgeDns(answers, proof.value, dnsTargets(e.PLATFORM_ROOT_DOMAIN, { cname: e.DOMAIN_CNAME_TARGET, a: e.DOMAIN_A_TARGET }));
  } catch {
    verdict = { ok: false, error: "dnsError" };
  }
  await db.$transaction(async (tx) => {
    const now = new Date();
    const { count } = await tx.storeDomain.updateMany({
      where: { id: row.id, merchantId: row.merchantId },
      data: verdict.ok
        ? { status: "VERIFIED", verifiedAt: now, lastCheckedAt: now, lastError: null }
        : { status: "FAILED", lastCheckedAt: now, lastError: verdict.error },
    });
    if (count === 0) return;
    await recordAuditEvent(tx, {
      merchantId: row.merchantId,
      actorUserId,
      action: scope.merchantId ? "domain.verify" : "domain.recheck",
      targetType: "domain",
      targetId: row.id,
      data: { domain: row.domain, result: verdict.ok ? "verified" : verdict.error },
    });
    await routingChanged(tx);
  });
  return verdict;
}
