import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { JOBS_SCHEMA } from "@/lib/jobs/boss";
import { EMAIL_SEND_QUEUE } from "@/lib/email/queues";

/** A unique idempotency key and recipient for one test. */
export function uniqueEmail(prefix = "email") {
  const tag = randomUUID().slice(0, 8);
  return { idempotencyKey: `${prefix}:${tag}`, to: `${prefix}-${tag}@example.test` };
}

export function signInData(overrides: { storeName?: string | null } = {}) {
  return { url: `http://localhost:3000/api/auth/callback/email?token=${randomUUID()}`, code: "123456", ...overrides };
}

/** The send jobs pg-boss holds for a message (any state). */
export async function sendJobsFor(messageId: string) {
  return db.$queryRawUnsafe<{ id: string; state: string; priority: number; data: { messageId: string; resendKey?: string } }[]>(
    `SELECT id, state::text AS state, priority, data FROM "${JOBS_SCHEMA}".job WHERE name = $1 AND singleton_key = $2`,
    EMAIL_SEND_QUEUE.name,
    messageId,
  );
}

export async function waitFor<T>(check: () => Promise<T | undefined | null | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("waitFor: timed out");
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Makes a message look untouched for `seconds` (the updatedAt trigger is bypassed for this one update). */
export async function ageMessage(id: string, seconds: number) {
  await db.$transaction([
    db.$executeRawUnsafe("SET LOCAL session_replication_role = replica"),
    db.$executeRaw`UPDATE "EmailMessage" SET "updatedAt" = now() - make_interval(secs => ${seconds}) WHERE id = ${id}`,
  ]);
}

/**
 * Removes the outbox rows a test file wrote since `since` for `templates`, and their send jobs,
 * so that a later file's worker does not have to work through them (files share one database).
 */
export async function discardEmails(templates: string[], since: Date) {
  const rows = await db.emailMessage.findMany({ where: { template: { in: templates }, createdAt: { gte: since } }, select: { id: true } });
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return;
  await db.$executeRawUnsafe(`DELETE FROM "${JOBS_SCHEMA}".job WHERE name = $1 AND singleton_key = ANY($2::text[])`, EMAIL_SEND_QUEUE.name, ids);
  await db.emailMessage.deleteMany({ where: { id: { in: ids } } });
}
