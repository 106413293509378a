/**
 * The seeded demo accounts and stores (prisma/demo-data.ts), read-only fixtures for specs that
 * need an existing merchant with several stores or members. Specs that change anything or fail
 * sign-ins on purpose use fresh tenants from `createTenant()` instead.
 */
import { DEMO_MERCHANTS, DEMO_PASSWORD, DEMO_USERS } from "../../prisma/demo-data";

export type DemoUserKey = (typeof DEMO_USERS)[number]["key"];

export interface Credentials {
  email: string;
  password: string;
}

/** Email and password of a demo user who has a password (everyone but the customer). */
export function demoCredentials(key: Exclude<DemoUserKey, "customer">): Credentials {
  const user = DEMO_USERS.find((u) => u.key === key);
  if (!user) throw new Error(`No demo user "${key}"`);
  return { email: user.email, password: DEMO_PASSWORD };
}

/** A demo merchant by name, with its stores. */
export function demoMerchant(name: string) {
  const merchant = DEMO_MERCHANTS.find((m) => m.name === name);
  if (!merchant) throw new Error(`No demo merchant "${name}"`);
  return merchant;
}
