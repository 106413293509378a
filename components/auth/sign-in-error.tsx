import { getTranslations } from "next-intl/server";

/** Why a sign-in failed, from the error page's query (Auth.js error types and our rate limit). */
export async function SignInErrorMessage({ error, minutes }: { error?: string; minutes?: string }) {
  const t = await getTranslations();
  const wait = Number.parseInt(minutes ?? "", 10);
  let message: string;
  if (error === "RateLimited") message = t("Errors.rateLimited", { minutes: Number.isFinite(wait) && wait > 0 ? wait : 15 });
  else if (error === "Verification") message = t("Auth.error.Verification");
  else if (error === "AccessDenied") message = t("Auth.error.AccessDenied");
  else message = t("Auth.error.default");
  return (
    <p role="alert" className="text-slate-700">
      {message}
    </p>
  );
}
