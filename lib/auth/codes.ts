import { randomInt } from "node:crypto";

/**
 * Characters of sign-in codes: digits and capitals without the look-alikes 0/O, 1/I/L, so a
 * code read from a phone screen is typed right the first time. Pure module.
 */
export const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const CODE_LENGTH = 8;

/** A fresh one-time code, uniformly drawn from CODE_ALPHABET with a CSPRNG. */
export function generateSignInCode(): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/**
 * The canonical form of a typed code (upper case, without the spaces and dashes people add
 * when copying it), or null when it cannot be a code we issued.
 */
export function normalizeSignInCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, "").toUpperCase();
  if (code.length !== CODE_LENGTH) return null;
  for (const ch of code) if (!CODE_ALPHABET.includes(ch)) return null;
  return code;
}
