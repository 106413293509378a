import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { CardStatusForm, ExtendCardForm } from "@/components/gift-card-admin/card-forms";
import { GiftCardAreaNav } from "@/components/gift-card-admin/area-nav";
import { Alert } from "@/components/ui/alert";
import { hasRole } from "@/lib/auth/types";
import { extendGiftCardAction, setGiftCardDisabledAction } from "@/lib/gift-card-admin/actions";
import { GIFT_CARD_ROLES, loadGiftCardPage } from "@/lib/gift-card-admin/loaders";
import { canDisable, lastValidDay } from "@/lib/gift-card-admin/rules";
import { formatterFor } from "@/lib/i18n/format";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
import { formatMoney } from "@/lib/money";
import { localizedPath } from "@/lib/tenancy/urls";

type Props = { params: Promise<{ locale: string; merchantId: string; cardId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { merchantId, cardId } = await params;
  const { card } = await loadGiftCardPage(merchantId, cardId);
  const t = await getTranslations("GiftCardAdmin");
  return { title: t("card.title", { last4: card.last4 }) };
}

/** One gift card: its details, its ledger, and for managers disable / enable and extend. */
export default async function GiftCardPage({ params }: Props) {
  const { locale: raw, merchantId, cardId } = await params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  setRequestLocale(locale);
  const { access, card, timeZone } = await loadGiftCardPage(merchantId, cardId);
  const t = await getTranslations("GiftCardAdmin");
  const format = formatterFor(locale, timeZone);
  const link = (path: string) => localizedPath(`/account/m/${encodeURIComponent(access.merchantId)}${path}`, locale, PLATFORM_DEFAULT_LOCALE);
  const money = (cents: number) => formatMoney(cents, card.currency, locale);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const lastDay = (d: Date) => format.dateTime(new Date(d.getTime() - 1), { dateStyle: "medium" });
  const orderLink = (o: { id: string; number: string; storeId: string }) => (
    <a href={link(`/stores/${encodeURIComponent(o.storeId)}/orders/${encodeURIComponent(o.id)}`)} className="text-brand-700 underline">
      {o.number}
    </a>
  );
  const canManage = hasRole(access.role, GIFT_CARD_ROLES.manage);
  const reasonLabels = { reason: t("manage.reason"), reasonHint: t("manage.reasonHint"), saved: t("manage.saved") };
  const details: Array<[string, React.ReactNode]> = [
    [t("columns.status"), t(`status.${card.status}`)],
    [t("columns.source"), t(`source.${card.source}`)],
    [t("columns.initial"), money(card.initialCents)],
    [t("columns.balance"), money(card.balanceCents)],
    [t("columns.expiry"), card.expiresAt ? lastDay(card.expiresAt) : t("never")],
    [t("columns.created"), when(card.createdAt)],
    [t("card.store"), card.store?.name ?? t("none")],
    [t("card.buyer"), card.buyer ? [card.buyer.name, card.buyer.email].filter(Boolean).join(" · ") : t("none")],
    [t("card.recipient"), [card.recipientName, card.recipientEmail].filter(Boolean).join(" · ") || t("none")],
    [t("card.message"), card.message ? <span className="whitespace-pre-line">{card.message}</span> : t("none")],
    [t("card.deliverAt"), card.deliverAt ? format.dateTime(card.deliverAt, { dateStyle: "medium" }) : t("none")],
    [t("card.order"), card.order ? orderLink(card.order) : t("none")],
    [t("card.lockedTo"), card.lockedTo ?? t("none")],
  ];
  if (card.source === "MANUAL") {
    details.push([t("card.issuedBy"), card.issuedBy ?? t("none")], [t("card.note"), card.note ? <span className="whitespace-pre-line">{card.note}</span> : t("none")]);
  }
  const cardLink = (c: { id: string; last4: string }) => (
    <a href={link(`/gift-cards/${encodeURIComponent(c.id)}`)} className="font-mono text-brand-700 underline">
      {t("masked", { last4: c.last4 })}
    </a>
  );
  if (card.bonusFor) details.push([t("card.bonusFor"), cardLink(card.bonusFor)]);
  if (card.bonus) details.push([t("card.bonus"), cardLink(card.bonus)]);

  return (
    <section aria-labelledby="gift-card-title" className="flex flex-col gap-8">
      <header className="flex flex-col gap-2">
        <GiftCardAreaNav merchantId={access.merchantId} role={access.role} locale={locale} current={null} />
        <h1 id="gift-card-title" className="text-xl font-semibold">
          {t("card.title", { last4: card.last4 })}
        </h1>
      </header>

      <section aria-labelledby="details-title" className="flex flex-col gap-3">
        <h2 id="details-title" className="text-lg font-semibold">
          {t("card.details")}
        </h2>
        <dl className="grid max-w-3xl grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm" data-testid="gift-card-details">
          {details.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-slate-600">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="ledger-title" className="flex flex-col gap-3">
        <h2 id="ledger-title" className="text-lg font-semibold">
          {t("card.ledger")}
        </h2>
        {card.ledger.length === 0 ? (
          <p className="text-slate-600">{t("card.noLedger")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="gift-card-ledger">
              <caption className="sr-only">{t("card.ledgerCaption")}</caption>
              <thead className="border-b border-slate-200 text-slate-600">
                <tr>
                  {(["time", "kind", "amount", "balanceAfter", "actor", "store", "order", "reason"] as const).map((c) => (
                    <th key={c} scope="col" className={`py-2 pr-4 font-medium ${c === "amount" || c === "balanceAfter" ? "text-right" : ""}`}>
                      {t(`ledgerColumns.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {card.ledger.map((row) => (
                  <tr key={row.id} className="border-b border-slate-100">
                    <td className="py-2 pr-4 whitespace-nowrap">{when(row.createdAt)}</td>
                    <td className="py-2 pr-4">
                      {t(`kind.${row.kind}`)}
                      {row.reversal && <span className="block text-xs text-slate-600">{t("card.reversal")}</span>}
                    </td>
                    <td className="py-2 pr-4 text-right tabular-nums">{`${row.amountCents > 0 ? "+" : ""}${money(row.amountCents)}`}</td>
                    <td className="py-2 pr-4 text-right tabular-nums">{money(row.balanceAfterCents)}</td>
                    <td className="py-2 pr-4">{row.actorEmail ?? t("none")}</td>
                    <td className="py-2 pr-4">{row.storeName ?? t("none")}</td>
                    <td className="py-2 pr-4">{row.order ? orderLink(row.order) : t("none")}</td>
                    <td className="py-2 pr-4 whitespace-pre-line">{row.reason ?? t("none")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {canManage && card.storedStatus === "EXPIRED" && <Alert tone="info">{t("card.expiredNote")}</Alert>}

      {canManage && card.storedStatus !== "EXPIRED" && (
        <>
          <section aria-labelledby="status-title" className="flex flex-col gap-3">
            <h2 id="status-title" className="text-lg font-semibold">
              {t("manage.statusTitle")}
            </h2>
            <p className="text-sm text-slate-600">{t("manage.disabledInfo")}</p>
            {card.storedStatus === "DISABLED" ? (
              <CardStatusForm
                action={setGiftCardDisabledAction.bind(null, access.merchantId)}
                cardId={card.id}
                disable={false}
                labels={{ ...reasonLabels, submit: t("manage.enable"), pending: t("manage.enabling") }}
              />
            ) : (
              canDisable(card.storedStatus) && (
                <CardStatusForm
                  action={setGiftCardDisabledAction.bind(null, access.merchantId)}
                  cardId={card.id}
                  disable
                  labels={{ ...reasonLabels, submit: t("manage.disable"), pending: t("manage.disabling") }}
                />
              )
            )}
          </section>
          <section aria-labelledby="extend-title" className="flex flex-col gap-3">
            <h2 id="extend-title" className="text-lg font-semibold">
              {t("manage.extendTitle")}
            </h2>
            <p className="text-sm text-slate-600">{t("manage.extendInfo")}</p>
            <ExtendCardForm
              action={extendGiftCardAction.bind(null, access.merchantId)}
              cardId={card.id}
              currentDay={card.expiresAt ? lastValidDay(card.expiresAt, timeZone) : null}
              labels={{
                ...reasonLabels,
                expiryDate: t("manage.expiryDate"),
                expiryNever: t("manage.expiryNever"),
                expiresOn: t("manage.expiresOn"),
                submit: t("manage.extend"),
                pending: t("manage.extending"),
              }}
            />
          </section>
        </>
      )}
    </section>
  );
}
