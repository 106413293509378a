import "server-only";
import { env } from "@/lib/env";
import { DEMO_MERCHANTS, DEMO_PASSWORD, DEMO_USERS } from "@/prisma/demo-data";
import { urlConfig } from "./request";
import { absoluteUrl } from "./urls";

export interface DemoDirectory {
  password: string;
  users: Array<{ key: (typeof DEMO_USERS)[number]["key"]; email: string; signInUrl: string }>;
  stores: Array<{ name: string; url: string }>;
}

/** The seeded demo accounts and storefronts, or null where they must not be advertised (production). */
export function loadDemoDirectory(): DemoDirectory | null {
  if (!env().showDemoAccounts) return null;
  const config = urlConfig();
  const stores = DEMO_MERCHANTS.flatMap((m) => m.stores);
  const fashionhub = stores.find((s) => s.slug === "fashionhub")!;
  return {
    password: DEMO_PASSWORD,
    users: DEMO_USERS.map((u) => ({
      key: u.key,
      email: u.email,
      signInUrl:
        u.key === "customer"
          ? absoluteUrl({ kind: "store", slug: fashionhub.slug, defaultLocale: fashionhub.defaultLocale }, "/sign-in", fashionhub.defaultLocale, config)
          : absoluteUrl({ kind: "platform" }, "/sign-in", "en", config),
    })),
    stores: stores.map((s) => ({
      name: s.name,
      url: absoluteUrl({ kind: "store", slug: s.slug, defaultLocale: s.defaultLocale }, "/", s.defaultLocale, config),
    })),
  };
}
