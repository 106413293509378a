"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/auth/submit-button";
import { INITIAL_PRODUCT_FORM_STATE, type ProductFormState } from "@/lib/catalog/types";
import type { Locale } from "@/lib/i18n/locales";

/** Archives a product after the merchant confirms; the action returns to the product list. */
export function ArchiveProductButton({
  action,
  locale,
  text,
}: {
  action: (state: ProductFormState, formData: FormData) => Promise<ProductFormState>;
  locale: Locale;
  /** Translated on the server: the button, its pending label, the confirmation and the not-found error. */
  text: { button: string; pending: string; confirm: string; notFound: string };
}) {
  const [state, formAction] = useActionState(action, INITIAL_PRODUCT_FORM_STATE);
  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        if (!window.confirm(text.confirm)) e.preventDefault();
      }}
      className="flex flex-col gap-2"
    >
      <input type="hidden" name="locale" value={locale} />
      <div className="w-48">
        <SubmitButton label={text.button} pendingLabel={text.pending} variant="secondary" />
      </div>
      <div aria-live="assertive" className="empty:hidden">
        {state.formError && (
          <p role="alert" className="text-sm text-red-700">
            {text.notFound}
          </p>
        )}
      </div>
    </form>
  );
}
