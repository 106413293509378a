import "server-only";
import { env } from "@/lib/env";
import { DEMO_MERCHANTS, DEMO_PASSWORD, DEMO_USERS } from "@/prisma/demo-data";
import { urlConfig } from "./request";
import { absoluteUrl, platformAddress, storeAddress } from "./urls";

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
          ? absoluteUrl(storeAddress(fashionhub, config), "/sign-in", fashionhub.defaultLocale, config)
          : absoluteUrl(platformAddress(config), "/sign-in", "en", config),
    })),
    stores: stores.map((s) => ({
      name: s.name,
      url: absoluteUrl(storeAddress(s, config), "/", s.defaultLocale, config),
    })),
  };
}
