"use client";

import { useActionState, useState } from "react";
import { useFormStatus } from "react-dom";
import { fieldError } from "@/components/ui/form-alert";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { canPublish } from "@/lib/loyalty/rules";
import { Alert } from "@/components/ui/alert";

export type ProgramLabels = Record<
  | "type"
  | "typePoints"
  | "typeStamps"
  | "pointsPerUnit"
  | "welcomeBonus"
  | "stampsPerVisit"
  | "cooldownMinutes"
  | "dailyCap"
  | "termsText"
  | "termsHint"
  | "termsUrl"
  | "saveDraft"
  | "publish"
  | "publishDisabled"
  | "saving"
  | "saved",
  string
>;

/**
 * The program form. Terms have a text per language (customers reading another language see one
 * of them with a note). Publishing needs terms (a text in any language, or a link): until one is
 * filled the publish button is disabled and says why; the server checks the same rule (and the
 * database too).
 */
export function ProgramForm({
  action,
  initial,
  termsLanguages,
  labels,
}: {
  action: (
    state: FormState<unknown>,
    formData: FormData,
  ) => Promise<FormState<undefined>>;
  initial: Record<string, string>;
  /** One textarea per language: its form field, its label and its BCP 47 tag. */
  termsLanguages: Array<{ field: string; label: string; lang: string }>;
  labels: ProgramLabels;
}) {
  const [state, formAction] = useActionState<FormState<undefined>, FormData>(
    action,
    IDLE,
  );
  const values: Record<string, string> = state.values ?? initial;
  const [type, setType] = useState(
    values.type === "STAMPS" ? "STAMPS" : "POINTS",
  );
  const [termsTexts, setTermsTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      termsLanguages.map((l) => [l.field, values[l.field] ?? ""]),
    ),
  );
  const [termsUrl, setTermsUrl] = useState(values.termsUrl ?? "");
  const [pressed, setPressed] = useState<"draft" | "publish">("draft");
  const error = (name: string) => fieldError(state, name);
  const hasTerms = canPublish({ termsTexts, termsUrl });

  const field = (
    name: string,
    label: string,
    props: React.InputHTMLAttributes<HTMLInputElement> = {},
  ) => (
    <div className="flex flex-col gap-1">
      <label
        htmlFor={`program-${name}`}
        className="text-sm font-medium text-slate-700"
      >
        {label}
      </label>
      <input
        id={`program-${name}`}
        name={name}
        defaultValue={values[name] ?? ""}
        aria-invalid={error(name) ? true : undefined}
        aria-describedby={error(name) ? `program-${name}-error` : undefined}
        className="rounded-md border border-slate-300 px-3 py-2"
        inputMode="numeric"
        {...props}
      />
      {error(name) && (
        <p id={`program-${name}-error`} className="text-sm text-red-700">
          {error(name)}
        </p>
      )}
    </div>
  );

  return (
    <form
      action={formAction}
      className="grid max-w-2xl gap-4 sm:grid-cols-2"
      noValidate
    >
      {state.status === "ok" && (
        <Alert tone="success" className="sm:col-span-2">
          {labels.saved}
        </Alert>
      )}
      <fieldset className="sm:col-span-2">
        <legend className="text-sm font-medium text-slate-700">
          {labels.type}
        </legend>
        <div className="mt-1 flex gap-6">
          {(["POINTS", "STAMPS"] as const).map((value) => (
            <label key={value} className="flex items-center gap-2">
              <input
                type="radio"
                name="type"
                value={value}
                checked={type === value}
                onChange={() => setType(value)}
              />
              {value === "POINTS" ? labels.typePoints : labels.typeStamps}
            </label>
          ))}
        </div>
        {error("type") && (
          <p className="text-sm text-red-700">{error("type")}</p>
        )}
      </fieldset>
      {type === "POINTS"
        ? field("pointsPerUnit", labels.pointsPerUnit)
        : field("stampsPerVisit", labels.stampsPerVisit)}
      {field("welcomeBonus", labels.welcomeBonus)}
      {field("cooldownMinutes", labels.cooldownMinutes)}
      {field("dailyCap", labels.dailyCap)}
      <fieldset
        className="flex flex-col gap-3 sm:col-span-2"
        aria-describedby={
          error("termsText")
            ? "program-terms-hint program-termsText-error"
            : "program-terms-hint"
        }
      >
        <legend className="text-sm font-medium text-slate-700">
          {labels.termsText}
        </legend>
        <p id="program-terms-hint" className="text-sm text-slate-600">
          {labels.termsHint}
        </p>
        {termsLanguages.map(({ field: name, label, lang }) => (
          <div key={name} className="flex flex-col gap-1">
            <label
              htmlFor={`program-${name}`}
              className="text-sm font-medium text-slate-700"
            >
              {label}
            </label>
            <textarea
              id={`program-${name}`}
              name={name}
              lang={lang}
              rows={4}
              value={termsTexts[name] ?? ""}
              onChange={(e) =>
                setTermsTexts((current) => ({
                  ...current,
                  [name]: e.target.value,
                }))
              }
              aria-invalid={
                error(name) || error("termsText") ? true : undefined
              }
              aria-describedby={
                error(name) ? `program-${name}-error` : undefined
              }
              className="rounded-md border border-slate-300 px-3 py-2"
            />
            {error(name) && (
              <p id={`program-${name}-error`} className="text-sm text-red-700">
                {error(name)}
              </p>
            )}
          </div>
        ))}
        {error("termsText") && (
          <p id="program-termsText-error" className="text-sm text-red-700">
            {error("termsText")}
          </p>
        )}
      </fieldset>
      <div className="sm:col-span-2">
        {field("termsUrl", labels.termsUrl, {
          value: termsUrl,
          defaultValue: undefined,
          onChange: (e) => setTermsUrl(e.target.value),
          inputMode: "url",
          type: "url",
        })}
      </div>
      <div className="flex flex-wrap items-start gap-3 sm:col-span-2">
        <div className="w-48">
          <SaveButton
            value="false"
            label={labels.saveDraft}
            pending={labels.saving}
            active={pressed === "draft"}
            onClick={() => setPressed("draft")}
            secondary
          />
        </div>
        <div className="flex w-64 flex-col gap-1">
          <span title={hasTerms ? undefined : labels.publishDisabled}>
            <SaveButton
              value="true"
              disabled={!hasTerms}
              label={labels.publish}
              pending={labels.saving}
              active={pressed === "publish"}
              onClick={() => setPressed("publish")}
            />
          </span>
          {!hasTerms && (
            <p id="publish-why" className="text-sm text-slate-600">
              {labels.publishDisabled}
            </p>
          )}
        </div>
      </div>
    </form>
  );
}

/** A submit button carrying `publish=<value>`; disabled ones point at the text that says why. */
function SaveButton({
  value,
  disabled = false,
  label,
  pending,
  active,
  onClick,
  secondary = false,
}: {
  value: "true" | "false";
  disabled?: boolean;
  label: string;
  pending: string;
  active: boolean;
  onClick: () => void;
  secondary?: boolean;
}) {
  const status = useFormStatus();
  const style = secondary
    ? "w-full rounded-md border border-slate-300 bg-white px-4 py-2 font-medium text-slate-900 hover:bg-slate-50 disabled:opacity-50"
    : "w-full rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-50";
  return (
    <button
      type="submit"
      name="publish"
      value={value}
      disabled={disabled || status.pending}
      aria-disabled={disabled || status.pending}
      aria-describedby={disabled ? "publish-why" : undefined}
      onClick={onClick}
      className={style}
    >
      {status.pending && active ? pending : label}
    </button>
  );
}
