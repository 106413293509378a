"use client";

import { useActionState, useState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { ActionOutcome, fieldError } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { IDLE, type FormState } from "@/lib/actions/form-state";

type Mode = "lines" | "amount" | "all";

export interface RefundFormLine {
  id: string;
  title: string;
  quantity: number;
  refundedQuantity: number;
}

export interface RefundFormLabels {
  title: string;
  refundable: string;
  modeLegend: string;
  modeLines: string;
  modeAmount: string;
  modeAll: string;
  item: string;
  ordered: string;
  alreadyRefunded: string;
  units: string;
  /** Per line: "Units of {title} to refund (0 to {max})", filled in by the page. */
  unitsOf: Record<string, string>;
  linesHint: string;
  amount: string;
  amountHint: string;
  destinationLegend: string;
  toCard: string;
  toCredit: string;
  destinationHint: string;
  restock: string;
  restockHint: string;
  reason: string;
  reasonHint: string;
  submit: string;
  submitting: string;
  confirm: string;
  done: string;
}

/** A fresh key for the next refund once one went through (the page's key belongs to the refund made). */
function newKey(): string {
  return crypto.randomUUID();
}

/**
 * The merchant's refund form: some units of some lines, an amount, or everything left; to the
 * card or to store credit; restock for items; an optional reason. The hidden key makes a double
 * submission refund once. The action (bound to the merchant and the store) checks everything
 * again; this form only lays the choices out.
 */
export function RefundForm({
  action,
  orderId,
  idempotencyKey,
  lines,
  reasonMax,
  labels,
}: {
  action: (state: FormState<unknown>, form: FormData) => Promise<FormState<undefined>>;
  orderId: string;
  /** Generated when the page was rendered. */
  idempotencyKey: string;
  lines: RefundFormLine[];
  reasonMax: number;
  labels: RefundFormLabels;
}) {
  const [key, setKey] = useState(idempotencyKey);
  const [state, formAction, pending] = useActionState<FormState<undefined>, FormData>(async (previous, form) => {
    const result = await action(previous, form);
    if (result.status === "ok") setKey(newKey());
    return result;
  }, IDLE);
  const echoed = (field: string) => (state.status === "error" ? state.values?.[field] : undefined);
  const [mode, setMode] = useState<Mode>(() => {
    const typed = echoed("mode");
    return typed === "amount" || typed === "all" ? typed : "lines";
  });
  const destination = echoed("destination") === "credit" ? "credit" : "card";
  const linesError = fieldError(state, "lines");
  return (
    <section aria-labelledby="refund-title" className="flex flex-col gap-4 rounded-lg border border-slate-200 p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="refund-title" className="text-lg font-semibold">
          {labels.title}
        </h2>
        <p className="text-sm text-slate-700" data-testid="refund-refundable">
          {labels.refundable}
        </p>
      </div>
      <form
        action={formAction}
        data-testid="refund-form"
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          if (!window.confirm(labels.confirm)) event.preventDefault();
        }}
      >
        <input type="hidden" name="orderId" value={orderId} />
        <input type="hidden" name="idempotencyKey" value={key} />
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-medium text-slate-900">{labels.modeLegend}</legend>
          {(
            [
              ["lines", labels.modeLines, "refund-mode-lines"],
              ["amount", labels.modeAmount, "refund-mode-amount"],
              ["all", labels.modeAll, "refund-mode-all"],
            ] as const
          ).map(([value, label, testId]) => (
            <label key={value} className="flex items-center gap-2 text-sm">
              {/* Uncontrolled, its default following the choice: React resets the form after each
                  submission, and a reset must land on the shown choice, not on the first render's. */}
              <input type="radio" name="mode" value={value} defaultChecked={mode === value} onChange={() => setMode(value)} data-testid={testId} />
              {label}
            </label>
          ))}
        </fieldset>

        <fieldset disabled={mode !== "lines"} className={`flex flex-col gap-2 ${mode === "lines" ? "" : "hidden"}`} aria-describedby="refund-lines-hint">
          <legend className="sr-only">{labels.modeLines}</legend>
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-slate-200">
                <th scope="col" className="py-2 pr-3 font-medium">
                  {labels.item}
                </th>
                <th scope="col" className="py-2 pr-3 text-right font-medium">
                  {labels.ordered}
                </th>
                <th scope="col" className="py-2 pr-3 text-right font-medium">
                  {labels.alreadyRefunded}
                </th>
                <th scope="col" className="py-2 text-right font-medium">
                  {labels.units}
                </th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line) => {
                const left = line.quantity - line.refundedQuantity;
                const name = `qty.${line.id}`;
                const error = fieldError(state, name);
                return (
                  <tr key={line.id} className="border-b border-slate-100 align-top">
                    <td className="py-2 pr-3 wrap-anywhere">{line.title}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{line.quantity}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{line.refundedQuantity}</td>
                    <td className="py-2 text-right">
                      <label htmlFor={`refund-qty-${line.id}`} className="sr-only">
                        {labels.unitsOf[line.id]}
                      </label>
                      <input
                        id={`refund-qty-${line.id}`}
                        name={name}
                        type="number"
                        inputMode="numeric"
                        min={0}
                        max={left}
                        step={1}
                        defaultValue={echoed(name) ?? "0"}
                        disabled={left === 0}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? `refund-qty-${line.id}-error` : undefined}
                        data-testid="refund-line-qty"
                        data-line-title={line.title}
                        className={`w-20 rounded-md border px-2 py-1 text-right tabular-nums ${error ? "border-red-600" : "border-slate-300"}`}
                      />
                      {error && (
                        <p id={`refund-qty-${line.id}-error`} className="text-sm text-red-700">
                          {error}
                        </p>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p id="refund-lines-hint" className="text-sm text-slate-600">
            {labels.linesHint}
          </p>
          {linesError && (
            <p role="alert" className="text-sm text-red-700">
              {linesError}
            </p>
          )}
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" name="restock" defaultChecked={echoed("restock") === "on"} data-testid="refund-restock" className="mt-1" aria-describedby="refund-restock-hint" />
            <span>
              {labels.restock}
              <span id="refund-restock-hint" className="block text-slate-600">
                {labels.restockHint}
              </span>
            </span>
          </label>
        </fieldset>

        <fieldset disabled={mode !== "amount"} className={mode === "amount" ? "" : "hidden"}>
          <legend className="sr-only">{labels.modeAmount}</legend>
          <TextField
            id="refund-amount"
            name="amount"
            label={labels.amount}
            hint={labels.amountHint}
            inputMode="decimal"
            autoComplete="off"
            maxLength={32}
            defaultValue={echoed("amount") ?? ""}
            error={fieldError(state, "amount")}
            data-testid="refund-amount"
          />
        </fieldset>

        <fieldset className="flex flex-col gap-2" aria-describedby="refund-destination-hint">
          <legend className="mb-1 text-sm font-medium text-slate-900">{labels.destinationLegend}</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="destination" value="card" defaultChecked={destination === "card"} data-testid="refund-to-card" />
            {labels.toCard}
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="destination" value="credit" defaultChecked={destination === "credit"} data-testid="refund-to-credit" />
            {labels.toCredit}
          </label>
          <p id="refund-destination-hint" className="text-sm text-slate-600">
            {labels.destinationHint}
          </p>
        </fieldset>

        <div className="flex flex-col gap-1">
          <label htmlFor="refund-reason" className="text-sm font-medium text-slate-900">
            {labels.reason}
          </label>
          <textarea
            id="refund-reason"
            name="reason"
            rows={2}
            maxLength={reasonMax}
            defaultValue={echoed("reason") ?? ""}
            aria-describedby={fieldError(state, "reason") ? "refund-reason-hint refund-reason-error" : "refund-reason-hint"}
            aria-invalid={fieldError(state, "reason") ? true : undefined}
            className="rounded-md border border-slate-300 px-3 py-2 text-slate-900 shadow-sm"
          />
          <p id="refund-reason-hint" className="text-sm text-slate-600">
            {labels.reasonHint}
          </p>
          {fieldError(state, "reason") && (
            <p id="refund-reason-error" className="text-sm text-red-700">
              {fieldError(state, "reason")}
            </p>
          )}
        </div>

        <SubmitButton pending={pending} pendingLabel={labels.submitting} className="self-start" data-testid="refund-submit">
          {labels.submit}
        </SubmitButton>
        <div aria-live="polite">
          <ActionOutcome state={state} success={labels.done} testId="refund-outcome" field={formFieldError(state)} />
        </div>
      </form>
    </section>
  );
}

/** A field refusal shown under no field of its own (a tampered hidden field): named so the outcome shows it. */
function formFieldError(state: FormState<unknown>): string | undefined {
  if (state.status !== "error" || !state.fieldErrors) return undefined;
  return ["orderId", "idempotencyKey", "mode", "destination"].find((field) => state.fieldErrors?.[field]);
}
