import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { DataTable } from "@/components/layout/data-table";
import { StaffActionForm } from "@/components/staff/staff-action-form";
import { findMerchantTimeZone } from "@/lib/auth/data";
import { INTL_TAGS, isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
import {
  changeMemberRoleAction,
  createAccessCodeAction,
  decideJoinRequestAction,
  inviteStaffAction,
  removeMemberAction,
  revokeAccessCodeAction,
  revokeInvitationAction,
} from "@/lib/staff/actions";
import { loadStaffPage } from "@/lib/staff/loaders";
import { urlConfig } from "@/lib/tenancy/request";
import { absoluteUrl, platformAddress } from "@/lib/tenancy/urls";

type Props = { params: Promise<{ locale: string; merchantId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { merchantId } = await params;
  await loadStaffPage(merchantId);
  const t = await getTranslations("Staff");
  return { title: t("metaTitle") };
}

const INPUT = "rounded-md border border-slate-300 px-3 py-2 text-slate-900 shadow-sm";

/** Members, join requests, invitations and access codes of a merchant (managers and owners). */
export default async function StaffPage({ params }: Props) {
  const { locale: raw, merchantId } = await params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  setRequestLocale(locale);
  const page = await loadStaffPage(merchantId);
  const [t, tr, timeZone] = await Promise.all([getTranslations("Staff"), getTranslations("Account.roles"), findMerchantTimeZone(page.access.merchantId)]);
  const id = page.access.merchantId;
  const date = new Intl.DateTimeFormat(INTL_TAGS[locale], { dateStyle: "medium", timeZone });
  const storesOf = (ids: string[]) => (ids.length === 0 ? t("allStores") : ids.map((s) => page.storeNames.get(s) ?? "?").join(", "));
  const storeChoices = (legend: string, checked: string[] = []) =>
    page.stores.length > 1 || page.access.storeIds ? (
      <fieldset>
        <legend className="text-sm font-medium text-slate-900">{legend}</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {page.stores.map((s) => (
            <label key={s.id} className="flex items-center gap-2">
              <input type="checkbox" name="storeIds" value={s.id} defaultChecked={checked.includes(s.id)} /> {s.name}
            </label>
          ))}
        </div>
      </fieldset>
    ) : null;
  const roleSelect = (name: string, label: string, roles: string[], htmlId: string, current = "STAFF") => (
    <div className="flex flex-col gap-1">
      <label htmlFor={htmlId} className="text-sm font-medium text-slate-900">
        {label}
      </label>
      <select id={htmlId} name={name} defaultValue={current} className={INPUT}>
        {roles.map((r) => (
          <option key={r} value={r}>
            {tr(r as "OWNER")}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <div className="flex flex-col gap-10">
      <header>
        <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-slate-600">{t("lead")}</p>
      </header>

      <section aria-labelledby="members-title" className="flex flex-col gap-3">
        <h2 id="members-title" className="text-lg font-semibold">
          {t("members.title")}
        </h2>
        <DataTable columns={[{ label: t("members.member") }, { label: t("members.role") }, { label: t("members.stores") }, { label: t("members.actions") }]}>
          {page.members.map((m) => (
            <tr key={m.id} data-testid="member-row" data-email={m.user.email}>
              <td className="py-2 pr-4">
                {m.user.name ? `${m.user.name} · ` : ""}
                {m.user.email} {m.self && <span className="text-slate-500">{t("members.you")}</span>}
              </td>
              <td className="py-2 pr-4" data-testid="member-role">
                {tr(m.role)}
              </td>
              <td className="py-2 pr-4">{storesOf(m.storeIds)}</td>
              <td className="flex flex-col items-start gap-2 py-2">
                {m.canChange && (
                  <details>
                    <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("members.change")}</summary>
                    <StaffActionForm
                      action={changeMemberRoleAction.bind(null, id)}
                      submitLabel={t("members.save")}
                      pendingLabel={t("members.saving")}
                      doneMessage={t("members.changed")}
                      variant="secondary"
                      className="mt-2 flex flex-col gap-2"
                    >
                      <input type="hidden" name="membershipId" value={m.id} />
                      {roleSelect("role", t("members.role"), page.invitableRoles, `role-${m.id}`, m.role)}
                      {storeChoices(t("invite.stores"), m.storeIds)}
                    </StaffActionForm>
                  </details>
                )}
                {m.canRemove && (
                  <StaffActionForm
                    action={removeMemberAction.bind(null, id)}
                    submitLabel={m.self ? t("members.leave") : t("members.remove")}
                    pendingLabel={t("members.removing")}
                    doneMessage={t("members.removed")}
                    variant="danger"
                  >
                    <input type="hidden" name="membershipId" value={m.id} />
                  </StaffActionForm>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      </section>

      <section aria-labelledby="requests-title" className="flex flex-col gap-3">
        <h2 id="requests-title" className="text-lg font-semibold">
          {t("requests.title")}
        </h2>
        {page.requests.length === 0 ? (
          <p className="text-slate-600">{t("requests.empty")}</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {page.requests.map((r) => (
              <li key={r.id} data-testid="join-request" data-email={r.user.email} className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-200 p-3">
                <span>
                  {r.user.name ? `${r.user.name} · ` : ""}
                  {r.user.email} · {tr(r.role)} · {storesOf(r.storeIds)}
                </span>
                {r.canDecide && (
                  <div className="flex gap-2">
                    {(["approve", "reject"] as const).map((decision) => (
                      <StaffActionForm
                        key={decision}
                        action={decideJoinRequestAction.bind(null, id)}
                        submitLabel={t(`requests.${decision}`)}
                        pendingLabel={t("requests.deciding")}
                        doneMessage={t("requests.done")}
                        variant={decision === "approve" ? "secondary" : "danger"}
                        submitName="decision"
                        submitValue={decision}
                      >
                        <input type="hidden" name="requestId" value={r.id} />
                      </StaffActionForm>
                    ))}
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="invite-title" className="flex flex-col gap-3">
        <h2 id="invite-title" className="text-lg font-semibold">
          {t("invite.title")}
        </h2>
        <StaffActionForm action={inviteStaffAction.bind(null, id)} submitLabel={t("invite.submit")} pendingLabel={t("invite.submitting")} doneMessage={t("invite.sent")} className="flex max-w-xl flex-col gap-3">
          <div className="flex flex-col gap-1">
            <label htmlFor="invite-email" className="text-sm font-medium text-slate-900">
              {t("invite.email")}
            </label>
            <input id="invite-email" name="email" type="email" autoComplete="off" required className={INPUT} />
          </div>
          {roleSelect("role", t("invite.role"), page.invitableRoles, "invite-role")}
          {storeChoices(t("invite.stores"))}
        </StaffActionForm>
        <h3 className="mt-4 font-semibold">{t("invitations.title")}</h3>
        {page.invitations.length === 0 ? (
          <p className="text-slate-600">{t("invitations.empty")}</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {page.invitations.map((i) => (
              <li key={i.id} data-testid="invitation-row" data-email={i.email} className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-200 p-3">
                <span>
                  {i.email} · {tr(i.role)} · {storesOf(i.storeIds)} · {i.expired ? t("invitations.expired") : t("invitations.expires", { date: date.format(i.expiresAt) })}
                </span>
                {i.canRevoke && (
                  <StaffActionForm action={revokeInvitationAction.bind(null, id)} submitLabel={t("invitations.revoke")} pendingLabel={t("invitations.revoking")} doneMessage={t("invitations.revoked")} variant="danger">
                    <input type="hidden" name="invitationId" value={i.id} />
                  </StaffActionForm>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="codes-title" className="flex flex-col gap-3">
        <h2 id="codes-title" className="text-lg font-semibold">
          {t("codes.title")}
        </h2>
        <p className="text-slate-600">{t("codes.lead", { url: absoluteUrl(platformAddress(urlConfig()), "/account/join", locale, urlConfig()) })}</p>
        {page.codeRoles.length > 0 && (
          <StaffActionForm action={createAccessCodeAction.bind(null, id)} submitLabel={t("codes.submit")} pendingLabel={t("codes.submitting")} doneMessage={t("codes.created")} className="flex max-w-xl flex-col gap-3">
            {roleSelect("role", t("codes.role"), page.codeRoles, "code-role")}
            {storeChoices(t("codes.stores"))}
            <fieldset>
              <legend className="text-sm font-medium text-slate-900">{t("codes.uses")}</legend>
              <div className="mt-1 flex flex-wrap gap-4">
                <label className="flex items-center gap-2">
                  <input type="radio" name="uses" value="single" defaultChecked /> {t("codes.single")}
                </label>
                <label className="flex items-center gap-2">
                  <input type="radio" name="uses" value="multi" /> {t("codes.multi")}
                </label>
              </div>
            </fieldset>
            <div className="flex flex-col gap-1">
              <label htmlFor="code-days" className="text-sm font-medium text-slate-900">
                {t("codes.days")}
              </label>
              <input id="code-days" name="days" inputMode="numeric" defaultValue="7" className={`${INPUT} w-24`} />
            </div>
            <label className="flex items-center gap-2">
              <input type="checkbox" name="moderated" /> {t("codes.moderated")}
            </label>
          </StaffActionForm>
        )}
        {page.codes.length === 0 ? (
          <p className="text-slate-600">{t("codes.empty")}</p>
        ) : (
          <DataTable columns={[{ label: t("codes.phrase") }, { label: t("codes.details") }, { label: t("codes.state") }, { label: t("members.actions") }]}>
            {page.codes.map((c) => (
              <tr key={c.id} data-testid="code-row" data-phrase={c.phrase}>
                <td className="py-2 pr-4 font-mono text-base font-semibold">{c.phrase}</td>
                <td className="py-2 pr-4">
                  {tr(c.role)} · {storesOf(c.storeIds)} · {c.multiUse ? t("codes.multi") : t("codes.single")}
                  {c.moderated ? ` · ${t("codes.moderatedTag")}` : ""} · {t("codes.useCount", { count: c.useCount })} · {t("codes.expires", { date: date.format(c.expiresAt) })}
                </td>
                <td className="py-2 pr-4">{t(`codes.states.${c.state === "revoked" ? "expired" : c.state}`)}</td>
                <td className="py-2">
                  {c.canRevoke && (
                    <StaffActionForm action={revokeAccessCodeAction.bind(null, id)} submitLabel={t("codes.revoke")} pendingLabel={t("codes.revoking")} doneMessage={t("codes.revokedDone")} variant="danger">
                      <input type="hidden" name="codeId" value={c.id} />
                    </StaffActionForm>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </div>
  );
}
