import type { OnboardingField, OnboardingFieldError } from "./schema";
import type { SlugAvailability } from "./rules";

/** The sign-up form's state (useActionState). */
export interface OnboardingFormState {
  status: "idle" | "error";
  fieldErrors?: Partial<Record<OnboardingField, OnboardingFieldError>>;
  /** Set when the client's address made too many sign-ups: whole minutes to wait. */
  retryAfterMinutes?: number;
  /** What was typed, to show it again (never the password). */
  values?: Record<string, string | string[]>;
}

export const INITIAL_ONBOARDING_STATE: OnboardingFormState = { status: "idle" };

export interface SlugCheck {
  slug: string;
  result: SlugAvailability;
}

/** One step of the checklist shown after sign-up. */
export interface ChecklistItem {
  key: "product" | "loyalty" | "staff" | "domain";
  done: boolean;
  href: string;
}
