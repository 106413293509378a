import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { OrderStatusBadge } from "@/components/orders/order-status-badge";
import { CancelRequestButton, PayLink, TestReminderButton } from "@/components/payment-requests/request-actions";
import { RequestStatusBadge } from "@/components/payment-requests/status-badge";
import { formatterFor } from "@/lib/i18n/format";
import { isLocale, LOCALE_NAMES, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";
import { formatMoney } from "@/lib/money";
import { cancelPaymentRequestAction, sendTestReminderAction } from "@/lib/payment-requests/actions";
import { isOutstanding } from "@/lib/payment-requests/lifecycle";
import { loadRequest } from "@/lib/payment-requests/loaders";
import { localizedPath } from "@/lib/tenancy/urls";
import { dayKeyToUtcDate } from "@/lib/time";

type Props = { params: Promise<{ locale: string; merchantId: string; requestId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { merchantId, requestId } = await params;
  const { request } = await loadRequest(merchantId, requestId);
  const t = await getTranslations("PaymentRequests.merchant.detail");
  return { title: t("title", { reference: request.reference }) };
}

/** One payment request: what it bills, its payer and pay link, its history, and what the merchant may still do with it. */
export default async function PaymentRequestPage({ params }: Props) {
  const { locale: raw, merchantId, requestId } = await params;
  const locale = isLocale(raw) ? raw : PLATFORM_DEFAULT_LOCALE;
  setRequestLocale(locale);
  const { access, request, payUrl, canSendTest } = await loadRequest(merchantId, requestId);
  const t = await getTranslations("PaymentRequests.merchant");
  const format = formatterFor(locale, request.store.timeZone);
  const money = (cents: number) => formatMoney(cents, request.currency, locale);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const day = (d: string) => formatterFor(locale, "UTC").dateTime(dayKeyToUtcDate(d), { dateStyle: "long" });
  const merchantBase = `/account/m/${encodeURIComponent(access.merchantId)}`;
  const listHref = localizedPath(`${merchantBase}/payment-requests`, locale, PLATFORM_DEFAULT_LOCALE);
  const orderHref = (orderId: string) =>
    localizedPath(`${merchantBase}/stores/${encodeURIComponent(request.store.id)}/orders/${encodeURIComponent(orderId)}`, locale, PLATFORM_DEFAULT_LOCALE);
  const orderNumber = new Map(request.orders.map((o) => [o.id, o.number]));
  const outstanding = isOutstanding(request.status);
  const payerLocale = isLocale(request.payer.locale) ? LOCALE_NAMES[request.payer.locale] : request.payer.locale;

  return (
    <section aria-labelledby="request-title" className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <a href={listHref} className="text-sm text-brand-700 underline">
          {t("detail.back")}
        </a>
        <div className="flex flex-wrap items-center gap-3">
          <h1 id="request-title" className="text-2xl font-bold tracking-tight wrap-anywhere">
            {t("detail.title", { reference: request.reference })}
          </h1>
          <RequestStatusBadge status={request.status} locale={locale} />
        </div>
        <p className="text-lg font-semibold tabular-nums" data-testid="request-total">
          {money(request.totalCents)}
        </p>
      </header>

      <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 rounded-lg border border-slate-200 p-4 wrap-anywhere">
        <dt className="font-medium text-slate-700">{t("detail.store")}</dt>
        <dd>{request.store.name}</dd>
        <dt className="font-medium text-slate-700">{t("detail.dueOn")}</dt>
        <dd>{request.dueOn ? day(request.dueOn) : t("detail.noDueDate")}</dd>
        <dt className="font-medium text-slate-700">{t("detail.created")}</dt>
        <dd>{when(request.createdAt)}</dd>
        {request.paidAt && (
          <>
            <dt className="font-medium text-slate-700">{t("detail.paidAt")}</dt>
            <dd>{when(request.paidAt)}</dd>
          </>
        )}
        {request.cancelledAt && (
          <>
            <dt className="font-medium text-slate-700">{t("detail.cancelledAt")}</dt>
            <dd>{when(request.cancelledAt)}</dd>
          </>
        )}
        <dt className="font-medium text-slate-700">{t("detail.reminders")}</dt>
        <dd>{t("detail.reminderCount", { count: request.reminderCount })}</dd>
        {request.sourceOrder && (
          <>
            <dt className="font-medium text-slate-700">{t("detail.fromOrder")}</dt>
            <dd>
              <a href={orderHref(request.sourceOrder.id)} className="text-brand-700 underline">
                {t("detail.order", { number: request.sourceOrder.number })}
              </a>
            </dd>
          </>
        )}
        {request.note && (
          <>
            <dt className="font-medium text-slate-700">{t("detail.note")}</dt>
            <dd className="whitespace-pre-line">{request.note}</dd>
          </>
        )}
      </dl>

      <section aria-labelledby="request-lines-title" className="flex flex-col gap-2">
        <h2 id="request-lines-title" className="text-lg font-semibold">
          {t("detail.linesTitle")}
        </h2>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="request-lines">
            <caption className="sr-only">{t("detail.linesCaption")}</caption>
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-4 font-medium">
                  {t("detail.columns.title")}
                </th>
                <th scope="col" className="py-2 pr-4 text-right font-medium">
                  {t("detail.columns.unitPrice")}
                </th>
                <th scope="col" className="py-2 pr-4 text-right font-medium">
                  {t("detail.columns.quantity")}
                </th>
                <th scope="col" className="py-2 text-right font-medium">
                  {t("detail.columns.total")}
                </th>
              </tr>
            </thead>
            <tbody>
              {request.lines.map((line) => (
                <tr key={line.id} className="border-b border-slate-100">
                  <td className="py-2 pr-4 wrap-anywhere">{line.title}</td>
                  <td className="py-2 pr-4 text-right tabular-nums">{money(line.unitPriceCents)}</td>
                  <td className="py-2 pr-4 text-right tabular-nums">{line.quantity}</td>
                  <td className="py-2 text-right tabular-nums">{money(line.totalCents)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={3} className="py-2 pr-4 text-right font-semibold">
                  {t("detail.columns.total")}
                </th>
                <td className="py-2 text-right font-semibold tabular-nums">{money(request.totalCents)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      </section>

      <section aria-labelledby="request-payer-title" className="flex flex-col gap-3 rounded-lg border border-slate-200 p-4">
        <h2 id="request-payer-title" className="text-lg font-semibold">
          {t("detail.payerTitle")}
        </h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 wrap-anywhere" data-testid="request-payer">
          <dt className="font-medium text-slate-700">{t("detail.payerName")}</dt>
          <dd>{request.payer.name}</dd>
          <dt className="font-medium text-slate-700">{t("detail.payerEmail")}</dt>
          <dd>{request.payer.email ?? t("detail.noEmail")}</dd>
          <dt className="font-medium text-slate-700">{t("detail.payerLocale")}</dt>
          <dd>{payerLocale}</dd>
          <dt className="font-medium text-slate-700">{t("detail.payerReminders")}</dt>
          <dd>
            {request.payer.email === null
              ? t("detail.remindInPerson")
              : request.payer.remindersStoppedAt
                ? t("detail.remindersStopped", { date: when(request.payer.remindersStoppedAt) })
                : request.payer.lastRemindedAt
                  ? t("detail.lastReminded", { date: when(request.payer.lastRemindedAt) })
                  : t("detail.notRemindedYet")}
          </dd>
          <dt className="font-medium text-slate-700">{t("detail.forCustomer")}</dt>
          <dd>{request.customer ? [request.customer.name, request.customer.email].filter(Boolean).join(" · ") : t("detail.noCustomer")}</dd>
        </dl>
        {outstanding && canSendTest && (
          <TestReminderButton
            action={sendTestReminderAction.bind(null, access.merchantId)}
            payerId={request.payer.id}
            labels={{ send: t("detail.test.send"), sending: t("detail.test.sending"), sentTo: t.raw("detail.test.sentTo") as string, hint: t("detail.test.hint") }}
          />
        )}
      </section>

      {outstanding && (
        <section aria-labelledby="request-link-title" className="flex flex-col gap-3">
          <h2 id="request-link-title" className="text-lg font-semibold">
            {t("detail.linkTitle")}
          </h2>
          <PayLink
            url={payUrl}
            labels={{ label: t("detail.link.label"), hint: t("detail.link.hint"), copy: t("detail.link.copy"), copied: t("detail.link.copied"), copyFailed: t("detail.link.copyFailed") }}
          />
        </section>
      )}

      <section aria-labelledby="request-history-title" className="flex flex-col gap-2">
        <h2 id="request-history-title" className="text-lg font-semibold">
          {t("detail.historyTitle")}
        </h2>
        <ol className="flex flex-col gap-2" data-testid="request-history">
          {request.events.map((event) => (
            <li key={event.id} className="flex flex-wrap gap-x-3 border-b border-slate-100 pb-2 text-sm" data-kind={event.kind}>
              <time dateTime={event.createdAt.toISOString()} className="whitespace-nowrap text-slate-600">
                {when(event.createdAt)}
              </time>
              <span className="font-medium">{t(`events.${event.kind}`)}</span>
              {event.actorEmail && <span className="text-slate-600 wrap-anywhere">{t("detail.by", { email: event.actorEmail })}</span>}
              {event.orderId && (
                <a href={orderHref(event.orderId)} className="text-brand-700 underline">
                  {t("detail.order", { number: orderNumber.get(event.orderId) ?? event.orderId })}
                </a>
              )}
            </li>
          ))}
        </ol>
      </section>

      {request.orders.length > 0 && (
        <section aria-labelledby="request-orders-title" className="flex flex-col gap-2">
          <h2 id="request-orders-title" className="text-lg font-semibold">
            {t("detail.ordersTitle")}
          </h2>
          <p className="max-w-2xl text-sm text-slate-600">{t("detail.ordersLead")}</p>
          <ul className="flex flex-col gap-2" data-testid="request-orders">
            {request.orders.map((order) => (
              <li key={order.id} className="flex flex-wrap items-center gap-3 text-sm">
                <a href={orderHref(order.id)} className="text-brand-700 underline">
                  {t("detail.order", { number: order.number })}
                </a>
                <OrderStatusBadge status={order.status} locale={locale} />
                <span className="text-slate-600">{when(order.createdAt)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {outstanding && (
        <section aria-labelledby="request-cancel-title" className="flex flex-col gap-2 rounded-lg border border-red-200 p-4">
          <h2 id="request-cancel-title" className="text-lg font-semibold">
            {t("detail.cancel.title")}
          </h2>
          <p className="max-w-2xl text-sm text-slate-600">{t("detail.cancel.lead")}</p>
          <CancelRequestButton
            action={cancelPaymentRequestAction.bind(null, access.merchantId)}
            requestId={request.id}
            labels={{ cancel: t("detail.cancel.submit"), cancelling: t("detail.cancel.submitting"), confirm: t("detail.cancel.confirm"), done: t("detail.cancel.done") }}
          />
        </section>
      )}
    </section>
  );
}
