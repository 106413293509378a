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
