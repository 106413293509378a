import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { findMerchantArea } from "@/lib/auth/data";
import { ProgramForm } from "@/components/loyalty/program-form";
import { RewardForm, RewardOnlineValueForm } from "@/components/loyalty/reward-form";
import { ActionForm } from "@/components/ui/action-form";
import { isLocale, LOCALE_NAMES, LOCALES, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
import { createRewardAction, saveProgramAction, setRewardActiveAction, setRewardOnlineValueAction } from "@/lib/loyalty/actions";
import { findProgram, listRewardTranslations, listStoreCurrencies } from "@/lib/loyalty/data";
import { currencyDigits, formatMoney, minorToDecimal } from "@/lib/money";
import { requireLoyaltyManager } from "@/lib/loyalty/loaders";
import { termsField } from "@/lib/loyalty/schema";
import { urlConfig } from "@/lib/tenancy/request";
import { absoluteUrl, localizedPath, storeAddress } from "@/lib/tenancy/urls";

type Props = { params: Promise<{ locale: string; merchantId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { merchantId } = await params;
  await requireLoyaltyManager(merchantId);
  const t = await getTranslations("Loyalty.merchant");
  return { title: t("title") };
}

/** The merchant's loyalty program: its rules, terms and rewards (managers and owners). */
export default async function LoyaltyProgramPage({ params }: Props) {
  const { locale: raw, merchantId } = await params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  setRequestLocale(locale);
  const access = await requireLoyaltyManager(merchantId);
  const [t, tl, program, rewards, currencies] = await Promise.all([
    getTranslations("Loyalty.merchant"),
    getTranslations("Loyalty"),
    findProgram(access.merchantId, locale),
    listRewardTranslations(access.merchantId),
    listStoreCurrencies(access.merchantId),
  ]);
  const onlineLabels = { onlineValue: t("onlineValue"), onlineValueHint: t("onlineValueHint"), onlineCurrency: t("onlineCurrency") };
  const base = `/account/m/${encodeURIComponent(access.merchantId)}/loyalty`;
  const initial: Record<string, string> = program
    ? {
        type: program.type,
        pointsPerUnit: String(program.pointsPerUnit ?? ""),
        stampsPerVisit: String(program.stampsPerVisit ?? ""),
        welcomeBonus: String(program.welcomeBonus),
        cooldownMinutes: String(program.cooldownMinutes),
        dailyCap: program.dailyCap === null ? "" : String(program.dailyCap),
        ...Object.fromEntries(LOCALES.map((l) => [termsField(l), program.termsTexts[l] ?? ""])),
        termsUrl: program.termsUrl ?? "",
      }
    : { type: "POINTS", pointsPerUnit: "1", stampsPerVisit: "1", welcomeBonus: "0", cooldownMinutes: "0", dailyCap: "", termsUrl: "" };
  const languageNames = new Intl.DisplayNames([locale], { type: "language" });
  const [area, tt] = await Promise.all([findMerchantArea(access.merchantId, access.storeIds), getTranslations("Terminal")]);
  const stores = area?.stores ?? [];
  const config = urlConfig();
  const marker = "\u0000";
  const [hintBefore = "", hintAfter = ""] = t("terminalHint", { url: marker }).split(marker).map((part) => part.trim());
  const unit = program?.type ?? "POINTS";

  return (
    <section aria-labelledby="loyalty-title" className="flex flex-col gap-8">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 id="loyalty-title" className="text-2xl font-bold tracking-tight">
          {t("title")}
          {program && <span className="ml-3 rounded-full bg-slate-100 px-2 py-0.5 align-middle text-sm font-medium text-slate-700">{t(`statuses.${program.status}`)}</span>}
        </h1>
        <a href={localizedPath(`${base}/members`, locale, PLATFORM_DEFAULT_LOCALE)} className="font-medium text-brand-700 underline">
          {t("members")}
        </a>
      </div>
      {!program && <p className="text-slate-600">{t("noProgram")}</p>}
      {program && stores.length > 0 && (
        <section aria-label={tt("title")} className="rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm">
          {/* The hint names the place of the links with {url}; each store gets its own link there. */}
          <p>{hintBefore}</p>
          <ul className="mt-2 flex flex-col gap-1" data-testid="terminal-links">
            {stores.map((store) => (
              <li key={store.id}>
                <a href={absoluteUrl(storeAddress(store, config), "/terminal", store.defaultLocale, config)} className="font-medium text-brand-700 underline">
                  {tt("title")} – {store.name}
                </a>
              </li>
            ))}
          </ul>
          {hintAfter && <p className="mt-2">{hintAfter}</p>}
        </section>
      )}
      <ProgramForm
        action={saveProgramAction.bind(null, access.merchantId)}
        initial={initial}
        termsLanguages={LOCALES.map((l) => ({ field: termsField(l), label: t("termsTextIn", { language: languageNames.of(l) ?? LOCALE_NAMES[l] }), lang: l }))}
        labels={{
          type: t("type"),
          typePoints: t("typePoints"),
          typeStamps: t("typeStamps"),
          pointsPerUnit: t("pointsPerUnit"),
          welcomeBonus: t("welcomeBonus"),
          stampsPerVisit: t("stampsPerVisit"),
          cooldownMinutes: t("cooldownMinutes"),
          dailyCap: t("dailyCap"),
          termsText: t("termsText"),
          termsHint: t("termsHint"),
          termsUrl: t("termsUrl"),
          saveDraft: t("saveDraft"),
          publish: t("publish"),
          publishDisabled: t("publishDisabled"),
          saving: t("saving"),
          saved: t("saved"),
        }}
      />
      <section aria-labelledby="rewards-title" className="flex flex-col gap-4">
        <h2 id="rewards-title" className="text-xl font-semibold">
          {t("rewards")}
        </h2>
        {rewards.length === 0 ? (
          <p className="text-slate-600">{program ? t("noRewards") : t("needProgram")}</p>
        ) : (
          <ul className="flex flex-col divide-y divide-slate-100 rounded-lg border border-slate-200">
            {rewards.map((reward) => {
              const name = reward.translations.find((x) => x.locale === locale)?.name ?? reward.translations[0]?.name ?? "";
              return (
                <li key={reward.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
                  <span>
                    <span className="font-medium">{name}</span> · {tl("amount", { count: reward.cost, unit })} ·{" "}
                    <span className="text-sm text-slate-600" data-testid="reward-online-value-text">
                      {reward.onlineValueCents !== null && reward.onlineCurrency
                        ? t("onlineValueShown", { amount: formatMoney(reward.onlineValueCents, reward.onlineCurrency, locale) })
                        : t("onlineValueNone")}
                    </span>
                    {!reward.active && <span className="ml-2 text-sm text-slate-500">{t("rewardInactive")}</span>}
                  </span>
                  {currencies.length > 0 && (
                    <RewardOnlineValueForm
                      action={setRewardOnlineValueAction.bind(null, access.merchantId)}
                      rewardId={reward.id}
                      initial={{
                        onlineValue: reward.onlineValueCents !== null && reward.onlineCurrency ? minorToDecimal(reward.onlineValueCents, currencyDigits(reward.onlineCurrency)) : "",
                        onlineCurrency: reward.onlineCurrency ?? currencies[0]!,
                      }}
                      currencies={currencies}
                      labels={{ ...onlineLabels, onlineValue: t("onlineValueOf", { reward: name }), submit: t("saveOnlineValue"), pending: t("saving"), saved: t("onlineValueSaved") }}
                    />
                  )}
                  <ActionForm action={setRewardActiveAction.bind(null, access.merchantId)}>
                    <input type="hidden" name="rewardId" value={reward.id} />
                    <input type="hidden" name="active" value={reward.active ? "false" : "true"} />
                    <button type="submit" className="text-sm font-medium text-brand-700 underline">
                      {reward.active ? t("rewardOff") : t("rewardOn")}
                      <span className="sr-only"> – {name}</span>
                    </button>
                  </ActionForm>
                </li>
              );
            })}
          </ul>
        )}
        {program && (
          <RewardForm
            action={createRewardAction.bind(null, access.merchantId)}
            labels={{ cost: t("rewardCost"), submit: t("addReward"), pending: t("saving"), saved: t("saved") }}
            currencies={currencies}
            onlineLabels={onlineLabels}
            languages={LOCALES.map((l) => ({ locale: l, name: LOCALE_NAMES[l], nameLabel: t("rewardName", { language: LOCALE_NAMES[l] }), descriptionLabel: t("rewardDescription", { language: LOCALE_NAMES[l] }) }))}
          />
        )}
      </section>
    </section>
  );
}
