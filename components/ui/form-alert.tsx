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
