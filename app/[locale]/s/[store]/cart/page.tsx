import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { CartLines } from "@/components/cart/cart-lines";
import { ChosenTender } from "@/components/cart/chosen-tender";
import { CouponCodeForm } from "@/components/cart/coupon-code-form";
import { summaryTenders, tenderTexts } from "@/components/checkout/order-summary";
import { GiftCardCodeForm } from "@/components/cart/gift-card-code-form";
import { UsePointsForm } from "@/components/cart/points-form";
import { StoreCreditForm } from "@/components/cart/store-credit-form";
import { RemoveCodeButton } from "@/components/cart/remove-code-button";
import { couponTexts } from "@/components/coupons/describe";
import { giftCardLineTexts } from "@/components/gift-cards/cart-line-text";
import { Alert } from "@/components/ui/alert";
import { loadCartPage } from "@/lib/cart/loaders";
import { isCartReviewReason } from "@/lib/checkout/types";
import { currencyDigits, formatMoney, minorToDecimal } from "@/lib/money";
import { loadStorefrontPage } from "@/lib/tenancy/loaders";
import { localizedPath } from "@/lib/tenancy/urls";

type Props = { params: Promise<{ locale: string; store: string }>; searchParams: Promise<{ review?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Cart" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

export default async function CartPage({ params, searchParams }: Props) {
  const { store, locale } = await loadStorefrontPage(params);
  const { review } = await searchParams;
  setRequestLocale(locale);
  const [t, tg, tp, tc, tl, texts, cart, giftCardTexts, tenderText] = await Promise.all([
    getTranslations("Cart"),
    getTranslations("GiftCards.redeem"),
    getTranslations("Cart.points"),
    getTranslations("Cart.credit"),
    getTranslations("Loyalty"),
    couponTexts(locale, store.currency),
    loadCartPage(store, locale),
    giftCardLineTexts(locale, store.currency),
    tenderTexts(locale),
  ]);
  const href = (path: string) => localizedPath(path, locale, store.defaultLocale);
  const money = (cents: number) => formatMoney(cents, store.currency, locale);
  const { priced, tenders, wallet } = cart;
  const unit = wallet?.points?.unit ?? "POINTS";
  const pointsText = (count: number) => tl("amount", { count, unit });
  const giftCards = tenders.giftCards;
  const discountOf = new Map(priced.discounts.map((d) => [d.couponId, d.amountCents]));

  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {cart.paymentFailed && (
        <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-amber-900" data-testid="cart-payment-failed">
          {t("paymentFailed", { number: cart.paymentFailed.orderNumber })}
        </p>
      )}
      {isCartReviewReason(review) && cart.lines.length > 0 && (
        <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-amber-900" data-testid="cart-review">
          {t(`review.${review}`)}
        </p>
      )}

      {cart.lines.length === 0 ? (
        <section className="rounded-lg border border-dashed border-slate-300 p-8 text-center" data-testid="cart-empty">
          <p className="text-slate-600">{t("empty")}</p>
          <a href={href("/")} className="mt-4 inline-block font-medium text-brand-700 underline-offset-2 hover:underline">
            {t("continueShopping")}
          </a>
        </section>
      ) : (
        <CartLines
          currency={store.currency}
          locale={locale}
          lines={cart.lines.map((l) => ({
            lineId: l.lineId,
            productId: l.productId,
            title: l.product.title,
            ...(l.giftCard && giftCardTexts.line(l.product.title, l.giftCard)),
            notice: l.amountNotOffered ? giftCardTexts.amountNotOffered : undefined,
            href: href(`/p/${l.product.slug}`),
            unitPriceCents: l.unitPriceCents,
            quantity: l.quantity,
            maxQuantity: l.maxQuantity,
            available: l.available,
            noLongerSold: l.noLongerSold,
          }))}
          labels={{
            quantityOf: t.raw("quantityOf") as string,
            increase: t.raw("increase") as string,
            decrease: t.raw("decrease") as string,
            removeItem: t.raw("removeItem") as string,
            remove: t("remove"),
            unitPrice: t.raw("unitPrice") as string,
            unavailable: t("unavailable"),
            noLongerSold: t("noLongerSold"),
            saving: t("saving"),
            invalidQuantity: t("errors.invalidQuantity"),
          }}
        />
      )}

      <section aria-labelledby="cart-codes" className="space-y-4">
        <h2 id="cart-codes" className="text-lg font-semibold">
          {t("codes")}
        </h2>
        {cart.hasGiftCards && (
          <Alert tone="info" role="note" data-testid="cart-gift-card-coupon-note">
            {giftCardTexts.couponNote}
          </Alert>
        )}
        {priced.coupons.length > 0 && (
          <ul className="space-y-2" data-testid="cart-coupons">
            {priced.coupons.map((coupon) => (
              <li
                key={coupon.couponId}
                className="flex items-start justify-between gap-3 rounded-md border border-slate-200 p-3"
                data-testid="cart-coupon"
                data-code={coupon.code}
                data-qualified={coupon.qualified}
              >
                <div>
                  <p className="font-mono font-semibold">{coupon.code}</p>
                  <p className={coupon.qualified ? "text-sm text-emerald-700" : "text-sm text-amber-800"} data-testid="cart-coupon-status">
                    {coupon.qualified ? t("qualified") : texts.reason(coupon.reason, coupon.params)}
                  </p>
                  <a href={href(`/c/${encodeURIComponent(coupon.code)}`)} className="text-sm text-slate-600 underline underline-offset-2">
                    {t("terms")}
                  </a>
                </div>
                <div className="flex items-center gap-2">
                  {coupon.qualified && (discountOf.get(coupon.couponId) ?? 0) > 0 && (
                    <span className="tabular-nums text-emerald-700">−{money(discountOf.get(coupon.couponId) ?? 0)}</span>
                  )}
                  <RemoveCodeButton kind="coupon" id={coupon.couponId} label={t("removeCoupon", { code: coupon.code })} />
                </div>
              </li>
            ))}
          </ul>
        )}
        <CouponCodeForm
          labels={{
            codeLabel: t("codeLabel"),
            apply: t("apply"),
            applying: t("applying"),
            applied: t.raw("applied") as string,
            notApplied: t.raw("notApplied") as string,
          }}
          reasons={Object.fromEntries(priced.coupons.flatMap((c) => (c.qualified ? [] : [[c.code, texts.reason(c.reason, c.params)]])))}
        />
      </section>

      <section aria-labelledby="cart-gift-cards" className="space-y-4">
        <h2 id="cart-gift-cards" className="text-lg font-semibold">
          {tg("title")}
        </h2>
        {(giftCards.applied.length > 0 || giftCards.refused.length > 0) && (
          <ul className="space-y-2" data-testid="cart-gift-cards">
            {giftCards.applied.map((card) => (
              <li key={card.id} className="flex items-start justify-between gap-3 rounded-md border border-slate-200 p-3" data-testid="cart-gift-card" data-last4={card.last4}>
                <div>
                  <p className="font-mono font-semibold">{tg("card", { last4: card.last4 })}</p>
                  <p className="text-sm text-slate-600">{tg("balanceAfter", { amount: money(card.balanceCents - card.amountCents) })}</p>
                </div>
                <div className="flex items-center gap-2">
                  {card.amountCents > 0 && <span className="tabular-nums text-emerald-700">−{money(card.amountCents)}</span>}
                  <RemoveCodeButton kind="giftCard" id={card.id} label={tg("remove", { last4: card.last4 })} />
                </div>
              </li>
            ))}
            {giftCards.refused.map((card) => (
              <li key={card.id} className="flex items-start justify-between gap-3 rounded-md border border-amber-200 bg-amber-50 p-3" data-testid="cart-gift-card" data-last4={card.last4} data-refused={card.reason}>
                <div>
                  <p className="font-mono font-semibold">{tg("card", { last4: card.last4 })}</p>
                  <p className="text-sm text-amber-800">{tg("cannotPay", { reason: tg(`refusals.${card.reason}`) })}</p>
                </div>
                <RemoveCodeButton kind="giftCard" id={card.id} label={tg("remove", { last4: card.last4 })} />
              </li>
            ))}
          </ul>
        )}
        {cart.hasGiftCards && <p className="text-sm text-slate-600" data-testid="cart-gift-card-note">{tg("notForGiftCards")}</p>}
        <GiftCardCodeForm
          labels={{ codeLabel: tg("codeLabel"), apply: tg("apply"), applying: tg("applying"), applied: tg.raw("applied") as string }}
        />
      </section>

      {!cart.signedIn && cart.lines.length > 0 && (
        <p className="text-sm text-slate-600" data-testid="cart-tenders-sign-in">
          {t("signInForTenders")}{" "}
          <a href={`${href("/sign-in")}?${new URLSearchParams({ callbackUrl: href("/cart") })}`} className="font-medium text-brand-700 underline underline-offset-2">
            {t("signIn")}
          </a>
        </p>
      )}

      {cart.lines.length > 0 && (wallet?.points || tenders.points) && (
        <section aria-labelledby="cart-points-title" className="space-y-4" data-testid="cart-points">
          <h2 id="cart-points-title" className="text-lg font-semibold">
            {tp("title")}
          </h2>
          {wallet?.points && <p className="text-slate-700" data-testid="cart-points-balance">{tp("balance", { amount: pointsText(wallet.points.balance) })}</p>}
          {tenders.points && (
            <ChosenTender
              testId="cart-points-chosen"
              refused={tenders.points.ok ? undefined : tenders.points.reason}
              remove={<RemoveCodeButton kind="points" label={tp("remove")} />}
            >
              {tenders.points.ok
                ? tp("chosen", { points: pointsText(tenders.points.points), amount: money(tenders.points.amountCents) })
                : tp("chosenRefused", { reason: tp(`refusals.${tenders.points.reason}`) })}
            </ChosenTender>
          )}
          {wallet?.points &&
            (wallet.points.offers.length === 0 ? (
              <p className="text-sm text-slate-600">{tp("noRewards")}</p>
            ) : (
              <ul className="space-y-3">
                {wallet.points.offers.map((offer) => (
                  <li key={offer.id} className="space-y-1" data-testid="cart-points-offer" data-reward-id={offer.id}>
                    <p className="font-medium">{offer.name}</p>
                    {offer.maxQuantity > 0 ? (
                      <UsePointsForm
                        rewardId={offer.id}
                        labels={{
                          use: Array.from({ length: offer.maxQuantity }, (_, i) => tp("use", { points: pointsText(offer.cost * (i + 1)), amount: money(offer.valueCents * (i + 1)) })),
                          quantity: tp("quantity", { reward: offer.name }),
                          pending: tp("using"),
                        }}
                      />
                    ) : (
                      <p className="text-sm text-slate-600">
                        {offer.refusal?.reason === "notEnoughPoints"
                          ? tp("missing", { reward: tp("use", { points: pointsText(offer.cost), amount: money(offer.valueCents) }), missing: pointsText(offer.refusal.missing) })
                          : tp("tooMuch", { reward: tp("use", { points: pointsText(offer.cost), amount: money(offer.valueCents) }) })}
                      </p>
                    )}
                  </li>
                ))}
              </ul>
            ))}
        </section>
      )}

      {cart.lines.length > 0 && (wallet?.credit || tenders.storeCredit) && (
        <section aria-labelledby="cart-credit-title" className="space-y-4" data-testid="cart-credit">
          <h2 id="cart-credit-title" className="text-lg font-semibold">
            {tc("title")}
          </h2>
          {wallet?.credit && <p className="text-slate-700" data-testid="cart-credit-available">{tc("available", { amount: money(wallet.credit.availableCents) })}</p>}
          {tenders.storeCredit && (
            <ChosenTender
              testId="cart-credit-chosen"
              refused={tenders.storeCredit.ok ? undefined : tenders.storeCredit.reason}
              remove={<RemoveCodeButton kind="storeCredit" label={tc("remove")} />}
            >
              {tenders.storeCredit.ok
                ? tc("chosen", { amount: money(tenders.storeCredit.amountCents) })
                : tc("chosenRefused", { reason: tc(`refusals.${tenders.storeCredit.reason}`) })}
            </ChosenTender>
          )}
          {wallet?.credit && (
            <StoreCreditForm
              suggested={minorToDecimal(wallet.credit.suggestedCents, currencyDigits(store.currency))}
              labels={{ amount: tc("amountLabel"), apply: tc("apply"), applying: tc("applying") }}
            />
          )}
        </section>
      )}

      {cart.lines.length > 0 && (
        <section aria-label={t("total")} className="space-y-2 border-t border-slate-200 pt-4">
          <dl className="space-y-1">
            <div className="flex justify-between text-slate-700">
              <dt>{t("subtotal")}</dt>
              <dd className="tabular-nums">{money(priced.subtotalCents)}</dd>
            </div>
            {priced.discounts
              .filter((d) => d.amountCents > 0)
              .map((d) => (
                <div key={d.couponId} className="flex justify-between text-emerald-700">
                  <dt>{t("discount", { code: d.code })}</dt>
                  <dd className="tabular-nums">−{money(d.amountCents)}</dd>
                </div>
              ))}
            <div className="flex justify-between text-lg font-semibold">
              <dt>{t("total")}</dt>
              <dd className="tabular-nums" data-testid="cart-total">
                {money(priced.totalCents)}
              </dd>
            </div>
            {tenders.tendered.tenderedCents > 0 && (
              <>
                {summaryTenders(tenders).map((tender) => (
                  <div key={`${tender.kind}:${tender.label}`} className="flex justify-between text-emerald-700" data-testid="cart-tender" data-kind={tender.kind}>
                    <dt>{tenderText(tender)}</dt>
                    <dd className="tabular-nums">−{money(tender.amountCents)}</dd>
                  </div>
                ))}
                <div className="flex justify-between text-lg font-semibold">
                  <dt>{tg("amountDue")}</dt>
                  <dd className="tabular-nums" data-testid="cart-amount-due">
                    {money(tenders.tendered.amountDueCents)}
                  </dd>
                </div>
              </>
            )}
          </dl>
          <div className="flex justify-end pt-2">
            <a href={href("/checkout")} className="rounded-md bg-brand-600 px-6 py-3 font-medium text-white hover:bg-brand-700" data-testid="cart-checkout">
              {t("checkout")}
            </a>
          </div>
        </section>
      )}
    </div>
  );
}
