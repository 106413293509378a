import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { AdminActionForm } from "@/components/admin/admin-action-form";
import { AdminNav } from "@/components/admin/admin-nav";
import { Badge } from "@/components/admin/status-badge";
import { sendSignInLinkAction, setPlatformAdminAction } from "@/lib/admin/actions";
import { loadAdminUser } from "@/lib/admin/loaders";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
import { localizedPath } from "@/lib/tenancy/urls";

type Props = { params: Promise<{ locale: string; userId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { userId } = await params;
  const view = await loadAdminUser(userId);
  return { title: view?.user.email };
}

export default async function AdminUserPage({ params }: Props) {
  const { locale: raw, userId } = await params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  setRequestLocale(locale);
  const view = await loadAdminUser(userId);
  if (!view) notFound();
  const { user, self } = view;
  const t = await getTranslations("AdminArea");
  const ta = await getTranslations("Account");
  const format = await getFormatter();
  const href = (path: string) => localizedPath(path, locale, PLATFORM_DEFAULT_LOCALE);
  const done = { adminGranted: t("results.adminGranted"), adminRevoked: t("results.adminRevoked"), signInLinkSent: t("results.signInLinkSent") };

  return (
    <div className="flex flex-col gap-6">
      <AdminNav locale={locale} current="users" />
      <header className="flex flex-col gap-2">
        <a href={href("/admin/users")} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
          ← {t("users.back")}
        </a>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="break-all text-2xl font-bold tracking-tight">{user.email}</h1>
          {user.isPlatformAdmin && <Badge tone="brand">{t("users.adminBadge")}</Badge>}
        </div>
        <p className="text-sm text-slate-600">
          {user.name ? `${user.name} · ` : ""}
          {t("users.since", { date: format.dateTime(user.createdAt, { dateStyle: "long" }) })} ·{" "}
          {user.hasPassword ? t("users.hasPassword") : t("users.noPassword")}
        </p>
      </header>

      <section aria-labelledby="memberships-title">
        <h2 id="memberships-title" className="text-lg font-semibold">
          {t("users.memberships")}
        </h2>
        {user.memberships.length === 0 ? (
          <p className="mt-2 text-slate-600">{t("users.noMemberships")}</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100 rounded-lg border border-slate-200">
            {user.memberships.map((m) => (
              <li key={m.merchantId} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
                <div>
                  <a href={href(`/admin/merchants/${encodeURIComponent(m.merchantId)}`)} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                    {m.merchantName}
                  </a>{" "}
                  {m.merchantStatus === "SUSPENDED" && <Badge tone="red">{t("merchantStatus.SUSPENDED")}</Badge>}
                  <p className="text-sm text-slate-600">{m.stores.length > 0 ? t("users.limitedTo", { stores: m.stores.join(", ") }) : t("users.allStores")}</p>
                </div>
                <span className="text-sm text-slate-700">{ta(`roles.${m.role}`)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="sign-in-title" className="rounded-lg border border-slate-200 p-4">
        <h2 id="sign-in-title" className="text-lg font-semibold">
          {t("users.signInTitle")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t("users.signInHelp")}</p>
        <div className="mt-3">
          <AdminActionForm
            action={sendSignInLinkAction}
            fields={{ userId: user.id }}
            label={t("users.sendSignInLink")}
            pendingLabel={t("pending")}
            done={done}
          />
        </div>
      </section>

      <section aria-labelledby="admin-title" className="rounded-lg border border-slate-200 p-4">
        <h2 id="admin-title" className="text-lg font-semibold">
          {t("users.adminTitle")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          {user.isPlatformAdmin ? (self ? t("users.adminHelpSelf") : t("users.adminHelpRevoke")) : t("users.adminHelpGrant")}
        </p>
        <div className="mt-3">
          <AdminActionForm
            action={setPlatformAdminAction}
            fields={{ userId: user.id, admin: user.isPlatformAdmin ? "revoke" : "grant" }}
            label={user.isPlatformAdmin ? t("users.revokeAdmin") : t("users.grantAdmin")}
            pendingLabel={t("pending")}
            done={done}
            tone={user.isPlatformAdmin ? "danger" : "primary"}
          />
        </div>
      </section>

      <p className="flex flex-wrap gap-4">
        <a href={`${href("/admin/audit")}?${new URLSearchParams({ actor: user.email })}`} className="text-sm font-medium text-brand-700 underline">
          {t("users.auditLink")}
        </a>
        <a href={`${href("/admin/emails")}?${new URLSearchParams({ recipient: user.email })}`} className="text-sm font-medium text-brand-700 underline">
          {t("users.emailsLink")}
        </a>
      </p>
    </div>
  );
}
