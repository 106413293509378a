import "server-only";
import { alertEmailFailed } from "@/lib/alerts/mutations";
import { storeCreditJobWorkers } from "@/lib/credit/jobs";
import { emailJobWorkers } from "@/lib/email/jobs";
import { giftCardJobWorkers } from "@/lib/gift-cards/jobs";
import type { JobWorker } from "@/lib/jobs/types";
import { paymentRequestJobWorkers } from "@/lib/payment-requests/jobs";
import { paymentJobWorkers } from "@/lib/payments/jobs";

/**
 * Every queue the worker process serves. A domain with background work adds its list here. This
 * folder is the worker's composition root: it may import every domain, and no domain imports it.
 */
export const JOB_WORKERS: JobWorker[] = [...emailJobWorkers({ onUndeliverable: alertEmailFailed }), ...paymentJobWorkers, ...giftCardJobWorkers, ...storeCreditJobWorkers, ...paymentRequestJobWorkers];
