"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { buttonClass, SubmitButton } from "@/components/ui/button";
import { fieldError } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { LOCALE_NAMES, LOCALES, isLocale, type Locale } from "@/lib/locales";
import { currencyDigits, formatMoney, minorToDecimal, parseMoney } from "@/lib/money";

export interface RequestFormStore {
  id: string;
  name: string;
  currency: string;
  defaultLocale: string;
  products: Array<{ id: string; title: string; priceCents: number }>;
}

export interface RequestFormLabels {
  store: string;
  /** "Amounts are in {currency}." */
  currencyHint: string;
  payerName: string;
  payerEmail: string;
  payerEmailHint: string;
  payerLocale: string;
  forEmail: string;
  forEmailHint: string;
  reference: string;
  referenceHint: string;
  dueOn: string;
  dueOnHint: string;
  note: string;
  noteHint: string;
  linesTitle: string;
  linesHint: string;
  /** "Line {number}" */
  line: string;
  product: string;
  freeText: string;
  title: string;
  amount: string;
  quantity: string;
  addLine: string;
  /** "Remove line {number}" */
  removeLine: string;
  remove: string;
  maxLines: string;
  /** "Total: {amount}" */
  total: string;
  submit: string;
  submitting: string;
}

interface Row {
  key: number;
  productId: string;
  title: string;
  amount: string;
  quantity: string;
}

type Action = (state: FormState<unknown>, formData: FormData) => Promise<FormState<{ requestId: string }>>;

/**
 * The new payment request: the store (its currency), the payer, who it is for, the reference, the
 * due date, a note, and up to `limits.lines` lines (a product of the store or free text, an amount,
 * a quantity) with the running total. The action checks everything again and opens the request's
 * page; a refusal keeps what was typed, its messages next to the fields (`line.<i>.amount`, ...).
 */
export function RequestForm({
  action,
  stores,
  formKey,
  locale,
  limits,
  labels,
}: {
  action: Action;
  stores: RequestFormStore[];
  /** Made up when the page was rendered: a resubmitted form bills once. */
  formKey: string;
  locale: Locale;
  limits: { lines: number; quantity: number; title: number; name: number; reference: number; note: number };
  labels: RequestFormLabels;
}) {
  const [state, run] = useActionState<FormState<{ requestId: string }>, FormData>(action, IDLE);
  const values = state.status === "error" ? (state.values ?? {}) : {};
  return (
    <form action={run} noValidate className="flex max-w-3xl flex-col gap-6" data-testid="payment-request-form">
      <input type="hidden" name="formKey" value={values.formKey ?? formKey} />
      <RequestFields key={JSON.stringify(values)} state={state} values={values} stores={stores} locale={locale} limits={limits} labels={labels} />
    </form>
  );
}

function rowsOf(values: Record<string, string>, max: number): Row[] {
  let count = 0;
  for (let i = 0; i < max; i++) {
    if (["productId", "title", "amount", "quantity"].some((f) => values[`line.${i}.${f}`] !== undefined)) count = i + 1;
  }
  return Array.from({ length: Math.max(count, 1) }, (_, i) => ({
    key: i,
    productId: values[`line.${i}.productId`] ?? "",
    title: values[`line.${i}.title`] ?? "",
    amount: values[`line.${i}.amount`] ?? "",
    quantity: values[`line.${i}.quantity`] ?? "1",
  }));
}

function RequestFields({
  state,
  values,
  stores,
  locale,
  limits,
  labels,
}: {
  state: FormState<{ requestId: string }>;
  values: Record<string, string>;
  stores: RequestFormStore[];
  locale: Locale;
  limits: { lines: number; quantity: number; title: number; name: number; reference: number; note: number };
  labels: RequestFormLabels;
}) {
  const error = (name: string) => fieldError(state, name);
  const [storeId, setStoreId] = useState(() => (stores.some((s) => s.id === values.storeId) ? values.storeId! : (stores[0]?.id ?? "")));
  const store = stores.find((s) => s.id === storeId) ?? stores[0];
  const currency = store?.currency ?? "EUR";
  const digits = currencyDigits(currency);
  const [payerLocale, setPayerLocale] = useState<string>(() => values.payerLocale ?? (store && isLocale(store.defaultLocale) ? store.defaultLocale : locale));
  const [rows, setRows] = useState<Row[]>(() => rowsOf(values, limits.lines));
  const [nextKey, setNextKey] = useState(() => rows.length);

  const update = (index: number, change: Partial<Row>) => setRows((current) => current.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const chooseProduct = (index: number, productId: string) => {
    const product = store?.products.find((p) => p.id === productId);
    update(index, product ? { productId, title: product.title, amount: minorToDecimal(product.priceCents, digits) } : { productId: "" });
  };
  const chooseStore = (id: string) => {
    setStoreId(id);
    const next = stores.find((s) => s.id === id);
    if (next && isLocale(next.defaultLocale)) setPayerLocale(next.defaultLocale);
    // Products belong to one store: the rows keep their text and amounts, not the old store's products.
    setRows((current) => current.map((row) => ({ ...row, productId: "" })));
  };

  let totalCents = 0;
  let totalKnown = true;
  for (const row of rows) {
    if (row.amount.trim() === "") continue;
    const parsed = parseMoney(row.amount, digits);
    const quantity = row.quantity.trim() === "" ? 1 : Number(row.quantity);
    if (!parsed.ok || !Number.isInteger(quantity) || quantity < 1 || quantity > limits.quantity) totalKnown = false;
    else totalCents += parsed.cents * quantity;
  }

  const storeError = error("storeId");
  const localeError = error("payerLocale");
  const noteError = error("note");
  const hiddenError = error("formKey");

  return (
    <>
      {state.status === "error" && state.error && <Alert tone="error">{state.error.message}</Alert>}

      <div className="grid gap-4 sm:grid-cols-2">
        <div className="flex flex-col gap-1 sm:col-span-2">
          <label htmlFor="request-store" className="text-sm font-medium text-slate-900">
            {labels.store}
          </label>
          <select
            id="request-store"
            name="storeId"
            value={storeId}
            onChange={(e) => chooseStore(e.target.value)}
            aria-invalid={storeError ? true : undefined}
            aria-describedby={`request-store-hint${storeError ? " request-store-error" : ""}`}
            className={`rounded-md border bg-white px-3 py-2 ${storeError ? "border-red-600" : "border-slate-300"}`}
          >
            {stores.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.currency})
              </option>
            ))}
          </select>
          <p id="request-store-hint" className="text-sm text-slate-600" data-testid="request-currency">
            {labels.currencyHint.replace("{currency}", currency)}
          </p>
          {storeError && (
            <p id="request-store-error" className="text-sm text-red-700">
              {storeError}
            </p>
          )}
        </div>

        <TextField id="request-payer-name" name="payerName" label={labels.payerName} autoComplete="off" maxLength={limits.name} required defaultValue={values.payerName ?? ""} error={error("payerName")} />
        <TextField
          id="request-payer-email"
          name="payerEmail"
          type="email"
          autoComplete="off"
          label={labels.payerEmail}
          hint={labels.payerEmailHint}
          defaultValue={values.payerEmail ?? ""}
          error={error("payerEmail")}
        />
        <div className="flex flex-col gap-1">
          <label htmlFor="request-payer-locale" className="text-sm font-medium text-slate-900">
            {labels.payerLocale}
          </label>
          <select
            id="request-payer-locale"
            name="payerLocale"
            value={payerLocale}
            onChange={(e) => setPayerLocale(e.target.value)}
            aria-invalid={localeError ? true : undefined}
            aria-describedby={localeError ? "request-payer-locale-error" : undefined}
            className="rounded-md border border-slate-300 bg-white px-3 py-2"
          >
            {LOCALES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LOCALE_NAMES[l]}
              </option>
            ))}
          </select>
          {localeError && (
            <p id="request-payer-locale-error" className="text-sm text-red-700">
              {localeError}
            </p>
          )}
        </div>
        <TextField id="request-for-email" name="forEmail" type="email" autoComplete="off" label={labels.forEmail} hint={labels.forEmailHint} defaultValue={values.forEmail ?? ""} error={error("forEmail")} />
        <TextField id="request-reference" name="reference" autoComplete="off" maxLength={limits.reference} label={labels.reference} hint={labels.referenceHint} defaultValue={values.reference ?? ""} error={error("reference")} />
        <TextField id="request-due-on" name="dueOn" type="date" label={labels.dueOn} hint={labels.dueOnHint} defaultValue={values.dueOn ?? ""} error={error("dueOn")} />
        <div className="flex flex-col gap-1 sm:col-span-2">
          <label htmlFor="request-note" className="text-sm font-medium text-slate-900">
            {labels.note}
          </label>
          <textarea
            id="request-note"
            name="note"
            rows={3}
            maxLength={limits.note}
            defaultValue={values.note ?? ""}
            aria-invalid={noteError ? true : undefined}
            aria-describedby={`request-note-hint${noteError ? " request-note-error" : ""}`}
            className={`rounded-md border px-3 py-2 text-slate-900 shadow-sm ${noteError ? "border-red-600" : "border-slate-300"}`}
          />
          <p id="request-note-hint" className="text-sm text-slate-600">
            {labels.noteHint}
          </p>
          {noteError && (
            <p id="request-note-error" className="text-sm text-red-700">
              {noteError}
            </p>
          )}
        </div>
      </div>

      <section aria-labelledby="request-lines-title" className="flex flex-col gap-3">
        <h2 id="request-lines-title" className="text-lg font-semibold">
          {labels.linesTitle}
        </h2>
        <p className="text-sm text-slate-600">{labels.linesHint}</p>
        <ol className="flex flex-col gap-3" data-testid="request-lines">
          {rows.map((row, i) => (
            <li key={row.key}>
              <LineFields
                index={i}
                row={row}
                products={store?.products ?? []}
                currency={currency}
                error={error}
                limits={limits}
                labels={labels}
                canRemove={rows.length > 1}
                onChange={(change) => update(i, change)}
                onProduct={(productId) => chooseProduct(i, productId)}
                onRemove={() => setRows((current) => current.filter((_, j) => j !== i))}
              />
            </li>
          ))}
        </ol>
        <div className="flex flex-wrap items-center justify-between gap-3">
          {rows.length < limits.lines ? (
            <button
              type="button"
              className={buttonClass("secondary", "text-sm")}
              data-testid="request-add-line"
              onClick={() => {
                setRows((current) => [...current, { key: nextKey, productId: "", title: "", amount: "", quantity: "1" }]);
                setNextKey((k) => k + 1);
              }}
            >
              {labels.addLine}
            </button>
          ) : (
            <p className="text-sm text-slate-600">{labels.maxLines}</p>
          )}
          <p className="text-lg font-semibold tabular-nums" aria-live="polite" data-testid="request-total">
            {labels.total.replace("{amount}", totalKnown ? formatMoney(totalCents, currency, locale) : "—")}
          </p>
        </div>
      </section>

      {hiddenError && <Alert tone="error">{hiddenError}</Alert>}
      <div>
        <SubmitButton pendingLabel={labels.submitting} data-testid="request-submit">
          {labels.submit}
        </SubmitButton>
      </div>
    </>
  );
}

function LineFields({
  index,
  row,
  products,
  currency,
  error,
  limits,
  labels,
  canRemove,
  onChange,
  onProduct,
  onRemove,
}: {
  index: number;
  row: Row;
  products: RequestFormStore["products"];
  currency: string;
  error: (name: string) => string | undefined;
  limits: { quantity: number; title: number };
  labels: RequestFormLabels;
  canRemove: boolean;
  onChange: (change: Partial<Row>) => void;
  onProduct: (productId: string) => void;
  onRemove: () => void;
}) {
  const name = (field: string) => `line.${index}.${field}`;
  // A row's key is its index in the submission that was refused (rows added since have none):
  // its errors stay with it when a row above is removed.
  const rowError = (field: string) => error(`line.${row.key}.${field}`);
  const id = (field: string) => `request-line-${row.key}-${field}`;
  const number = String(index + 1);
  const productError = rowError("productId");
  return (
    <fieldset className="grid gap-3 rounded-lg border border-slate-200 p-3 sm:grid-cols-[2fr_3fr_1fr_1fr_auto] sm:items-start" data-testid="request-line">
      <legend className="px-1 text-sm font-medium text-slate-700">{labels.line.replace("{number}", number)}</legend>
      <div className="flex flex-col gap-1">
        <label htmlFor={id("product")} className="text-sm font-medium text-slate-900">
          {labels.product}
        </label>
        <select
          id={id("product")}
          name={name("productId")}
          value={row.productId}
          onChange={(e) => onProduct(e.target.value)}
          aria-invalid={productError ? true : undefined}
          aria-describedby={productError ? `${id("product")}-error` : undefined}
          className={`rounded-md border bg-white px-3 py-2 ${productError ? "border-red-600" : "border-slate-300"}`}
        >
          <option value="">{labels.freeText}</option>
          {products.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
        {productError && (
          <p id={`${id("product")}-error`} className="text-sm text-red-700">
            {productError}
          </p>
        )}
      </div>
      <TextField id={id("title")} name={name("title")} label={labels.title} maxLength={limits.title} value={row.title} onChange={(e) => onChange({ title: e.target.value })} error={rowError("title")} />
      <TextField
        id={id("amount")}
        name={name("amount")}
        label={`${labels.amount} (${currency})`}
        inputMode="decimal"
        autoComplete="off"
        maxLength={32}
        value={row.amount}
        onChange={(e) => onChange({ amount: e.target.value })}
        error={rowError("amount")}
      />
      <TextField
        id={id("quantity")}
        name={name("quantity")}
        label={labels.quantity}
        type="number"
        inputMode="numeric"
        min={1}
        max={limits.quantity}
        step={1}
        value={row.quantity}
        onChange={(e) => onChange({ quantity: e.target.value })}
        error={rowError("quantity")}
      />
      <div className="sm:pt-7">
        {canRemove && (
          <button type="button" className={buttonClass("danger", "text-sm")} aria-label={labels.removeLine.replace("{number}", number)} onClick={onRemove}>
            {labels.remove}
          </button>
        )}
      </div>
    </fieldset>
  );
}
