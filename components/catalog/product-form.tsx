"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/button";
import { fieldError } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { LOCALE_NAMES, type Locale } from "@/lib/locales";
import { IMAGE_TYPES } from "@/lib/storage/keys";
import type { ProductFormText } from "./product-form-text";

export interface ProductFormProps {
  /** The action, bound to the merchant and the store. */
  action: (state: FormState<unknown>, formData: FormData) => Promise<FormState<undefined>>;
  mode: "create" | "edit";
  /** The product edited (none: a new one). */
  productId?: string;
  store: { currency: string; defaultLocale: Locale; locales: Locale[] };
  /** Field values to start from (edit: the product's; create: defaults). */
  initial: Record<string, string>;
  images?: Array<{ id: string; url: string; alt: string }>;
  text: ProductFormText;
  hasDigitalFile?: boolean;
  cancelHref: string;
}

const inputClass = "rounded-md border px-3 py-2 text-slate-900 shadow-sm";

/**
 * A gift card's amounts: fixed amounts the buyer picks from, or a minimum and a maximum between
 * which the buyer types any amount. The smallest amount becomes the product's listed price.
 */
function GiftCardAmountsFields({ values, text, error }: { values: Record<string, string>; text: ProductFormText; error: (field: string) => string | undefined }) {
  const [mode, setMode] = useState(values.giftCardMode === "range" ? "range" : "fixed");
  return (
    <fieldset className="flex flex-col gap-3 rounded-md border border-slate-200 p-4" data-testid="gift-card-amounts">
      <legend className="px-1 font-medium">{text.giftCard.legend}</legend>
      <div className="flex flex-col gap-2 sm:flex-row sm:gap-6">
        {(["fixed", "range"] as const).map((m) => (
          <label key={m} className="flex items-center gap-2 text-sm">
            <input type="radio" name="giftCardMode" value={m} checked={mode === m} onChange={() => setMode(m)} />
            {m === "fixed" ? text.giftCard.modeFixed : text.giftCard.modeRange}
          </label>
        ))}
      </div>
      {mode === "fixed" ? (
        <TextField
          id="giftCardAmounts"
          name="giftCardAmounts"
          label={text.giftCard.amounts}
          hint={text.giftCard.amountsHint}
          defaultValue={values.giftCardAmounts ?? ""}
          required
          inputMode="decimal"
          error={error("giftCardAmounts")}
        />
      ) : (
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField id="giftCardMin" name="giftCardMin" label={text.giftCard.min} hint={text.giftCard.minHint} defaultValue={values.giftCardMin ?? ""} required inputMode="decimal" error={error("giftCardMin")} />
          <TextField id="giftCardMax" name="giftCardMax" label={text.giftCard.max} hint={text.giftCard.maxHint} defaultValue={values.giftCardMax ?? ""} required inputMode="decimal" error={error("giftCardMax")} />
        </div>
      )}
    </fieldset>
  );
}

/** Creates or edits a product: field-level translated errors, typed values kept after an error, pending state. */
export function ProductForm({ action, mode, productId, store, initial, images = [], hasDigitalFile = false, cancelHref, text }: ProductFormProps) {
  const [state, formAction] = useActionState<FormState<undefined>, FormData>(action, IDLE);
  const values = { ...initial, ...state.values };
  const [kind, setKind] = useState(values.kind ?? "PHYSICAL");
  const error = (field: string) => fieldError(state, field);
  const locales = [store.defaultLocale, ...store.locales.filter((l) => l !== store.defaultLocale)];
  const hasErrors = state.status === "error";
  return (
    <form action={formAction} key={JSON.stringify(state.values ?? {})} className="flex max-w-2xl flex-col gap-6" noValidate>
      {productId && <input type="hidden" name="productId" value={productId} />}
      <div aria-live="assertive" className="empty:hidden">
        {hasErrors && <Alert tone="error">{state.error?.message ?? text.invalid}</Alert>}
      </div>

      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold">{text.form.texts}</legend>
        {locales.map((l) => (
          <fieldset key={l} className="flex flex-col gap-3 rounded-md border border-slate-200 p-4">
            <legend className="px-1 font-medium">
              <span lang={l}>{LOCALE_NAMES[l]}</span>{" "}
              <span className="text-sm font-normal text-slate-600">{l === store.defaultLocale ? text.form.defaultLanguage : text.form.optionalLanguage}</span>
            </legend>
            <TextField
              id={`title-${l}`}
              name={`title.${l}`}
              label={text.form.title}
              defaultValue={values[`title.${l}`] ?? ""}
              required={l === store.defaultLocale}
              maxLength={200}
              lang={l}
              error={error(`title.${l}`)}
            />
            <div className="flex flex-col gap-1">
              <label htmlFor={`description-${l}`} className="text-sm font-medium text-slate-900">
                {text.form.description}
              </label>
              <textarea
                id={`description-${l}`}
                name={`description.${l}`}
                defaultValue={values[`description.${l}`] ?? ""}
                rows={4}
                maxLength={5000}
                lang={l}
                aria-invalid={error(`description.${l}`) ? true : undefined}
                aria-describedby={error(`description.${l}`) ? `description-${l}-error` : undefined}
                className={`${inputClass} ${error(`description.${l}`) ? "border-red-600" : "border-slate-300"}`}
              />
              {error(`description.${l}`) && (
                <p id={`description-${l}-error`} className="text-sm text-red-700">
                  {error(`description.${l}`)}
                </p>
              )}
            </div>
          </fieldset>
        ))}
      </fieldset>

      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold">{text.form.details}</legend>
        <TextField
          id="slug"
          name="slug"
          label={text.form.slug}
          hint={text.form.slugHint}
          defaultValue={values.slug ?? ""}
          required
          autoCapitalize="none"
          spellCheck={false}
          error={error("slug")}
        />
        <TextField id="stock" name="stock" label={text.form.stock} hint={text.form.stockHint} defaultValue={values.stock ?? ""} inputMode="numeric" error={error("stock")} />
        <div className="flex flex-col gap-1">
          <label htmlFor="kind" className="text-sm font-medium text-slate-900">
            {text.form.kind}
          </label>
          <select id="kind" name="kind" value={kind} onChange={(e) => setKind(e.target.value)} className={`${inputClass} border-slate-300`}>
            <option value="PHYSICAL">{text.kind.PHYSICAL}</option>
            <option value="DIGITAL">{text.kind.DIGITAL}</option>
            <option value="GIFT_CARD">{text.kind.GIFT_CARD}</option>
          </select>
        </div>
        {kind === "GIFT_CARD" ? (
          <GiftCardAmountsFields values={values} text={text} error={error} />
        ) : (
          <TextField
            id="price"
            name="price"
            label={text.form.price}
            hint={text.form.priceHint}
            defaultValue={values.price ?? ""}
            required
            inputMode="decimal"
            error={error("price")}
          />
        )}
        {kind === "DIGITAL" && (
          <div className="flex flex-col gap-1">
            <label htmlFor="digitalFile" className="text-sm font-medium text-slate-900">
              {text.form.digitalFile}
            </label>
            <input
              id="digitalFile"
              name="digitalFile"
              type="file"
              className="w-full"
              aria-describedby={`digitalFile-hint${error("digitalFile") ? " digitalFile-error" : ""}`}
              aria-invalid={error("digitalFile") ? true : undefined}
            />
            <p id="digitalFile-hint" className="text-sm text-slate-600">
              {hasDigitalFile ? text.form.digitalFileReplace : text.form.digitalFileHint}
            </p>
            {error("digitalFile") && (
              <p id="digitalFile-error" className="text-sm text-red-700">
                {error("digitalFile")}
              </p>
            )}
          </div>
        )}
        <div className="flex flex-col gap-1">
          <label htmlFor="visibility" className="text-sm font-medium text-slate-900">
            {text.form.visibility}
          </label>
          <select id="visibility" name="visibility" defaultValue={values.visibility ?? "DRAFT"} aria-describedby="visibility-hint" className={`${inputClass} border-slate-300`}>
            <option value="DRAFT">{text.visibility.DRAFT}</option>
            <option value="HIDDEN">{text.visibility.HIDDEN}</option>
            <option value="PUBLIC">{text.visibility.PUBLIC}</option>
          </select>
          <p id="visibility-hint" className="text-sm text-slate-600">
            {text.form.visibilityHint}
          </p>
        </div>
      </fieldset>

      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 text-lg font-semibold">{text.form.images}</legend>
        {images.length > 0 && (
          <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            {images.map((image) => (
              <li key={image.id} className="flex flex-col gap-1">
                {/* eslint-disable-next-line @next/next/no-img-element -- served by our own file route */}
                <img src={image.url} alt={image.alt} className="aspect-square w-full rounded border border-slate-200 object-cover" />
                <label className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="removeImageIds" value={image.id} />
                  {text.form.removeImage}
                </label>
              </li>
            ))}
          </ul>
        )}
        <label htmlFor="images" className="text-sm font-medium text-slate-900">
          {text.form.addImages}
        </label>
        <input
          id="images"
          name="images"
          type="file"
          className="w-full"
          multiple
          accept={Object.keys(IMAGE_TYPES).join(",")}
          aria-describedby={`images-hint${error("images") ? " images-error" : ""}`}
          aria-invalid={error("images") ? true : undefined}
        />
        <p id="images-hint" className="text-sm text-slate-600">
          {text.form.imagesHint}
        </p>
        {error("images") && (
          <p id="images-error" className="text-sm text-red-700">
            {error("images")}
          </p>
        )}
      </fieldset>

      <div className="flex flex-wrap items-center gap-4">
        <div className="w-48">
          <SubmitButton pendingLabel={text.form.saving} className="w-full">
            {mode === "create" ? text.form.create : text.form.save}
          </SubmitButton>
        </div>
        <a href={cancelHref} className="text-sm font-medium text-slate-700 underline">
          {text.form.cancel}
        </a>
      </div>
    </form>
  );
}
