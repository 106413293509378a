import { getTranslations } from "next-intl/server";
import { formatterFor } from "@/lib/i18n/format";
import type { CreditBalance } from "@/lib/credit/types";
import type { Locale } from "@/lib/locales";
import { formatMoney } from "@/lib/money";

/**
 * A customer's store credit per currency: what can be spent now and what expires next (its last
 * day, in the store's zone). `compact` for the summary beside the loyalty card.
 */
export async function CreditBalances({ balances, locale, timeZone, compact = false }: { balances: CreditBalance[]; locale: Locale; timeZone: string; compact?: boolean }) {
  const t = await getTranslations("StoreCredit");
  const format = formatterFor(locale, timeZone);
  // Credit expires at the start of the day after its last day: that last day is shown.
  const lastDay = (d: Date) => format.dateTime(new Date(d.getTime() - 1), { dateStyle: "long" });
  return (
    <ul className={compact ? "flex flex-col gap-1" : "grid gap-4 sm:grid-cols-2"} data-testid="credit-balances">
      {balances.map((b) => (
        <li key={b.accountId} className={compact ? "" : "rounded-xl border border-slate-200 p-6"} data-currency={b.currency}>
          {!compact && <p className="text-sm text-slate-600">{t("balanceIn", { currency: b.currency })}</p>}
          <p className={compact ? "text-2xl font-bold tabular-nums" : "text-4xl font-bold tabular-nums"} data-testid="credit-available">
            {formatMoney(b.availableCents, b.currency, locale)}
          </p>
          {!compact && <p className="text-sm text-slate-600">{t("available")}</p>}
          <p className="mt-1 text-sm text-slate-700" data-testid="credit-next-expiry">
            {b.nextExpiry ? t("nextExpiry", { amount: formatMoney(b.nextExpiry.amountCents, b.currency, locale), date: lastDay(b.nextExpiry.expiresAt) }) : t("noExpiry")}
          </p>
        </li>
      ))}
    </ul>
  );
}
