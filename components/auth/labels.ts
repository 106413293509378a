import { getTranslations } from "next-intl/server";

/**
 * The text of the sign-in forms, translated on the server and passed to them as plain strings:
 * sign-in pages ship no message catalog or formatter to the browser. Refusals come translated
 * from the actions.
 */

export interface EmailSignInLabels {
  email: string;
  submit: string;
  pending: string;
}

export interface CodeSignInLabels {
  email: string;
  code: string;
  codeHint: string;
  submit: string;
  pending: string;
}

export interface ApexSignInLabels {
  email: string;
  password: string;
  submit: string;
  pending: string;
  or: string;
  linkTitle: string;
  linkLead: string;
  linkSubmit: string;
  linkPending: string;
}

/** The storefront's email form; its button says what the store's page says. */
export async function emailSignInLabels(buttons: { submit: string; pending: string }): Promise<EmailSignInLabels> {
  const t = await getTranslations("Auth.signIn");
  return { email: t("email"), ...buttons };
}

export async function codeSignInLabels(): Promise<CodeSignInLabels> {
  const [t, s] = await Promise.all([getTranslations("Auth.checkEmail"), getTranslations("Auth.signIn")]);
  return {
    email: s("email"),
    code: t("code"),
    codeHint: t("codeHint"),
    submit: t("submit"),
    pending: t("pending"),
  };
}

export async function apexSignInLabels(): Promise<ApexSignInLabels> {
  const t = await getTranslations("Auth.signIn");
  return {
    email: t("email"),
    password: t("password"),
    submit: t("submit"),
    pending: t("pending"),
    or: t("or"),
    linkTitle: t("linkTitle"),
    linkLead: t("linkLead"),
    linkSubmit: t("linkSubmit"),
    linkPending: t("linkPending"),
  };
}
