import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { JoinForm } from "@/components/loyalty/join-form";
import { loadCustomerSession } from "@/lib/auth/loaders";
import { joinLoyaltyAction } from "@/lib/loyalty/actions";
import { customerHasCard, findActiveProgram, storeSellsSomething } from "@/lib/loyalty/data";
import { dateFormatOf } from "@/lib/loyalty/schema";
import { loadStorefrontPage } from "@/lib/tenancy/loaders";
import { localizedPath } from "@/lib/tenancy/urls";

type Props = { params: Promise<{ locale: string; store: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await loadStorefrontPage(params);
  const t = await getTranslations({ locale, namespace: "Loyalty.join" });
  return { title: t("metaTitle") };
}

/** Joining the merchant's loyalty program from any of its storefronts. */
export default async function JoinLoyaltyPage({ params }: Props) {
  const { store, locale } = await loadStorefrontPage(params);
  const href = (path: string) => localizedPath(path, locale, store.defaultLocale);
  const merchantName = store.merchantName;
  const [t, tj, program, sells, customer] = await Promise.all([
    getTranslations("Loyalty"),
    getTranslations("Loyalty.join"),
    findActiveProgram(store.merchantId, locale, store.defaultLocale),
    storeSellsSomething(store.merchantId, store.id),
    loadCustomerSession(store.id),
  ]);
  // A member has nothing to join: their card is what they came for.
  if (customer && (await customerHasCard(store.merchantId, customer.customerId))) redirect(href("/account/loyalty"));
  if (!program) {
    return (
      <section aria-labelledby="join-title" className="mx-auto max-w-md text-center">
        <h1 id="join-title" className="text-3xl font-bold tracking-tight">
          {tj("noProgramTitle")}
        </h1>
        <p className="mt-2 text-slate-600">{tj("noProgram")}</p>
      </section>
    );
  }
  const { order, separator } = dateFormatOf(locale);
  const letters = await getTranslations("Loyalty.join.dateLetters");
  const format = order.map((p) => letters(p)).join(separator);
  const termsHref = program.termsUrl && !program.termsText ? program.termsUrl : href("/loyalty/terms");
  return (
    <JoinForm
      bonus={program.welcomeBonus > 0 ? tj("welcomeBonus", { count: program.welcomeBonus, unit: program.type }) : null}
      action={joinLoyaltyAction}
      initial={{ email: customer?.email ?? "", name: customer?.name ?? "" }}
      dateOrder={order}
      dateSeparator={separator}
      backHref={href("/")}
      cardHref={href("/account/loyalty")}
      signedInAs={customer?.email ?? null}
      signInHref={`${href("/sign-in")}?${new URLSearchParams({ callbackUrl: href("/account/loyalty") })}`}
      terms={tj.rich("terms", {
        link: (chunks) => (
          <a href={termsHref} className="font-medium text-brand-700 underline" target="_blank" rel="noopener">
            {chunks}
          </a>
        ),
      })}
      labels={{
        title: tj("title"),
        lead: tj(program.type === "POINTS" ? "leadPOINTS" : "leadSTAMPS", { merchant: merchantName }),
        email: tj("email"),
        name: tj("name"),
        phone: tj("phone"),
        birthday: tj("birthday"),
        birthdayHint: tj("birthdayHint", { format }),
        pickDate: tj("pickDate"),
        submit: tj("submit"),
        pending: tj("pending"),
        formError: tj("formError"),
        joinedTitle: t("joined.title"),
        joinedLead: t("joined.lead"),
        alreadyTitle: t("joined.alreadyTitle"),
        alreadyLead: t("joined.alreadyLead", { merchant: merchantName }),
        back: sells ? t("joined.continueShopping") : t("joined.backToStore"),
        myCard: t("joined.myCard"),
        signInToSee: t("joined.signInToSee"),
        cardTitle: `${t("card.label")} · ${merchantName}`,
        cardNumber: t("card.number"),
        qrLabel: t("card.qrLabel", { number: "{number}" }),
      }}
    />
  );
}
