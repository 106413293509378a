"use client";

import { useActionState, type FormHTMLAttributes, type ReactNode } from "react";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { FormAlert } from "./form-alert";

/**
 * A form that posts to a server action built on the pipeline and shows its refusal, for forms
 * with nothing else to show (a pause button, a remove button). `children` may be a function of
 * the state and the pending flag. Works before hydration too (a plain form post).
 */
export function ActionForm<D>({
  action,
  children,
  ...form
}: {
  action: (state: FormState<unknown>, formData: FormData) => Promise<FormState<D>>;
  children: ReactNode | ((state: FormState<NoInfer<D>>, pending: boolean) => ReactNode);
} & Omit<FormHTMLAttributes<HTMLFormElement>, "action" | "children">) {
  const [state, run, pending] = useActionState<FormState<D>, FormData>(action, IDLE);
  return (
    <form action={run} {...form}>
      {typeof children === "function" ? children(state, pending) : children}
      <FormAlert state={state} className="mt-2" />
    </form>
  );
}
