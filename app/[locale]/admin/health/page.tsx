import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AdminNav } from "@/components/admin/admin-nav";
import { DataTable } from "@/components/layout/data-table";
import { loadHealthPage } from "@/lib/diagnostics/loaders";
import { formatterFor } from "@/lib/i18n/format";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
import { DEFAULT_TIME_ZONE } from "@/lib/time";

type Props = { params: Promise<{ locale: string }> };

// What it shows is the state of this moment.
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({
    locale: isLocale(locale) ? locale : PLATFORM_DEFAULT_LOCALE,
    namespace: "Health",
  });
  return { title: t("metaTitle") };
}

const STATE_KEY = {
  configured: "Configured",
  development: "Development",
  "accepted-missing": "AcceptedMissing",
  missing: "Missing",
} as const;

/** The operations page: integrations, start-up checks, readiness, worker, payment events, emails, failed jobs. */
export default async function AdminHealthPage({ params }: Props) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  setRequestLocale(locale);
  const page = await loadHealthPage();
  const t = await getTranslations("Health");
  const format = formatterFor(locale, DEFAULT_TIME_ZONE);
  const when = (date: Date) =>
    format.dateTime(date, { dateStyle: "medium", timeStyle: "medium" });
  // Ages come from the database's clock (seconds), so they are shown relative to a zero point.
  const agoText = (seconds: number) =>
    format.relativeTime(new Date(0), new Date(Math.round(seconds) * 1000));
  const duration = (seconds: number) =>
    seconds < 120
      ? format.number(Math.round(seconds), {
          style: "unit",
          unit: "second",
          unitDisplay: "long",
        })
      : format.number(Math.round(seconds / 60), {
          style: "unit",
          unit: "minute",
          unitDisplay: "long",
        });
  const { integrations, readiness, workers, webhooks, emails, failedJobs } =
    page;
  const { settings } = integrations;
  const card =
    "flex flex-col gap-3 rounded-lg border border-slate-200 p-4 shadow-sm";
  const bad = "font-semibold text-red-700";
  const warn = "font-semibold text-amber-800";

  return (
    <section aria-labelledby="health-title" className="flex flex-col gap-6">
      <AdminNav locale={locale} current="health" />
      <header>
        <h1 id="health-title" className="text-3xl font-bold tracking-tight">
          {t("title")}
        </h1>
        <p className="mt-1 text-slate-600">{t("lead")}</p>
      </header>

      <section
        aria-labelledby="health-readiness"
        className={card}
        data-testid="health-readiness"
        data-ready={readiness.ready}
      >
        <h2
          id="health-readiness"
          className={readiness.ready ? "font-semibold text-green-800" : bad}
        >
          {readiness.ready ? t("ready") : t("notReady")}
        </h2>
        <ul className="flex flex-wrap gap-4 text-sm">
          {(["database", "migrations", "worker"] as const).map((name) => (
            <li key={name}>
              {t(`checks.${name}`)}:{" "}
              <span
                className={readiness.checks[name].ok ? "text-green-800" : bad}
              >
                {readiness.checks[name].ok
                  ? t("checks.ok")
                  : t("checks.failing")}
              </span>
            </li>
          ))}
        </ul>
      </section>

      <section
        aria-labelledby="health-settings"
        className={card}
        data-testid="health-settings"
      >
        <h2 id="health-settings" className="text-xl font-semibold">
          {t("settings.title")}
        </h2>
        {!integrations.production && (
          <p className="text-slate-600">{t("settings.development")}</p>
        )}
        {integrations.production &&
          settings.errors.length === 0 &&
          settings.accepted.length === 0 && <p>{t("settings.allGood")}</p>}
        {settings.errors.length > 0 && (
          <div role="alert">
            <h3 className={bad}>{t("settings.errorsTitle")}</h3>
            <ul className="list-disc pl-6 font-mono text-sm">
              {settings.errors.map((p) => (
                <li key={`${p.setting}:${p.reason}`}>
                  {t(`settings.${p.reason}`, { setting: p.setting })}
                </li>
              ))}
            </ul>
          </div>
        )}
        {settings.accepted.length > 0 && (
          <div role="note" data-testid="health-accepted">
            <h3 className={warn}>{t("settings.acceptedTitle")}</h3>
            <ul className="list-disc pl-6 font-mono text-sm">
              {settings.accepted.map((p) => (
                <li key={p.setting}>
                  {t("settings.missing", { setting: p.setting })}
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>

      <section aria-labelledby="health-integrations" className={card}>
        <h2 id="health-integrations" className="text-xl font-semibold">
          {t("integrations.title")}
        </h2>
        <DataTable
          columns={[
            { label: t("integrations.name") },
            { label: t("integrations.state") },
          ]}
        >
          <tr
            data-testid="health-stripe"
            data-state={integrations.stripe.state}
          >
            <td className="py-2 pr-4">{t("integrations.stripe")}</td>
            <td
              className={`py-2 ${integrations.stripe.state === "configured" ? "" : integrations.production ? warn : ""}`}
            >
              {t(`integrations.stripe${STATE_KEY[integrations.stripe.state]}`, {
                mode: integrations.stripe.liveMode ? "live" : "test",
              })}
            </td>
          </tr>
          <tr
            data-testid="health-resend"
            data-state={integrations.resend.state}
          >
            <td className="py-2 pr-4">{t("integrations.resend")}</td>
            <td
              className={`py-2 ${integrations.resend.state === "configured" ? "" : integrations.production ? warn : ""}`}
            >
              {t(`integrations.resend${STATE_KEY[integrations.resend.state]}`, {
                sender: integrations.resend.sender,
              })}
            </td>
          </tr>
          <tr>
            <td className="py-2 pr-4">{t("integrations.dns")}</td>
            <td className="py-2">
              {integrations.dns.servers
                ? t("integrations.dnsServers", {
                    servers: integrations.dns.servers.join(", "),
                  })
                : t("integrations.dnsSystem")}
            </td>
          </tr>
        </DataTable>
      </section>

      <section aria-labelledby="health-worker" className={card}>
        <h2 id="health-worker" className="text-xl font-semibold">
          {t("worker.title")}
        </h2>
        {workers.length === 0 ? (
          <p className={bad}>{t("worker.none")}</p>
        ) : (
          <DataTable
            columns={[
              { label: t("worker.process") },
              { label: t("worker.state") },
              { label: t("worker.lastBeat") },
              { label: t("worker.started") },
            ]}
          >
            {workers.map((w) => (
              <tr key={w.id} data-testid="health-worker-row">
                <td className="py-2 pr-4 font-mono">
                  {w.host} · {w.pid}
                </td>
                <td className={`py-2 pr-4 ${w.fresh ? "text-green-800" : bad}`}>
                  {w.fresh ? t("worker.fresh") : t("worker.stale")}
                </td>
                <td className="py-2 pr-4">{agoText(w.ageSeconds)}</td>
                <td className="py-2">{when(w.startedAt)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      <section aria-labelledby="health-webhooks" className={card}>
        <h2 id="health-webhooks" className="text-xl font-semibold">
          {t("webhooks.title")}
        </h2>
        {webhooks.length === 0 ? (
          <p className="text-slate-600">{t("webhooks.empty")}</p>
        ) : (
          <DataTable
            columns={[
              { label: t("webhooks.provider") },
              { label: t("webhooks.type") },
              { label: t("webhooks.last") },
              { label: t("webhooks.lastDay"), numeric: true },
            ]}
          >
            {webhooks.map((w) => (
              <tr key={`${w.provider}:${w.type}`}>
                <td className="py-2 pr-4">{w.provider}</td>
                <td className="py-2 pr-4 font-mono">{w.type}</td>
                <td className="py-2 pr-4">{when(w.lastReceivedAt)}</td>
                <td className="py-2 text-right">{w.lastDay}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      <section
        aria-labelledby="health-emails"
        className={card}
        data-testid="health-emails"
      >
        <h2 id="health-emails" className="text-xl font-semibold">
          {t("emails.title")}
        </h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm">
          <dt>{t("emails.failed")}</dt>
          <dd className={emails.failedLastDay > 0 ? bad : ""}>
            {emails.failedLastDay}
          </dd>
          {integrations.resend.state !== "configured" && (
            <>
              <dt>{t("emails.notSent")}</dt>
              <dd
                className={
                  integrations.production && emails.notSentLastDay > 0
                    ? warn
                    : ""
                }
              >
                {emails.notSentLastDay}
              </dd>
            </>
          )}
          <dt>{t("emails.queued")}</dt>
          <dd>{emails.queued}</dd>
          <dt>{t("emails.oldest")}</dt>
          <dd>
            {emails.oldestQueuedAgeSeconds === null
              ? t("emails.none")
              : duration(emails.oldestQueuedAgeSeconds)}
          </dd>
        </dl>
      </section>

      <section aria-labelledby="health-jobs" className={card}>
        <h2 id="health-jobs" className="text-xl font-semibold">
          {t("jobs.title")}
        </h2>
        {failedJobs === null ? (
          <p className={bad}>{t("jobs.notInstalled")}</p>
        ) : failedJobs.length === 0 ? (
          <p className="text-slate-600">{t("jobs.empty")}</p>
        ) : (
          <DataTable
            columns={[
              { label: t("jobs.queue") },
              { label: t("jobs.count"), numeric: true },
              { label: t("jobs.last") },
              { label: t("jobs.error") },
            ]}
          >
            {failedJobs.map((j) => (
              <tr key={j.queue}>
                <td className="py-2 pr-4 font-mono">{j.queue}</td>
                <td className={`py-2 pr-4 text-right ${bad}`}>{j.count}</td>
                <td className="py-2 pr-4">{when(j.lastFailedAt)}</td>
                <td className="py-2 font-mono text-xs">
                  {j.lastError?.slice(0, 300) ?? ""}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </section>
  );
}
