import "server-only";
import { checkSettings, env, type OptionalIntegration, type SettingProblem } from "@/lib/env";
import { alertWorkerHeartbeatStale } from "@/lib/alerts/mutations";
import { loadWorkerHeartbeats, workerHeartbeatIsFresh } from "@/lib/jobs/data";
import { databaseAnswers, pendingMigrations } from "./data";

export interface ReadinessCheck {
  ok: boolean;
  /** A short reason when not ok; never a secret, a URL or a stack. */
  detail?: string;
}

export interface Readiness {
  ready: boolean;
  checks: { database: ReadinessCheck; migrations: ReadinessCheck; worker: ReadinessCheck };
}

/**
 * What a load balancer asks before sending traffic: PostgreSQL answers, every migration of this
 * build is applied, and a worker process beat recently (platform admins are alerted when none
 * did). Never throws.
 */
export async function checkReadiness(): Promise<Readiness> {
  const failing: ReadinessCheck = { ok: false, detail: "not checked: the database does not answer" };
  if (!(await databaseAnswers())) {
    return { ready: false, checks: { database: { ok: false, detail: "unreachable" }, migrations: failing, worker: failing } };
  }
  const [migrations, worker] = await Promise.all([
    pendingMigrations().then(
      (pending): ReadinessCheck => (pending.length === 0 ? { ok: true } : { ok: false, detail: `${pending.length} pending` }),
      (): ReadinessCheck => ({ ok: false, detail: "could not be read" }),
    ),
    workerHeartbeatIsFresh().then(
      (fresh): ReadinessCheck => (fresh ? { ok: true } : { ok: false, detail: "no recent heartbeat" }),
      (): ReadinessCheck => ({ ok: false, detail: "could not be read" }),
    ),
  ]);
  const checks = { database: { ok: true }, migrations, worker };
  if (!worker.ok) await alertStaleWorker();
  return { ready: Object.values(checks).every((c) => c.ok), checks };
}

/**
 * Load balancers ask for readiness every few seconds, so a worker that stopped beating is noticed
 * here even when no worker is left to notice it; the alert itself goes out at most once an hour.
 */
async function alertStaleWorker(): Promise<void> {
  try {
    const [last] = await loadWorkerHeartbeats();
    await alertWorkerHeartbeatStale({ lastBeatAt: last?.beatAt ?? null });
  } catch (error) {
    console.error("Could not raise the stale-worker alert:", error);
  }
}

export type IntegrationState =
  /** Configured: real payments, real emails, the DNS servers named. */
  | "configured"
  /** Development and test runs: the test provider, the dev mailbox, the system's resolvers. */
  | "development"
  /** Production without it, accepted by PATRON_ALLOW_MISSING. */
  | "accepted-missing"
  /** Production without it and not accepted: the start should have refused (Next started some other way). */
  | "missing";

export interface IntegrationsView {
  stripe: { state: IntegrationState; liveMode: boolean | null };
  resend: { state: IntegrationState; sender: string };
  dns: { servers: string[] | null };
  production: boolean;
  /** The start-up checks as this process sees them. */
  settings: { errors: SettingProblem[]; accepted: SettingProblem[] };
}

/** The integrations' configuration, without a secret (key prefixes only tell live from test). */
export function describeIntegrations(): IntegrationsView {
  const e = env();
  const settings = checkSettings();
  const stateOf = (configured: boolean, name: OptionalIntegration): IntegrationState => {
    if (configured) return "configured";
    if (!e.production) return "development";
    return settings.accepted.some((p) => p.integration === name) ? "accepted-missing" : "missing";
  };
  const stripeConfigured = Boolean(e.STRIPE_SECRET_KEY && e.STRIPE_WEBHOOK_SECRET);
  return {
    stripe: { state: stateOf(stripeConfigured, "stripe"), liveMode: stripeConfigured ? /^(sk|rk)_live_/.test(e.STRIPE_SECRET_KEY!) : null },
    resend: { state: stateOf(Boolean(e.RESEND_API_KEY), "resend"), sender: e.EMAIL_FROM },
    dns: { servers: e.DNS_SERVERS ? e.DNS_SERVERS.split(",").map((s) => s.trim()) : null },
    production: e.production,
    settings: { errors: settings.errors, accepted: settings.accepted },
  };
}
