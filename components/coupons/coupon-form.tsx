"use client";

import { useActionState, useState } from "react";
import { fillMessage } from "@/components/cart/messages";
import { SubmitButton } from "@/components/ui/button";
import { FormAlert, fieldError } from "@/components/ui/form-alert";
import { IDLE, type FormState } from "@/lib/actions/form-state";

export type CouponFormLabels = Record<
  | "code"
  | "codeHint"
  | "kind"
  | "fixed"
  | "percent"
  | "amount"
  | "percentValue"
  | "cap"
  | "minimum"
  | "startsAt"
  | "endsAt"
  | "perCustomerLimit"
  | "totalLimit"
  | "combinable"
  | "submit"
  | "pending",
  string
>;

/** Create and edit form for a coupon; the action is bound to the store by the page, the coupon edited is `couponId`. */
export function CouponForm({
  action,
  couponId,
  initial,
  labels,
  currency,
}: {
  action: (state: FormState<unknown>, formData: FormData) => Promise<FormState<undefined>>;
  couponId?: string;
  initial: Record<string, string>;
  labels: CouponFormLabels;
  currency: string;
}) {
  const [state, formAction, pending] = useActionState<FormState<undefined>, FormData>(action, IDLE);
  const values = state.values ?? initial;
  const [kind, setKind] = useState(values.kind === "FIXED" ? "FIXED" : "PERCENT");
  const errorOf = (field: string) => fieldError(state, field);
  const field = (name: string, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => {
    const error = errorOf(name);
    return (
      <div>
        <label htmlFor={`coupon-${name}`} className="block text-sm font-medium text-slate-700">
          {fillMessage(label, { currency })}
        </label>
        <input
          id={`coupon-${name}`}
          name={name}
          defaultValue={values[name] ?? ""}
          aria-invalid={!!error}
          aria-describedby={error ? `coupon-${name}-error` : undefined}
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2"
          {...props}
        />
        {error && (
          <p id={`coupon-${name}-error`} className="mt-1 text-sm text-red-700">
            {error}
          </p>
        )}
      </div>
    );
  };

  return (
    <form action={formAction} className="grid max-w-2xl gap-4 sm:grid-cols-2" noValidate key={JSON.stringify(state.values ?? {})}>
      {couponId && <input type="hidden" name="couponId" value={couponId} />}
      <div className="sm:col-span-2">
        {field("code", labels.code, { required: true, maxLength: 64, autoComplete: "off", className: "mt-1 w-full rounded-md border border-slate-300 px-3 py-2 font-mono uppercase" })}
        <p className="mt-1 text-sm text-slate-500">{labels.codeHint}</p>
      </div>
      <fieldset className="sm:col-span-2">
        <legend className="text-sm font-medium text-slate-700">{labels.kind}</legend>
        <div className="mt-1 flex gap-6">
          {(["PERCENT", "FIXED"] as const).map((k) => (
            <label key={k} className="flex items-center gap-2">
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
              {k === "PERCENT" ? labels.percent : labels.fixed}
            </label>
          ))}
        </div>
      </fieldset>
      {kind === "PERCENT" ? (
        <>
          {field("percent", labels.percentValue, { inputMode: "decimal", required: true })}
          {field("cap", labels.cap, { inputMode: "decimal" })}
        </>
      ) : (
        <div className="sm:col-span-2">{field("amount", labels.amount, { inputMode: "decimal", required: true })}</div>
      )}
      {field("minimum", labels.minimum, { inputMode: "decimal" })}
      <div />
      {field("startsAt", labels.startsAt, { type: "datetime-local" })}
      {field("endsAt", labels.endsAt, { type: "datetime-local" })}
      {field("perCustomerLimit", labels.perCustomerLimit, { inputMode: "numeric" })}
      {field("totalLimit", labels.totalLimit, { inputMode: "numeric" })}
      <label className="flex items-center gap-2 sm:col-span-2">
        <input type="checkbox" name="combinable" defaultChecked={values.combinable === "on" || values.combinable === "true"} />
        {labels.combinable}
      </label>
      <FormAlert state={state} className="sm:col-span-2" />
      <div className="sm:col-span-2">
        <SubmitButton pending={pending} pendingLabel={labels.pending}>
          {labels.submit}
        </SubmitButton>
      </div>
    </form>
  );
}
