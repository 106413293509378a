import type { ReactNode } from "react";

const fieldClass = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm";

/** A GET search form (each search has its own URL): a text field, optional extra fields, submit and reset. */
export function SearchForm({
  action,
  legend,
  label,
  name = "q",
  value,
  placeholder,
  submit,
  reset,
  children,
}: {
  action: string;
  legend: string;
  label: string;
  name?: string;
  value: string;
  placeholder?: string;
  submit: string;
  reset: string;
  children?: ReactNode;
}) {
  return (
    <form method="get" action={action} role="search" className="rounded-lg border border-slate-200 bg-slate-50 p-4">
      <fieldset>
        <legend className="sr-only">{legend}</legend>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <label className="block text-sm font-medium text-slate-700">
            {label}
            <input type="search" name={name} defaultValue={value} placeholder={placeholder} maxLength={254} autoComplete="off" className={fieldClass} />
          </label>
          {children}
        </div>
        <div className="mt-4 flex items-center gap-3">
          <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
            {submit}
          </button>
          <a href={action} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
            {reset}
          </a>
        </div>
      </fieldset>
    </form>
  );
}

export const searchFieldClass = fieldClass;
