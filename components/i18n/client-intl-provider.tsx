import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { CLIENT_NAMESPACES, pickMessages } from "@/lib/i18n/client-messages";

/**
 * Messages for client components that translate themselves (useTranslations), with next-intl's
 * client runtime. Only the account and admin areas render it: storefront and apex pages pass
 * their client components translated strings, so their pages ship neither.
 */
export async function ClientIntlProvider({ children }: { children: React.ReactNode }) {
  const messages = pickMessages(await getMessages(), CLIENT_NAMESPACES);
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}
