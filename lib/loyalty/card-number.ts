/**
 * Loyalty card numbers: 11 random characters and a check character from a 30-character alphabet
 * without look-alikes (no 0/O, 1/I/L, U), printed as "K7QM-4XRT-9HCP". About 54 bits of
 * randomness: not guessable, short enough to read out at a till. The check character catches
 * one wrong or two swapped characters before any database lookup. Pure module.
 */

export const CARD_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
const BASE = CARD_ALPHABET.length;
const RANDOM_LENGTH = 11;

/**
 * Check character: the position-weighted sum (weights 1..11) modulo the prime 29. Changing one
 * character, or swapping two neighbours, changes the sum by a non-multiple of 29 (except for
 * the one pair of letters 29 apart), so the check character no longer fits.
 */
function checkChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += (i + 1) * CARD_ALPHABET.indexOf(body[i]!);
  return CARD_ALPHABET[sum % 29]!;
}

/** A new card number from `randomBytes(n)` (crypto in production, fixed bytes in tests). */
export function generateCardNumber(randomBytes: (n: number) => Uint8Array): string {
  let body = "";
  while (body.length < RANDOM_LENGTH) {
    for (const byte of randomBytes(RANDOM_LENGTH * 2)) {
      // Rejection sampling: no bias towards the first letters.
      if (byte < BASE * Math.floor(256 / BASE) && body.length < RANDOM_LENGTH) body += CARD_ALPHABET[byte % BASE];
    }
  }
  return formatCardNumber(body + checkChar(body));
}

/** "K7QM4XRT9HCP" -> "K7QM-4XRT-9HCP". */
export function formatCardNumber(compact: string): string {
  return compact.match(/.{1,4}/g)!.join("-");
}

/**
 * What someone typed or scanned, as a stored card number, or null when it cannot be one
 * (wrong length, foreign characters, bad check character). Case, spaces and dashes do not
 * matter; characters outside the alphabet are refused rather than guessed.
 */
export function parseCardNumber(raw: string): string | null {
  const compact = raw.toUpperCase().replace(/[\s-]/g, "");
  if (compact.length !== RANDOM_LENGTH + 1) return null;
  for (const ch of compact) if (!CARD_ALPHABET.includes(ch)) return null;
  const body = compact.slice(0, RANDOM_LENGTH);
  if (checkChar(body) !== compact[RANDOM_LENGTH]) return null;
  return formatCardNumber(compact);
}
