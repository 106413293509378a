import { getLocale } from "next-intl/server";
import { AccessDenied } from "@/components/auth/access-denied";
import { loadSession } from "@/lib/auth/loaders";
import { isLocale, PLATFORM_DEFAULT_LOCALE } from "@/lib/locales";

// 403 for a signed-in user without the right, inside the area's frame.
export default async function Forbidden() {
  const locale = await getLocale();
  const user = await loadSession();
  return <AccessDenied locale={isLocale(locale) ? locale : PLATFORM_DEFAULT_LOCALE} email={user?.email ?? ""} reason="admin" />;
}
