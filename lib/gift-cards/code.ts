import { createHash } from "node:crypto";

/**
 * Gift-card codes: 15 random characters and a check character from a 31-character alphabet
 * without look-alikes (no 0/O, 1/I/L), printed in groups of four ("7KQM-4XRT-9HCP-WV2D"). About
 * 74 bits of randomness: they cannot be guessed or run out. Case, spaces and dashes do not
 * matter when a code is typed. Only `hashGiftCardCode` of a code and its last four characters
 * are stored. Pure module.
 */

export const GIFT_CARD_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const BASE = GIFT_CARD_ALPHABET.length; // 31, a prime
const RANDOM_LENGTH = 15;
export const GIFT_CARD_CODE_LENGTH = RANDOM_LENGTH + 1;

/**
 * The check character: the position-weighted sum (weights 1..15) modulo 31. The alphabet has a
 * prime number of characters and every weight is below it, so changing any one character, or
 * swapping two neighbours, always changes the sum modulo 31: the check character stops fitting.
 */
function checkChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += (i + 1) * GIFT_CARD_ALPHABET.indexOf(body[i]!);
  return GIFT_CARD_ALPHABET[sum % BASE]!;
}

/** A new code in its compact form, from `randomBytes(n)` (crypto in production, fixed bytes in tests). */
export function generateGiftCardCode(randomBytes: (n: number) => Uint8Array): string {
  let body = "";
  while (body.length < RANDOM_LENGTH) {
    for (const byte of randomBytes(RANDOM_LENGTH * 2)) {
      // Rejection sampling: no bias towards the first characters.
      if (byte < BASE * Math.floor(256 / BASE) && body.length < RANDOM_LENGTH) body += GIFT_CARD_ALPHABET[byte % BASE];
    }
  }
  return body + checkChar(body);
}

/** "7KQM4XRT9HCPWV2D" -> "7KQM-4XRT-9HCP-WV2D". */
export function formatGiftCardCode(compact: string): string {
  return compact.match(/.{1,4}/g)!.join("-");
}

export type ParsedCode = { ok: true; code: string } | { ok: false; reason: "malformed" | "typo" };

/**
 * What someone typed or scanned, as a compact code. `malformed`: not the length or the alphabet
 * of a code; `typo`: the right shape but the check character does not fit (one character
 * wrong or two swapped), caught before any lookup.
 */
export function parseGiftCardCode(raw: string): ParsedCode {
  const compact = raw.toUpperCase().replace(/[\s-]/g, "");
  if (compact.length !== GIFT_CARD_CODE_LENGTH) return { ok: false, reason: "malformed" };
  for (const ch of compact) if (!GIFT_CARD_ALPHABET.includes(ch)) return { ok: false, reason: "malformed" };
  const body = compact.slice(0, RANDOM_LENGTH);
  if (checkChar(body) !== compact[RANDOM_LENGTH]) return { ok: false, reason: "typo" };
  return { ok: true, code: compact };
}

/** What the database stores instead of the code: SHA-256 of the compact code, in hex. */
export function hashGiftCardCode(compact: string): string {
  return createHash("sha256").update(compact).digest("hex");
}

/** The four characters a card is shown and searched by ("•••• WV2D"). */
export function codeLast4(compact: string): string {
  return compact.slice(-4);
}
