/**
 * Security headers of every response. Pure module: the proxy (pages) and next.config.ts (API
 * routes, Next's assets, public files) both build their headers from it, so the policy lives here
 * and nowhere else.
 *
 * Content-Security-Policy, per kind of page:
 * - Pages rendered per request (the apex, the account and admin areas, cart, checkout, sign-in,
 *   terminal, ...): a fresh nonce per request, `script-src 'nonce-…' 'strict-dynamic'`. The
 *   proxy also puts the policy on the request, where Next reads the nonce and stamps it on every
 *   script it writes (its inline flight data and bootstrap included); scripts those load are
 *   trusted through 'strict-dynamic'. No inline script runs without the nonce.
 * - The cached storefront pages (home, /page/N, product pages; see lib/cache.ts)
 *   are rendered once and served to every visitor from Next's page cache, so they cannot carry a
 *   per-request nonce (a nonce forces dynamic rendering) and no nonce is handed to their render.
 *   Next 16 writes the page's data as inline `<script>self.__next_f.push(…)</script>` tags whose
 *   content differs per page and per render; its experimental Subresource Integrity option
 *   (`experimental.sri`) only adds `integrity` to the external chunk scripts and hashes none of
 *   those inline tags, so no hash list can be known when the header is sent. These pages get
 *   `script-src 'self' 'unsafe-inline'`: inline scripts are allowed there, and only there. The
 *   rest of the policy (object-src, base-uri, frame-ancestors, ...) is the same. What keeps them
 *   safe instead: they read nothing of the request (no reflected input), and React escapes every
 *   stored text they show.
 */

export const PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
/** The storefront's /terminal scans loyalty cards' QR codes with the device's camera. */
export const TERMINAL_PERMISSIONS_POLICY = "camera=(self), microphone=(), geolocation=(), payment=(), usb=()";
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";
export const REFERRER_POLICY = "strict-origin-when-cross-origin";

/** What the proxy knows of a page when it sets its headers. */
export interface PagePolicy {
  /** The per-request nonce; null on the cached storefront pages. */
  nonce: string | null;
  camera: boolean;
  https: boolean;
  /** Development: React's debugging needs eval. */
  dev: boolean;
}

function policy(directives: Array<[string, ...string[]]>): string {
  return directives.map((d) => d.join(" ")).join("; ");
}

/** The Content-Security-Policy of a page (see the module comment for the two script rules). */
export function pageContentSecurityPolicy({ nonce, https, dev }: Pick<PagePolicy, "nonce" | "https" | "dev">): string {
  const scripts: string[] = nonce ? [`'nonce-${nonce}'`, "'strict-dynamic'"] : ["'self'", "'unsafe-inline'"];
  if (dev) scripts.push("'unsafe-eval'");
  return policy([
    ["default-src", "'self'"],
    ["script-src", ...scripts],
    // React writes style attributes; a nonce here would disable 'unsafe-inline' for them.
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["media-src", "'self'", "blob:"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["frame-src", "'none'"],
    ["frame-ancestors", "'none'"],
    ...(https ? [["upgrade-insecure-requests"] as [string]] : []),
  ]);
}

/** Responses that are not pages (API routes, files): nothing in them may run or be framed. */
export const NON_PAGE_CONTENT_SECURITY_POLICY = policy([
  ["default-src", "'none'"],
  ["img-src", "'self'"],
  ["style-src", "'self'"],
  ["object-src", "'none'"],
  ["base-uri", "'none'"],
  ["frame-ancestors", "'none'"],
]);

/** The response headers of a page (the proxy sets them on every page it answers). */
export function pageSecurityHeaders(page: PagePolicy): Record<string, string> {
  return {
    "content-security-policy": pageContentSecurityPolicy(page),
    "permissions-policy": page.camera ? TERMINAL_PERMISSIONS_POLICY : PERMISSIONS_POLICY,
    "x-content-type-options": "nosniff",
    "referrer-policy": REFERRER_POLICY,
    ...(page.https ? { "strict-transport-security": STRICT_TRANSPORT_SECURITY } : {}),
  };
}

/** A nonce: 128 random bits, base64. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/**
 * Whether the request reached the platform over https: the reverse proxy in front of the app
 * says so in X-Forwarded-Proto (its first value is the client's side), or the operator declared
 * the platform https-only (PLATFORM_PROTOCOL=https). HSTS and Secure cookies follow this.
 */
export function isHttpsRequest(forwardedProto: string | null | undefined, platformProtocol: string | undefined): boolean {
  if (platformProtocol === "https") return true;
  return forwardedProto?.split(",")[0]?.trim().toLowerCase() === "https";
}

/**
 * The page an internal path (after the proxy's rewrite: `/<locale>/s/<store>/...` for
 * storefronts, `/<locale>/...` on the apex) renders, as far as its headers care: the cached
 * storefront pages (home, `/page/N`, `/p/<slug>`, the routes with `revalidate`) and the terminal.
 */
export function classifyInternalPath(pathname: string, storefrontSegment: string): { cached: boolean; terminal: boolean } {
  const segments = pathname.split("/").filter(Boolean);
  if (segments[1] !== storefrontSegment || segments.length < 3) return { cached: false, terminal: false };
  const tail = segments.slice(3);
  // Any /page/<x> or /p/<x> is served by the cached route files, whatever <x> is.
  const cached = tail.length === 0 || (tail.length === 2 && (tail[0] === "page" || tail[0] === "p"));
  return { cached, terminal: tail[0] === "terminal" };
}
