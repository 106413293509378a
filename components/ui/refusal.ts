import type { FormState } from "@/lib/actions/form-state";

/**
 * The one text to show for a refused action that has no field to put it under (a button, not a
 * form): the form-level refusal, else the first field's. Undefined unless refused.
 */
export function refusalMessage(state: FormState<unknown>): string | undefined {
  if (state.status !== "error") return undefined;
  return state.error?.message ?? Object.values(state.fieldErrors ?? {})[0]?.message;
}
