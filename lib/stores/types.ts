import type { StoreSettingsFieldError } from "./schema";

export interface StoreSettingsFormState {
  status: "idle" | "error" | "saved";
  fieldErrors?: Record<string, StoreSettingsFieldError>;
  /** What was typed, to show it again. */
  values?: Record<string, string>;
}

export const INITIAL_STORE_SETTINGS_STATE: StoreSettingsFormState = { status: "idle" };
