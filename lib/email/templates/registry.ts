import type { z } from "zod";
import { giftCardDeliveryEmail } from "./gift-card-delivery";
import { loyaltyRewardWithinReachEmail } from "./loyalty-reward-within-reach";
import { loyaltyWelcomeEmail } from "./loyalty-welcome";
import { orderConfirmationEmail } from "./order-confirmation";
import { orderRefundEmail } from "./order-refund";
import { paymentRefundedEmail } from "./payment-refunded";
import { paymentReminderEmail } from "./payment-reminder";
import { platformAlertEmail } from "./platform-alert";
import { signInEmail } from "./sign-in";
import { staffInvitationEmail } from "./staff-invitation";

/**
 * Every email the platform can send, by template name. To add one: write its component, data
 * schema and subject in a file beside this one (see sign-in.tsx), register it here, add its texts
 * under `Emails.<name>` and its label under `Mailbox.templates.<name>` in the four catalogs.
 * Callers then enqueue it with enqueueEmail({ template: "<name>", data, ... }).
 */
export const EMAIL_TEMPLATES = {
  "sign-in": signInEmail,
  "order-confirmation": orderConfirmationEmail,
  "order-refund": orderRefundEmail,
  "payment-refunded": paymentRefundedEmail,
  "platform-alert": platformAlertEmail,
  "staff-invitation": staffInvitationEmail,
  "loyalty-welcome": loyaltyWelcomeEmail,
  "loyalty-reward-within-reach": loyaltyRewardWithinReachEmail,
  "gift-card-delivery": giftCardDeliveryEmail,
  "payment-reminder": paymentReminderEmail,
} as const;

export type TemplateName = keyof typeof EMAIL_TEMPLATES;

export const TEMPLATE_NAMES = Object.keys(EMAIL_TEMPLATES) as [TemplateName, ...TemplateName[]];

/** The data a template takes, as callers pass it. */
export type TemplateData<N extends TemplateName> = z.input<(typeof EMAIL_TEMPLATES)[N]["schema"]>;

export function isTemplateName(value: unknown): value is TemplateName {
  return typeof value === "string" && Object.hasOwn(EMAIL_TEMPLATES, value);
}
