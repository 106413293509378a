import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { findMerchantTimeZone } from "@/lib/auth/data";
import { formatterFor } from "@/lib/i18n/format";
import { HistoryTable } from "@/components/loyalty/history-table";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
import { findCardView, findProgram } from "@/lib/loyalty/data";
import { requireLoyaltyManager } from "@/lib/loyalty/loaders";
import { idSchema } from "@/lib/loyalty/schema";
import { localizedPath } from "@/lib/tenancy/urls";

type Props = { params: Promise<{ locale: string; merchantId: string; cardId: string }> };

async function loadCard(params: Props["params"]) {
  const { locale: raw, merchantId, cardId } = await params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  const access = await requireLoyaltyManager(merchantId);
  const id = idSchema.safeParse(cardId);
  if (!id.success) notFound();
  const card = await findCardView(access.merchantId, id.data, locale, null);
  if (!card) notFound();
  return { locale, access, card };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { card } = await loadCard(params);
  const t = await getTranslations("Loyalty.merchant");
  return { title: t("ledger", { number: card.number }) };
}

/** Every movement of one member's card, with the staff member and the store. */
export default async function MemberLedgerPage({ params }: Props) {
  const { locale, access, card } = await loadCard(params);
  setRequestLocale(locale);
  const [t, tl, timeZone, program] = await Promise.all([getTranslations("Loyalty.merchant"), getTranslations("Loyalty"), findMerchantTimeZone(access.merchantId), findProgram(access.merchantId, locale)]);
  const format = formatterFor(locale, timeZone);
  const unit = program?.type ?? "POINTS";
  return (
    <section aria-labelledby="ledger-title" className="flex flex-col gap-6">
      <nav className="text-sm">
        <a href={localizedPath(`/account/m/${encodeURIComponent(access.merchantId)}/loyalty/members`, locale, PLATFORM_DEFAULT_LOCALE)} className="text-brand-700 underline">
          {t("members")}
        </a>
      </nav>
      <h1 id="ledger-title" className="text-2xl font-bold tracking-tight">
        {t("ledger", { number: card.number })}
      </h1>
      <p>
        {card.customer.name ?? "—"} · {card.customer.email} · <span className="font-semibold">{tl("amount", { count: card.balance, unit })}</span>
      </p>
      <HistoryTable
        rows={card.ledger}
        formatDate={(d) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" })}
        extra={{ header: t("staff"), cell: (row) => row.staffEmail ?? "—" }}
        labels={{
          date: tl("account.date"),
          what: tl("account.what"),
          store: tl("account.store"),
          amount: tl("account.amountCol"),
          online: tl("account.online"),
          empty: tl("account.noHistory"),
          kinds: { EARN: tl("kinds.EARN"), REDEEM: tl("kinds.REDEEM"), BONUS: tl("kinds.BONUS"), REVERSAL: tl("kinds.REVERSAL"), RELEASE: tl("kinds.RELEASE"), REFUND: tl("kinds.REFUND") },
          reversed: tl("kinds.REVERSAL"),
        }}
      />
    </section>
  );
}
