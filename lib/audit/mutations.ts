import "server-only";
import { Prisma, type Tx } from "@/lib/db";
import { currentRequestId } from "@/lib/tenancy/request";

export interface AuditInput {
  /** Null for platform-level events (admin actions on no particular merchant). */
  merchantId: string | null;
  actorUserId: string | null;
  /** Dotted verb, e.g. "email.resend", "membership.remove". */
  action: string;
  targetType: string;
  targetId?: string | null;
  data?: Prisma.InputJsonValue;
}

/**
 * Records who did what to which target. Call it inside the transaction of the mutation it
 * describes, so that an event exists exactly when the change does.
 */
export async function recordAuditEvent(tx: Tx, input: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      merchantId: input.merchantId,
      actorUserId: input.actorUserId,
      action: input.action,
      targetType: input.targetType,
      targetId: input.targetId ?? null,
      data: input.data ?? Prisma.JsonNull,
      requestId: await currentRequestId(),
    },
  });
}
