/**
 * Stripe's smallest charge is 0.50 in the major unit of most currencies: 50 minor units.
 * Orders below it (zero included) are completed without a payment step.
 */
export const PAYMENT_MINIMUM_CENTS = 50;

export function needsPayment(totalCents: number): boolean {
  return totalCents >= PAYMENT_MINIMUM_CENTS;
}
