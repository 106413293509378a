import type PgBoss from "pg-boss";

/** Queue settings every job of the queue inherits (pg-boss 10 stores them on the queue row). */
export type QueueOptions = Omit<PgBoss.Queue, "name">;

/** A named queue and the shape of its jobs' data. Pure: safe to import from any module. */
export interface QueueDefinition<Data extends object = object> {
  readonly name: string;
  readonly options: QueueOptions;
  /** Type-level only: carries `Data` so that sendJob and handlers agree on it. */
  readonly __data?: Data;
}

export function defineQueue<Data extends object>(name: string, options: QueueOptions = {}): QueueDefinition<Data> {
  return { name, options };
}

/** How the worker process handles one queue. */
export interface JobWorker<Data extends object = object> {
  queue: QueueDefinition<Data>;
  /** A cron expression (UTC): the worker process schedules a job on this queue that often. */
  cron?: string;
  /** Jobs of this queue handled at once by one worker process (default 1). */
  concurrency?: number;
  /** Throwing fails the job; pg-boss retries it as the queue's retry options say. */
  handle(job: PgBoss.JobWithMetadata<Data>): Promise<unknown>;
}

/** Erases a worker's data type so workers of different queues fit one list. */
export function jobWorker<Data extends object>(worker: JobWorker<Data>): JobWorker {
  return worker as unknown as JobWorker;
}
