/**
 * How a card's dates read to people. Pure module.
 *
 * A card's `expiresAt` is the first moment it no longer pays (the start of the day after its last
 * day, in the store's time zone): people are told the last moment it still does, so "valid until
 * 31 December" means through the whole of 31 December.
 */
export function validThrough(expiresAt: Date): Date {
  return new Date(expiresAt.getTime() - 1);
}
