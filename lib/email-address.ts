import { domainToASCII, domainToUnicode } from "node:url";

/** RFC 5321: a forward path holds at most 256 octets with its angle brackets, a local part 64. */
export const MAX_EMAIL_LENGTH = 254;
const MAX_LOCAL_PART_LENGTH = 64;

/** Why an address is refused; each is a field error code the forms translate. */
export type EmailAddressProblem = "required" | "emailTooLong" | "invalidEmail" | "emailAccentedName";

export type CheckedEmailAddress = { ok: true; email: string } | { ok: false; problem: EmailAddressProblem };

// RFC 5322 dot-atom (atext), quoted local parts excluded: quotes let an address carry a second "@".
const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
// The ASCII (A-label) form of a public host name: at least two labels, the last one alphabetic or an IDN A-label.
const ASCII_DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/**
 * Checks and canonicalizes an email address as customers, staff and merchants type it.
 *
 * Accepted: internationalized domain names (RFC 5890, `lea@exämple.lu`), stored in their Unicode
 * form whichever form was typed (`lea@xn--exmple-cua.lu` is the same address) and sent in their
 * ASCII form (see wireEmailAddress), which every mail system accepts.
 *
 * Refused with its own reason: a local part with non-ASCII letters (`léa@example.lu`). Such
 * addresses need SMTPUTF8 (RFC 6531) on every hop from our provider to the recipient's mailbox,
 * and unlike domains they have no ASCII fallback form, so a sign-in link could silently never
 * arrive; the customer is asked for another address instead.
 *
 * The input is normalized first (NFKC, so look-alike characters cannot split an address or make
 * a second identity; trimmed; lower-cased).
 */
export function checkEmailAddress(raw: string): CheckedEmailAddress {
  const value = raw.normalize("NFKC").trim().toLowerCase();
  if (!value) return { ok: false, problem: "required" };
  if (value.length > MAX_EMAIL_LENGTH) return { ok: false, problem: "emailTooLong" };
  const at = value.lastIndexOf("@");
  if (at <= 0 || at === value.length - 1) return { ok: false, problem: "invalidEmail" };
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (local.includes("@") || /[\s"]/.test(value)) return { ok: false, problem: "invalidEmail" };
  const asciiDomain = domainToASCII(domain);
  if (!asciiDomain || !ASCII_DOMAIN.test(asciiDomain)) return { ok: false, problem: "invalidEmail" };
  if (/[^\x00-\x7f]/.test(local)) return { ok: false, problem: /\p{L}/u.test(local) ? "emailAccentedName" : "invalidEmail" };
  if (!LOCAL_PART.test(local)) return { ok: false, problem: "invalidEmail" };
  if (local.length > MAX_LOCAL_PART_LENGTH || local.length + 1 + asciiDomain.length > MAX_EMAIL_LENGTH) return { ok: false, problem: "emailTooLong" };
  return { ok: true, email: `${local}@${domainToUnicode(asciiDomain)}` };
}

/** The address as it goes to the mail provider: the domain in its ASCII (punycode) form. */
export function wireEmailAddress(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 0) return email;
  const ascii = domainToASCII(email.slice(at + 1));
  return ascii ? `${email.slice(0, at)}@${ascii}` : email;
}

/**
 * How emails are stored: NFKC (so look-alike characters cannot split an address), trimmed,
 * lower-cased, an internationalized domain in its Unicode form (see checkEmailAddress).
 */
export function normalizeEmail(raw: string): string {
  const checked = checkEmailAddress(raw);
  return checked.ok ? checked.email : raw.normalize("NFKC").trim().toLowerCase();
}
