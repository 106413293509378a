import "server-only";
import { emailJobWorkers } from "@/lib/email/jobs";
import { paymentJobWorkers } from "@/lib/payments/jobs";
import type { JobWorker } from "./types";

/** Every queue the worker process serves. A domain with background work adds its list here. */
export const JOB_WORKERS: JobWorker[] = [...emailJobWorkers, ...paymentJobWorkers];
