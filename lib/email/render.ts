import { render } from "@react-email/render";
import { createElement } from "react";
import type { Locale } from "@/lib/locales";
import type { EmailTemplate } from "./templates/define";
import { EMAIL_TEMPLATES, type TemplateData, type TemplateName } from "./templates/registry";
import { emailTranslator, type EmailTranslatorOptions } from "./translator";
import type { RenderedEmail } from "./types";

// The registry's entries differ in their data type; here they are handled through the common shape.
function templateOf(name: TemplateName): EmailTemplate {
  return EMAIL_TEMPLATES[name] as unknown as EmailTemplate;
}

/** Validates `data` for `template`; throws a ZodError when it does not fit. */
export function parseTemplateData<N extends TemplateName>(template: N, data: unknown): TemplateData<N> {
  return templateOf(template).schema.parse(data) as TemplateData<N>;
}

/** The subject line of a message, in its locale. */
export function emailSubject(template: TemplateName, locale: Locale, data: unknown, options?: EmailTranslatorOptions): string {
  const entry = templateOf(template);
  return entry.subject(emailTranslator(locale, options), entry.schema.parse(data));
}

/**
 * Renders a message to subject, HTML and plain text. Pure (no I/O); throws when `data` does not
 * fit the template's schema.
 */
export async function renderEmail(
  template: TemplateName,
  locale: Locale,
  data: unknown,
  options?: EmailTranslatorOptions,
): Promise<RenderedEmail> {
  const entry = templateOf(template);
  const parsed = entry.schema.parse(data);
  const t = emailTranslator(locale, options);
  const element = createElement(entry.Component, { data: parsed, locale, t });
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: entry.subject(t, parsed), html, text };
}
