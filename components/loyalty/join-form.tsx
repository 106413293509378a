"use client";

import { useActionState, useRef, useState, type ReactNode } from "react";
import { SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { fieldError } from "@/components/ui/form-alert";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import type { JoinOutcome } from "@/lib/loyalty/actions";
import { LoyaltyCardView } from "./card-qr";
import { Alert } from "@/components/ui/alert";

export type JoinLabels = Record<
  | "title"
  | "lead"
  | "email"
  | "name"
  | "phone"
  | "birthday"
  | "birthdayHint"
  | "pickDate"
  | "submit"
  | "pending"
  | "formError"
  | "joinedTitle"
  | "joinedLead"
  | "alreadyTitle"
  | "alreadyLead"
  | "back"
  | "myCard"
  | "signInToSee"
  | "cardTitle"
  | "cardNumber"
  | "qrLabel",
  string
>;

/**
 * The storefront join page's content: the form under its title, then the outcome in place of
 * both title and subtitle (the new card with its QR, or "already a member"). `bonus` is the
 * welcome-gift line, when the program has one.
 * `dateOrder`/`dateSeparator` are the locale's numeric date format: the birthday is typed that
 * way, and the calendar button writes the picked date in it.
 */
export function JoinForm({
  action,
  labels,
  bonus,
  terms,
  initial,
  dateOrder,
  dateSeparator,
  backHref,
  cardHref,
  signedInAs,
  signInHref,
}: {
  action: (
    state: FormState<unknown>,
    formData: FormData,
  ) => Promise<FormState<JoinOutcome>>;
  labels: JoinLabels;
  bonus: string | null;
  terms: ReactNode;
  initial: { email: string; name: string };
  dateOrder: Array<"day" | "month" | "year">;
  dateSeparator: string;
  backHref: string;
  cardHref: string;
  /** The signed-in customer's email, or null for a visitor. */
  signedInAs: string | null;
  /** This store's sign-in, coming back to the card; the card's email is added to prefill it. */
  signInHref: string;
}) {
  const [state, formAction] = useActionState<FormState<JoinOutcome>, FormData>(
    action,
    IDLE,
  );
  const values: Record<string, string> = state.values ?? {
    ...initial,
    phone: "",
    birthday: "",
  };
  const done = state.status === "ok" ? state.data : null;
  const [birthday, setBirthday] = useState(values.birthday ?? "");
  const picker = useRef<HTMLInputElement>(null);
  // The card shows to whoever is signed in with its email; anyone else signs in with it first.
  const cardLink = (email: string | undefined) =>
    email && email !== signedInAs ? (
      <a
        href={`${signInHref}&${new URLSearchParams({ email })}`}
        className="font-medium text-brand-700 underline"
      >
        {labels.signInToSee}
      </a>
    ) : (
      <a href={cardHref} className="font-medium text-brand-700 underline">
        {labels.myCard}
      </a>
    );

  if (done?.status === "joined") {
    return (
      <section
        aria-labelledby="join-title"
        className="mx-auto flex max-w-md flex-col items-center gap-6 text-center"
      >
        <header>
          <h1 id="join-title" className="text-3xl font-bold tracking-tight">
            {labels.joinedTitle}
          </h1>
          <p className="mt-2 text-slate-600">{labels.joinedLead}</p>
        </header>
        <LoyaltyCardView
          number={done.number}
          qr={done.qr}
          title={labels.cardTitle}
          numberLabel={labels.cardNumber}
          qrLabel={labels.qrLabel.replace("{number}", done.number)}
        />
        <div className="flex gap-4">
          <a href={backHref} className="font-medium text-brand-700 underline">
            {labels.back}
          </a>
          {cardLink(done.email)}
        </div>
      </section>
    );
  }
  if (done?.status === "already") {
    return (
      <section
        aria-labelledby="join-title"
        className="mx-auto flex max-w-md flex-col items-center gap-6 text-center"
      >
        <header>
          <h1 id="join-title" className="text-3xl font-bold tracking-tight">
            {labels.alreadyTitle}
          </h1>
          <p className="mt-2 text-slate-600">{labels.alreadyLead}</p>
        </header>
        <div className="flex gap-4">
          <a href={backHref} className="font-medium text-brand-700 underline">
            {labels.back}
          </a>
          {cardLink(done.email)}
        </div>
      </section>
    );
  }

  const error = (name: string) => fieldError(state, name);
  const fromPicker = (iso: string) => {
    const [year, month, day] = iso.split("-");
    if (!year || !month || !day) return;
    const parts = { day, month, year };
    setBirthday(dateOrder.map((p) => parts[p]).join(dateSeparator));
  };
  return (
    <section
      aria-labelledby="join-title"
      className="mx-auto flex max-w-md flex-col gap-6"
    >
      <header>
        <h1 id="join-title" className="text-3xl font-bold tracking-tight">
          {labels.title}
        </h1>
        <p className="mt-2 text-slate-600">{labels.lead}</p>
        {bonus && <p className="mt-2 font-medium text-brand-700">{bonus}</p>}
      </header>
      <form
        action={formAction}
        className="flex flex-col gap-4"
        noValidate
        key={JSON.stringify(state.values ?? {})}
      >
        {state.status === "error" && (
          <Alert tone="error">{state.error?.message ?? labels.formError}</Alert>
        )}
        <TextField
          id="join-email"
          name="email"
          type="email"
          autoComplete="email"
          label={labels.email}
          defaultValue={values.email}
          error={error("email")}
          required
        />
        <TextField
          id="join-name"
          name="name"
          autoComplete="name"
          label={labels.name}
          defaultValue={values.name}
          error={error("name")}
          required
        />
        <TextField
          id="join-phone"
          name="phone"
          type="tel"
          autoComplete="tel"
          label={labels.phone}
          defaultValue={values.phone}
          error={error("phone")}
        />
        <div className="flex items-end gap-2">
          <div className="min-w-0 flex-1">
            <TextField
              id="join-birthday"
              name="birthday"
              inputMode="numeric"
              autoComplete="bday"
              label={labels.birthday}
              hint={labels.birthdayHint}
              placeholder={labels.birthdayHint.split(/:\s*/).pop()}
              value={birthday}
              onChange={(e) => setBirthday(e.target.value)}
              error={error("birthday")}
            />
          </div>
          <input
            ref={picker}
            type="date"
            tabIndex={-1}
            aria-hidden="true"
            className="sr-only"
            onChange={(e) => fromPicker(e.target.value)}
          />
          <button
            type="button"
            className="mb-7 rounded-md border border-slate-300 px-3 py-2 text-sm font-medium"
            onClick={() => {
              try {
                picker.current?.showPicker();
              } catch {
                picker.current?.focus();
              }
            }}
          >
            {labels.pickDate}
          </button>
        </div>
        <div className="flex flex-col gap-1">
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              name="terms"
              className="mt-1"
              aria-invalid={error("terms") ? true : undefined}
              aria-describedby={error("terms") ? "join-terms-error" : undefined}
            />
            <span>{terms}</span>
          </label>
          {error("terms") && (
            <p id="join-terms-error" className="text-sm text-red-700">
              {error("terms")}
            </p>
          )}
        </div>
        <SubmitButton pendingLabel={labels.pending} className="w-full">
          {labels.submit}
        </SubmitButton>
      </form>
    </section>
  );
}
