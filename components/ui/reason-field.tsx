import { fieldError } from "@/components/ui/form-alert";
import type { FormState } from "@/lib/actions/form-state";

/**
 * The required "reason" of a manager's correction (at most 500 characters), with an optional hint
 * and the field's error from the action's last answer.
 */
export function ReasonField({ id, state, label, hint }: { id: string; state: FormState<unknown>; label: string; hint?: string }) {
  const error = fieldError(state, "reason");
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <textarea
        id={id}
        name="reason"
        rows={2}
        maxLength={500}
        required
        defaultValue={state.values?.reason ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        className={`rounded-md border px-3 py-2 ${error ? "border-red-600" : "border-slate-300"}`}
      />
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
