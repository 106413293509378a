"use client";

import { useActionState, useState } from "react";
import { buttonClass, SubmitButton } from "@/components/ui/button";
import { fieldError } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { IDLE, type FormState } from "@/lib/actions/form-state";

/** What the issuing action returns once: the grouped code and what the card holds (see IssuedCardView). */
export interface IssuedCard {
  cardId: string;
  code: string;
  last4: string;
  amountCents: number;
  currency: string;
  expiresAt: string | null;
  /** What was issued, in the viewer's words (amount and expiry). */
  summary: string;
}

export interface IssueFormLabels {
  store: string;
  amount: string;
  amountHint: string;
  expiry: string;
  expiryDefault: string;
  expiryNever: string;
  expiryDate: string;
  expiresOn: string;
  customerEmail: string;
  customerHint: string;
  recipientName: string;
  recipientEmail: string;
  note: string;
  noteHint: string;
  submit: string;
  pending: string;
  code: string;
  warning: string;
  copy: string;
  copied: string;
  open: string;
  another: string;
}

/**
 * Issues a card by hand; on success shows its code once (grouped, with a copy button) and the
 * summary the server wrote.
 */
export function IssueCardForm({
  action,
  stores,
  labels,
  cardBase,
}: {
  action: (state: FormState<unknown>, formData: FormData) => Promise<FormState<IssuedCard>>;
  stores: Array<{ id: string; label: string }>;
  labels: IssueFormLabels;
  /** The path of the card pages; a card's is `${cardBase}/${cardId}`. */
  cardBase: string;
}) {
  const [state, run] = useActionState<FormState<IssuedCard>, FormData>(action, IDLE);
  const [copied, setCopied] = useState(false);
  if (state.status === "ok" && state.data) {
    const card = state.data;
    return (
      <section aria-live="polite" className="flex max-w-xl flex-col gap-4 rounded-lg border border-green-200 bg-green-50 p-4" data-testid="issued-card">
        <p className="text-sm text-green-900">{card.summary}</p>
        <div>
          <p className="text-sm font-medium text-slate-700">{labels.code}</p>
          <p className="font-mono text-2xl font-semibold tracking-wider" data-testid="issued-code">
            {card.code}
          </p>
        </div>
        <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm font-medium text-amber-900">
          {labels.warning}
        </p>
        <div className="flex flex-wrap gap-3">
          <button
            type="button"
            className={buttonClass("secondary", "text-sm")}
            onClick={() => {
              void navigator.clipboard?.writeText(card.code).then(() => setCopied(true));
            }}
          >
            {copied ? labels.copied : labels.copy}
          </button>
          <a href={`${cardBase}/${encodeURIComponent(card.cardId)}`} className={buttonClass("secondary", "text-sm")}>
            {labels.open}
          </a>
          <a href="" className={buttonClass("primary", "text-sm")}>
            {labels.another}
          </a>
        </div>
      </section>
    );
  }
  const values = state.values ?? {};
  const error = (name: string) => fieldError(state, name);
  return (
    <form action={run} className="flex max-w-xl flex-col gap-4" noValidate key={JSON.stringify(values)}>
      {state.status === "error" && state.error && (
        <p role="alert" className="text-sm text-red-700">
          {state.error.message}
        </p>
      )}
      <div className="flex flex-col gap-1">
        <label htmlFor="issue-store" className="text-sm font-medium">
          {labels.store}
        </label>
        <select
          id="issue-store"
          name="storeId"
          defaultValue={values.storeId ?? stores[0]?.id}
          aria-invalid={error("storeId") ? true : undefined}
          className="rounded-md border border-slate-300 bg-white px-3 py-2"
        >
          {stores.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
        {error("storeId") && <p className="text-sm text-red-700">{error("storeId")}</p>}
      </div>
      <TextField id="issue-amount" name="amount" label={labels.amount} hint={labels.amountHint} inputMode="decimal" required defaultValue={values.amount ?? ""} error={error("amount")} />
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium">{labels.expiry}</legend>
        {(["default", "never", "date"] as const).map((kind) => (
          <label key={kind} className="flex items-center gap-2 text-sm">
            <input type="radio" name="expiry" value={kind} defaultChecked={(values.expiry ?? "default") === kind} />
            {kind === "default" ? labels.expiryDefault : kind === "never" ? labels.expiryNever : labels.expiryDate}
          </label>
        ))}
        <div className="ml-6">
          <TextField id="issue-expires-on" name="expiresOn" type="date" label={labels.expiresOn} defaultValue={values.expiresOn ?? ""} error={error("expiresOn")} />
        </div>
      </fieldset>
      <TextField id="issue-customer" name="customerEmail" type="email" label={labels.customerEmail} hint={labels.customerHint} defaultValue={values.customerEmail ?? ""} error={error("customerEmail")} />
      <TextField id="issue-recipient-name" name="recipientName" label={labels.recipientName} maxLength={120} defaultValue={values.recipientName ?? ""} error={error("recipientName")} />
      <TextField id="issue-recipient-email" name="recipientEmail" type="email" label={labels.recipientEmail} defaultValue={values.recipientEmail ?? ""} error={error("recipientEmail")} />
      <div className="flex flex-col gap-1">
        <label htmlFor="issue-note" className="text-sm font-medium">
          {labels.note}
        </label>
        <textarea
          id="issue-note"
          name="note"
          rows={3}
          maxLength={500}
          required
          defaultValue={values.note ?? ""}
          aria-invalid={error("note") ? true : undefined}
          aria-describedby={`issue-note-hint${error("note") ? " issue-note-error" : ""}`}
          className="rounded-md border border-slate-300 px-3 py-2"
        />
        <p id="issue-note-hint" className="text-sm text-slate-600">
          {labels.noteHint}
        </p>
        {error("note") && (
          <p id="issue-note-error" className="text-sm text-red-700">
            {error("note")}
          </p>
        )}
      </div>
      <div>
        <SubmitButton pendingLabel={labels.pending}>{labels.submit}</SubmitButton>
      </div>
    </form>
  );
}
