"use client";

import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import type { FormState } from "@/lib/actions/form-state";

/** Archives a product after the merchant confirms; the action returns to the product list. */
export function ArchiveProductButton({
  action,
  productId,
  text,
}: {
  /** The action, bound to the merchant and the store. */
  action: (state: FormState<unknown>, formData: FormData) => Promise<FormState<undefined>>;
  productId: string;
  /** Translated on the server: the button, its pending label and the confirmation. */
  text: { button: string; pending: string; confirm: string };
}) {
  return (
    <ActionForm
      action={action}
      onSubmit={(e) => {
        if (!window.confirm(text.confirm)) e.preventDefault();
      }}
      className="flex flex-col gap-2"
    >
      <input type="hidden" name="productId" value={productId} />
      <div className="w-48">
        <SubmitButton pendingLabel={text.pending} variant="secondary" className="w-full">
          {text.button}
        </SubmitButton>
      </div>
    </ActionForm>
  );
}
