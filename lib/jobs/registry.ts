import "server-only";
import { emailJobWorkers } from "@/lib/email/jobs";
import type { JobWorker } from "./types";

/** Every queue the worker process serves. A domain with background work adds its list here. */
export const JOB_WORKERS: JobWorker[] = [...emailJobWorkers];
