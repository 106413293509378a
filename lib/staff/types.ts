/**
 * Refusals of the staff mutations; the actions show them as `Staff.errors.<code>`. Expected
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

