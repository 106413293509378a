/** Auth.js's endpoints as this app serves them. Pure module. */

export const AUTH_BASE_PATH = "/api/auth";

/**
 * Which Auth.js endpoints the browser may reach directly. Sign-in itself goes through the app's
 * forms (server actions), which validate and rate-limit before calling Auth.js; posting to
 * Auth.js's own sign-in and credentials endpoints would skip that, so they are not served.
 * The email callback (links and codes) is served, behind its own rate limit.
 */
export function isPublicAuthEndpoint(method: string, pathname: string): boolean {
  if (!pathname.startsWith(`${AUTH_BASE_PATH}/`)) return false;
  const [action, provider, ...rest] = pathname.slice(AUTH_BASE_PATH.length + 1).split("/");
  if (rest.length > 0) return false;
  if (method === "GET") {
    if (action === "callback") return provider === "email";
    // Auth.js's own pages (signin, signout, error, verify-request) are untranslated; the app has its own.
    return !provider && ["session", "csrf", "providers"].includes(action ?? "");
  }
  if (method === "POST") return !provider && (action === "signout" || action === "session");
  return false;
}
