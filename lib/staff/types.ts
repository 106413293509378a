/**
 * Outcomes of the staff actions that the UI translates under `Staff.errors.<code>`. Expected
 * refusals are results, never exceptions.
 */
export type StaffError =
  | "required"
  | "invalidEmail"
  | "emailAccentedName"
  | "invalidChoice"
  | "invalidDays"
  | "invalidStores"
  | "roleNotAllowed"
  | "alreadyMember"
  | "alreadyInvited"
  | "alreadyPending"
  | "lastOwner"
  | "notAllowed"
  | "notFound"
  | "codeUnknown"
  | "codeExpired"
  | "codeUsed"
  | "invitationInvalid"
  | "wrongAccount"
  | "emailTaken"
  | "tooLong"
  | "passwordTooShort"
  | "passwordTooLong"
  | "rateLimited";

export interface StaffFormState {
  status: "idle" | "error" | "done";
  error?: StaffError;
  /** Field the error belongs to, when it is a field's. */
  field?: string;
  /** A value to show after success (the new access code's phrase). */
  phrase?: string;
  /** What was typed, to show it again. */
  values?: Record<string, string>;
}

export const INITIAL_STAFF_STATE: StaffFormState = { status: "idle" };
