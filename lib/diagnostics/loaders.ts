import "server-only";
import { requirePlatformAdmin } from "@/lib/auth/loaders";
import { queriesSent } from "@/lib/db";
import { loadFailedJobs, loadWorkerHeartbeats, type FailedJobsOfQueue, type WorkerHeartbeatView } from "@/lib/jobs/data";
import { loadEmailHealth, loadLastWebhooks, type EmailHealth, type WebhookTypeSeen } from "./data";
import { checkReadiness, describeIntegrations, type IntegrationsView, type Readiness } from "./health";

/** The SQL statement counter of this server process (PATRON_COUNT_QUERIES=1 only; null otherwise). */
export function loadQueryCounter(): { count: number; recent: string[] } | null {
  const sent = queriesSent();
  return sent && { count: sent.count, recent: sent.recent.map((q) => q.query) };
}

export interface HealthPage {
  integrations: IntegrationsView;
  readiness: Readiness;
  workers: WorkerHeartbeatView[];
  webhooks: WebhookTypeSeen[];
  emails: EmailHealth;
  /** Null when the job queue's schema is not installed yet (no worker has ever started). */
  failedJobs: FailedJobsOfQueue[] | null;
}

/** The operations page (platform admins only): integrations, start-up checks, worker, webhooks, emails, jobs. */
export async function loadHealthPage(): Promise<HealthPage> {
  await requirePlatformAdmin({ from: "/admin/health" });
  const [readiness, workers, webhooks, emails, failedJobs] = await Promise.all([
    checkReadiness(),
    loadWorkerHeartbeats(),
    loadLastWebhooks(),
    loadEmailHealth(),
    loadFailedJobs(),
  ]);
  return { integrations: describeIntegrations(), readiness, workers, webhooks, emails, failedJobs };
}
