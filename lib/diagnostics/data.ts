import "server-only";
import { readdirSync } from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";

/** Whether PostgreSQL answers at all. */
export async function databaseAnswers(): Promise<boolean> {
  try {
    await db.$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}

/**
 * The migrations shipped with this build (prisma/migrations, read from the working directory,
 * where `npm start` runs) that the database has not finished applying.
 */
export async function pendingMigrations(): Promise<string[]> {
  const shipped = readdirSync(path.join(process.cwd(), "prisma", "migrations"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  const applied = await db.$queryRaw<{ name: string }[]>`
    SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  const done = new Set(applied.map((row) => row.name));
  return shipped.filter((name) => !done.has(name)).sort();
}

export interface EmailHealth {
  /** Messages that failed for good in the last 24 hours. */
  failedLastDay: number;
  /** Messages kept in the outbox instead of being sent (no provider) in the last 24 hours. */
  notSentLastDay: number;
  queued: number;
  /** Age of the oldest message still waiting to be sent, in seconds; null when none waits. */
  oldestQueuedAgeSeconds: number | null;
}

export async function loadEmailHealth(): Promise<EmailHealth> {
  const [row] = await db.$queryRaw<EmailHealth[]>`
    SELECT
      count(*) FILTER (WHERE status = 'FAILED' AND "updatedAt" > now() - interval '24 hours')::int AS "failedLastDay",
      count(*) FILTER (WHERE status = 'DEV_MAILBOX' AND "updatedAt" > now() - interval '24 hours')::int AS "notSentLastDay",
      count(*) FILTER (WHERE status = 'QUEUED')::int AS queued,
      EXTRACT(EPOCH FROM now() - min("createdAt") FILTER (WHERE status = 'QUEUED'))::float8 AS "oldestQueuedAgeSeconds"
    FROM "EmailMessage"
    WHERE status IN ('QUEUED', 'FAILED', 'DEV_MAILBOX')`;
  return row!;
}

export interface WebhookTypeSeen {
  provider: "TEST" | "STRIPE" | "NONE";
  type: string;
  lastReceivedAt: Date;
  /** Events of this type received in the last 24 hours. */
  lastDay: number;
}

/** The last payment event received per provider and event type. */
export async function loadLastWebhooks(): Promise<WebhookTypeSeen[]> {
  return db.$queryRaw<WebhookTypeSeen[]>`
    SELECT provider::text AS provider, type, max("receivedAt") AS "lastReceivedAt",
           (count(*) FILTER (WHERE "receivedAt" > now() - interval '24 hours'))::int AS "lastDay"
    FROM "PaymentEvent" GROUP BY provider, type ORDER BY max("receivedAt") DESC`;
}
