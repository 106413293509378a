import type { ReactElement } from "react";
import type { z } from "zod";
import type { Locale } from "@/lib/locales";
import type { EmailTranslator } from "../translator";

export interface EmailTemplateProps<Data> {
  data: Data;
  locale: Locale;
  t: EmailTranslator;
}

/**
 * One email template: the zod schema of its data (checked when the email is enqueued and again
 * when it is rendered), its subject (stored on the outbox row at enqueue time) and its
 * react-email component.
 */
export interface EmailTemplate<Schema extends z.ZodType = z.ZodType> {
  schema: Schema;
  subject(t: EmailTranslator, data: z.output<Schema>): string;
  Component(props: EmailTemplateProps<z.output<Schema>>): ReactElement;
  /** Sample data covering each variant: the render tests go through every one in every locale. */
  examples: [z.input<Schema>, ...z.input<Schema>[]];
}

/** Identity helper that infers the data type from the schema. */
export function defineEmailTemplate<Schema extends z.ZodType>(template: EmailTemplate<Schema>): EmailTemplate<Schema> {
  return template;
}
