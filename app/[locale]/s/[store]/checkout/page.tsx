import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CheckoutForm } from "@/components/checkout/checkout-form";
import { OrderSummary, summaryTenders } from "@/components/checkout/order-summary";
import { couponTexts } from "@/components/coupons/describe";
import { placeOrderAction } from "@/lib/checkout/actions";
import { loadCheckoutPage } from "@/lib/checkout/loaders";
import { formatMoney } from "@/lib/money";
import { PAYMENT_MINIMUM_CENTS } from "@/lib/payments/minimum";
import { countryOptions } from "@/lib/stores/countries";
import { loadStorefrontPage } from "@/lib/tenancy/loaders";
import { localizedPath } from "@/lib/tenancy/urls";
import { Alert } from "@/components/ui/alert";

type Props = { params: Promise<{ locale: string; store: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await loadStorefrontPage(params);
  const t = await getTranslations({ locale, namespace: "Checkout" });
  return { title: t("metaTitle") };
}

export default async function CheckoutPage({ params }: Props) {
  const { store, locale } = await loadStorefrontPage(params);
  const page = await loadCheckoutPage(store, locale);
  const [t, texts] = await Promise.all([
    getTranslations({ locale, namespace: "Checkout" }),
    couponTexts(locale, store.currency),
  ]);
  const { priced } = page;

  const belowMinimum = t("errors.belowPaymentMinimum", {
    minimum: formatMoney(PAYMENT_MINIMUM_CENTS, store.currency, locale),
  });

  return (
    <section
      aria-labelledby="checkout-title"
      className="mx-auto grid max-w-4xl gap-8 md:grid-cols-[1fr_20rem]"
    >
      <div className="flex flex-col gap-6">
        <h1 id="checkout-title" className="text-3xl font-bold tracking-tight">
          {t("title")}
        </h1>
        {(page.settlement === "free" || page.settlement === "waived") && (
          <Alert tone="success">{t("noPaymentNeeded")}</Alert>
        )}
        {page.settlement === "refuse" && (
          <Alert tone="warning" data-testid="checkout-below-minimum">
            {belowMinimum}
          </Alert>
        )}
        {page.customer && (
          <p className="text-slate-600">
            {t("signedInAs", { email: page.customer.email })}
          </p>
        )}
        {priced.coupons.some((c) => !c.qualified) && (
          <ul
            className="space-y-1 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-amber-900"
            data-testid="checkout-coupons-not-applied"
          >
            {priced.coupons.map((c) =>
              c.qualified ? null : (
                <li key={c.couponId}>
                  {t("couponNotApplied", {
                    code: c.code,
                    reason: texts.reason(c.reason, c.params),
                  })}
                </li>
              ),
            )}
          </ul>
        )}
        <CheckoutForm
          action={placeOrderAction}
          idempotencyKey={page.idempotencyKey}
          expectedTotalCents={priced.totalCents}
          expectedAmountDueCents={page.tenders.tendered.amountDueCents}
          appliedCouponIds={priced.coupons
            .filter((c) => c.qualified)
            .map((c) => c.couponId)}
          askEmail={!page.customer}
          askShipping={page.physical}
          countries={countryOptions(store.shippingCountries, locale)}
          cartHref={localizedPath("/cart", locale, store.defaultLocale)}
          texts={{
            contact: t("form.contact"),
            email: t("form.email"),
            emailHint: t("form.emailHint"),
            shipping: t("form.shipping"),
            name: t("form.name"),
            line1: t("form.line1"),
            line2: t("form.line2"),
            postalCode: t("form.postalCode"),
            city: t("form.city"),
            country: t("form.country"),
            placeOrder: t("form.placeOrder"),
            placing: t("form.placing"),
            backToCart: t("form.backToCart"),
          }}
        />
      </div>
      <OrderSummary
        headingId="checkout-summary"
        lines={page.lines.map((l) => ({
          title: l.product.title,
          quantity: l.quantity,
          totalCents: l.unitPriceCents * l.quantity,
        }))}
        subtotalCents={priced.subtotalCents}
        discounts={priced.discounts}
        totalCents={priced.totalCents}
        tenders={summaryTenders(page.tenders)}
        currency={store.currency}
        locale={locale}
      />
    </section>
  );
}
