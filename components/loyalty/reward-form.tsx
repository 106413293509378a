"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { fieldError } from "@/components/ui/form-alert";
import { IDLE, type FormState } from "@/lib/actions/form-state";

/** Adds a reward: its cost and a name (and description) per offered language. */
export function RewardForm({
  action,
  languages,
  labels,
}: {
  action: (
    state: FormState<unknown>,
    formData: FormData,
  ) => Promise<FormState<undefined>>;
  languages: Array<{
    locale: string;
    name: string;
    nameLabel: string;
    descriptionLabel: string;
  }>;
  labels: { cost: string; submit: string; pending: string; saved: string };
}) {
  const [state, formAction] = useActionState<FormState<undefined>, FormData>(
    action,
    IDLE,
  );
  const error = (name: string) => fieldError(state, name);
  const values = state.values ?? {};
  return (
    <form
      action={formAction}
      className="grid max-w-2xl gap-3 sm:grid-cols-2"
      noValidate
      key={JSON.stringify(values)}
    >
      {state.error && (
        <p role="alert" className="text-sm text-red-700 sm:col-span-2">
          {state.error.message}
        </p>
      )}
      {state.status === "ok" && (
        <p role="status" className="text-sm text-green-800 sm:col-span-2">
          {labels.saved}
        </p>
      )}
      <div className="flex flex-col gap-1">
        <label htmlFor="reward-cost" className="text-sm font-medium">
          {labels.cost}
        </label>
        <input
          id="reward-cost"
          name="cost"
          inputMode="numeric"
          defaultValue={values.cost ?? ""}
          aria-invalid={error("cost") ? true : undefined}
          className="rounded-md border border-slate-300 px-3 py-2"
        />
        {error("cost") && (
          <p className="text-sm text-red-700">{error("cost")}</p>
        )}
      </div>
      <div className="hidden sm:block" />
      {languages.map((l) => (
        <div key={l.locale} className="contents">
          <div className="flex flex-col gap-1">
            <label
              htmlFor={`reward-name-${l.locale}`}
              className="text-sm font-medium"
            >
              {l.nameLabel}
            </label>
            <input
              id={`reward-name-${l.locale}`}
              name={`name_${l.locale}`}
              lang={l.locale}
              defaultValue={values[`name_${l.locale}`] ?? ""}
              className="rounded-md border border-slate-300 px-3 py-2"
            />
            {error(`name_${l.locale}`) && (
              <p className="text-sm text-red-700">
                {error(`name_${l.locale}`)}
              </p>
            )}
          </div>
          <div className="flex flex-col gap-1">
            <label
              htmlFor={`reward-description-${l.locale}`}
              className="text-sm font-medium"
            >
              {l.descriptionLabel}
            </label>
            <input
              id={`reward-description-${l.locale}`}
              name={`description_${l.locale}`}
              lang={l.locale}
              defaultValue={values[`description_${l.locale}`] ?? ""}
              className="rounded-md border border-slate-300 px-3 py-2"
            />
          </div>
        </div>
      ))}
      <div className="w-56">
        <SubmitButton pendingLabel={labels.pending} className="w-full">
          {labels.submit}
        </SubmitButton>
      </div>
    </form>
  );
}
