import type { FormState } from "@/lib/actions/form-state";
import { Alert } from "./alert";

/** The form-level refusal of an action's state, if any (field refusals sit under their fields). */
export function FormAlert({ state, className }: { state: FormState<unknown>; className?: string }) {
  if (state.status !== "error" || !state.error) return null;
  return (
    <Alert tone="error" className={className}>
      {state.error.message}
    </Alert>
  );
}

/** The refusal of one field of an action's state, as `TextField`'s `error` wants it. */
export function fieldError(state: FormState<unknown>, field: string): string | undefined {
  return state.status === "error" ? state.fieldErrors?.[field]?.message : undefined;
}

/**
 * The refusal of a form whose fields are all hidden (ids the page wrote, a button's choice): the
 * form's own, or else the first field's, as there is no field to show it under.
 */
export function formRefusal(state: FormState<unknown>): string | undefined {
  if (state.status !== "error") return undefined;
  return state.error?.message ?? Object.values(state.fieldErrors ?? {}).find(Boolean)?.message;
}

/**
 * An action's outcome under its form: success as a status (`success`, else the message the action
 * returned), a refusal of the rules announced at once (as a warning by default: a cooldown or a
 * balance is not a mistake), and, when `field` is named, that field's refusal as an error.
 */
export function ActionOutcome({
  state,
  success,
  testId,
  field,
  refusalTone = "warning",
}: {
  state: FormState<unknown>;
  success?: string;
  testId?: string;
  field?: string;
  refusalTone?: "warning" | "error";
}) {
  if (state.status === "ok") {
    const data = state.data as { message?: unknown } | undefined;
    const text = success ?? (typeof data?.message === "string" ? data.message : undefined);
    if (!text) return null;
    return (
      <Alert tone="success" data-testid={testId} data-tone="success">
        {text}
      </Alert>
    );
  }
  if (state.status === "error" && state.error) {
    return (
      <Alert tone={refusalTone} role="alert" data-testid={testId} data-tone={refusalTone}>
        {state.error.message}
      </Alert>
    );
  }
  const invalid = field ? fieldError(state, field) : undefined;
  if (!invalid) return null;
  return (
    <Alert tone="error" data-testid={testId} data-tone="error">
      {invalid}
    </Alert>
  );
}
