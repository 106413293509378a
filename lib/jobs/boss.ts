import "server-only";
import PgBoss from "pg-boss";
import type { Tx } from "@/lib/db";
import { env } from "@/lib/env";
import type { QueueDefinition } from "./types";

/** pg-boss keeps its tables in their own schema, next to the application's. */
export const JOBS_SCHEMA = "pgboss";

type Role = "producer" | "worker";

interface Instances {
  producer?: Promise<PgBoss>;
  worker?: Promise<PgBoss>;
  queues: WeakMap<PgBoss, Map<string, Promise<void>>>;
}

// Kept on globalThis so that hot reloads in development reuse the pool instead of leaking one.
const g = globalThis as unknown as { patronJobs?: Instances };
const instances = (g.patronJobs ??= { queues: new WeakMap() });

function create(role: Role): PgBoss {
  const boss = new PgBoss({
    connectionString: env().DATABASE_URL,
    schema: JOBS_SCHEMA,
    application_name: `patron-${role}`,
    max: role === "worker" ? 6 : 2,
    // Installs or upgrades the pgboss schema on first start, under pg-boss's own advisory lock.
    migrate: true,
    // Only the worker process runs maintenance and fires cron schedules; other processes
    // (Next.js) only insert jobs.
    supervise: role === "worker",
    schedule: role === "worker",
  });
  boss.on("error", (error) => console.error(`[jobs:${role}]`, error));
  return boss;
}

async function startInstance(role: Role): Promise<PgBoss> {
  const promise = create(role).start();
  instances[role] = promise;
  try {
    return await promise;
  } catch (error) {
    instances[role] = undefined;
    throw error;
  }
}

/**
 * The process's PgBoss for inserting jobs: the worker's instance in the worker process, or a
 * lightweight producer (no maintenance, no cron) anywhere else. Started on first use.
 */
export function getBoss(): Promise<PgBoss> {
  return instances.worker ?? instances.producer ?? startInstance("producer");
}

/** Starts the worker process's PgBoss (maintenance and cron on). Used by lib/worker/worker.ts. */
export function startWorkerBoss(): Promise<PgBoss> {
  return instances.worker ?? startInstance("worker");
}

/** Stops every PgBoss of this process, letting active jobs finish (up to `timeoutMs`). */
export async function stopBoss(timeoutMs = 30_000): Promise<void> {
  const running = [instances.worker, instances.producer];
  instances.worker = undefined;
  instances.producer = undefined;
  await Promise.all(
    running.map(async (promise) => {
      const boss = await promise?.catch(() => undefined);
      await boss?.stop({ graceful: true, wait: true, timeout: timeoutMs });
    }),
  );
}

/**
 * Creates the queue once per process (pg-boss 10 needs it before send/work). `update` also
 * brings an existing queue's options in line with the definition (the worker does this at start).
 */
export function ensureQueue(boss: PgBoss, queue: QueueDefinition, options: { update?: boolean } = {}): Promise<void> {
  let known = instances.queues.get(boss);
  if (!known) instances.queues.set(boss, (known = new Map()));
  const key = options.update ? `${queue.name}:update` : queue.name;
  let ready = known.get(key);
  if (!ready) {
    ready = (async () => {
      await boss.createQueue(queue.name, { name: queue.name, ...queue.options });
      if (options.update) await boss.updateQueue(queue.name, { name: queue.name, ...queue.options });
    })();
    ready.catch(() => known.delete(key));
    known.set(key, ready);
  }
  return ready;
}

/**
 * pg-boss's executor contract (`{ executeSql(text, values) => { rows } }`) over a Prisma
 * interactive transaction, so a job is inserted in the same transaction as the business rows:
 * it exists if and only if they commit.
 */
export function transactionExecutor(tx: Tx): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      const rows = await tx.$queryRawUnsafe<Record<string, unknown>[]>(text, ...values.map(toParameter));
      return { rows };
    },
  };
}

// pg serializes objects to JSON and undefined to NULL on its own; Prisma's raw queries do not.
function toParameter(value: unknown): unknown {
  if (value === undefined) return null;
  if (value !== null && typeof value === "object" && !(value instanceof Date) && !Array.isArray(value)) return JSON.stringify(value);
  return value;
}

export interface SendJobOptions {
  /** Insert the job inside this transaction (see transactionExecutor). */
  tx?: Tx;
  /** Recorded on the job; used to find a message's live jobs. Not unique for standard queues. */
  singletonKey?: string;
  startAfter?: Date;
  /** Higher runs first among the queue's waiting jobs (pg-boss's priority; default 0). */
  priority?: number;
}

/** Queues a job on `queue`. Returns the job id (null when pg-boss dropped it as a duplicate). */
export async function sendJob<Data extends object>(queue: QueueDefinition<Data>, data: Data, options: SendJobOptions = {}): Promise<string | null> {
  const boss = await getBoss();
  // Outside the caller's transaction: creating a queue takes locks on pg-boss's tables.
  await ensureQueue(boss, queue);
  return boss.send(queue.name, data, {
    ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
    ...(options.startAfter ? { startAfter: options.startAfter } : {}),
    ...(options.priority ? { priority: options.priority } : {}),
    ...(options.tx ? { db: transactionExecutor(options.tx) } : {}),
  });
}
