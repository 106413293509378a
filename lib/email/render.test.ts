import { describe, expect, it } from "vitest";
import type { IntlError } from "use-intl/core";
import { LOCALES } from "@/lib/locales";
import { emailSubject, renderEmail } from "./render";
import { EMAIL_TEMPLATES, TEMPLATE_NAMES } from "./templates/registry";

const cases = TEMPLATE_NAMES.flatMap((template) =>
  EMAIL_TEMPLATES[template].examples.flatMap((data, index) => LOCALES.map((locale) => ({ template, index, locale, data }))),
);

async function renderStrict(...args: Parameters<typeof renderEmail>) {
  const errors: IntlError[] = [];
  const rendered = await renderEmail(args[0], args[1], args[2], { onError: (e) => errors.push(e) });
  return { rendered, errors };
}

describe("email templates", () => {
  it.each(cases)("$template example $index renders in $locale with every text translated", async ({ template, locale, data }) => {
    const { rendered, errors } = await renderStrict(template, locale, data);
    expect(errors.map((e) => e.message)).toEqual([]);
    expect(rendered.subject.trim()).not.toBe("");
    expect(rendered.subject).not.toMatch(/Emails\.|[{}]/);
    expect(rendered.html).toContain(`lang="${locale}"`);
    // A key that failed to resolve shows up as its path, e.g. "Emails.signIn.button".
    expect(rendered.html).not.toMatch(/Emails\.\w/);
    expect(rendered.text).not.toMatch(/Emails\.\w/);
    expect(rendered.text.trim()).not.toBe("");
    expect(emailSubject(template, locale, data)).toBe(rendered.subject);
  });

  it.each(LOCALES)("sign-in carries the link and the code in HTML and text (%s)", async (locale) => {
    const url = "http://fashionhub.localhost:3000/api/auth/callback/email?token=t0k3n&email=lea%40example.test";
    const { rendered } = await renderStrict("sign-in", locale, { url, code: "739105", storeName: "Fashion Hub" });
    expect(rendered.html).toContain(`href="${url.replaceAll("&", "&amp;")}"`);
    expect(rendered.html).toContain("739105");
    expect(rendered.text).toContain(url);
    expect(rendered.text).toContain("739105");
    expect(rendered.subject).toContain("Fashion Hub");
    expect(rendered.text).toMatch(/24/);
  });

  it("sign-in speaks of Patron when no store is given, and of the store otherwise", async () => {
    const url = "http://localhost:3000/api/auth/callback/email?token=abc";
    const platform = await renderEmail("sign-in", "en", { url, code: "111111" });
    const store = await renderEmail("sign-in", "en", { url, code: "111111", storeName: "Bakery Schmit" });
    expect(platform.subject).toBe("Your Patron sign-in link");
    // Plain-text conversion upper-cases headings.
    expect(platform.text.toLowerCase()).toContain("sign in to patron");
    expect(store.subject).toBe("Your sign-in link for Bakery Schmit");
    expect(store.text.toLowerCase()).toContain("sign in to bakery schmit");
  });

  it("refuses data that does not fit the template", async () => {
    await expect(renderEmail("sign-in", "en", { url: "javascript:alert(1)", code: "1" })).rejects.toThrow();
    await expect(renderEmail("sign-in", "en", { url: "https://example.com" })).rejects.toThrow();
  });
});

describe("the email translator", () => {
  it("reports a missing key instead of passing silently", async () => {
    const { emailTranslator } = await import("./translator");
    const errors: string[] = [];
    const t = emailTranslator("lb", { onError: (e) => errors.push(e.code) });
    expect(t("signIn.doesNotExist" as never)).toContain("signIn.doesNotExist");
    expect(errors).toEqual(["MISSING_MESSAGE"]);
  });
});
