import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { OrderSummary } from "@/components/checkout/order-summary";
import { TestPaymentButtons } from "@/components/checkout/test-payment-buttons";
import { ActionForm } from "@/components/ui/action-form";
import { orderPath } from "@/lib/orders/confirmation";
import { loadTestPaymentOrder } from "@/lib/orders/loaders";
import { payRequestPath } from "@/lib/payment-requests/links";
import { completeTestPaymentAction } from "@/lib/payments/actions";
import { testPaymentsEnabled } from "@/lib/payments/test-provider";
import { loadStorefrontPage } from "@/lib/tenancy/loaders";
import { localizedPath } from "@/lib/tenancy/urls";

type Props = { params: Promise<{ locale: string; store: string; orderId: string }>; searchParams: Promise<{ token?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  if (!testPaymentsEnabled()) notFound();
  const { locale } = await loadStorefrontPage(params);
  const t = await getTranslations({ locale, namespace: "Payments.test" });
  return { title: t("metaTitle"), robots: { index: false } };
}

/** The test provider's payment page: clearly not a real payment, for local use without Stripe keys; absent in production. */
export default async function TestPaymentPage({ params, searchParams }: Props) {
  if (!testPaymentsEnabled()) notFound();
  const { store, locale } = await loadStorefrontPage(params);
  const { orderId } = await params;
  const { token } = await searchParams;
  const order = await loadTestPaymentOrder(store, orderId, token);
  if (order.status !== "PENDING_PAYMENT") {
    // A failed payment goes back to where it started: the cart, or the payment request's own page.
    const back = order.paymentRequestId ? payRequestPath(order.paymentRequestId) : "/cart";
    redirect(localizedPath(order.status === "CANCELLED" ? back : orderPath(order.id), locale, store.defaultLocale));
  }
  const t = await getTranslations({ locale, namespace: "Payments.test" });
  return (
    <section aria-labelledby="test-payment-title" className="mx-auto flex max-w-xl flex-col gap-6">
      <p role="note" className="rounded-md border-2 border-amber-400 bg-amber-50 px-4 py-3 font-semibold text-amber-900">
        {t("banner")}
      </p>
      <header>
        <h1 id="test-payment-title" className="text-3xl font-bold tracking-tight">
          {t("title", { number: order.number })}
        </h1>
        <p className="mt-1 text-slate-600">{t("lead")}</p>
      </header>
      <OrderSummary
        headingId="test-payment-summary"
        lines={order.lines}
        subtotalCents={order.subtotalCents}
        discounts={order.discounts}
        totalCents={order.totalCents}
        tenders={order.tenders}
        currency={order.currency}
        locale={locale}
      />
      <ActionForm action={completeTestPaymentAction}>
        <input type="hidden" name="orderId" value={order.id} />
        <input type="hidden" name="token" value={token ?? ""} />
        <TestPaymentButtons pay={t("pay")} fail={t("fail")} pending={t("processing")} />
      </ActionForm>
    </section>
  );
}
