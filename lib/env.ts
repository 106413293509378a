import "server-only";
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.string().url(),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  /** Host (and port) of the platform apex, e.g. "patron.example" or "localhost:3000". */
  PLATFORM_ROOT_DOMAIN: z.string().default("localhost:3000"),
  /** Scheme of every public URL the platform builds. */
  PLATFORM_PROTOCOL: z.enum(["http", "https"]).optional(),
  RESEND_API_KEY: z.string().optional(),
  EMAIL_FROM: z.string().default("Patron <no-reply@patron.localhost>"),
  /** Shows the demo accounts on the landing page. On by default outside production. */
  SHOW_DEMO_ACCOUNTS: z.enum(["true", "false"]).optional(),
  /**
   * Stripe: with both keys set payments go through Stripe Checkout; without, through the labelled
   * test provider outside production, and nowhere in production (paid checkouts are refused).
   */
  STRIPE_SECRET_KEY: z.string().min(1).optional(),
  STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
  /** Another Stripe API host (tests point the real SDK at a local fake API). */
  STRIPE_API_HOST: z.string().min(1).optional(),
  STRIPE_API_PORT: z.coerce.number().int().positive().optional(),
  STRIPE_API_PROTOCOL: z.enum(["http", "https"]).optional(),
  /** Root folder of uploaded files (product images, digital products), relative to the working directory. */
  STORAGE_DIR: z.string().min(1).default(".data/storage"),
  /** Connections in this process's database pool. */
  DATABASE_POOL_SIZE: z.coerce.number().int().positive().default(10),
  /** Counts the SQL statements sent through Prisma and serves the count (benchmarks only). */
  PATRON_COUNT_QUERIES: z.enum(["1", "0"]).optional(),
  /**
   * DNS servers that custom-domain verification asks ("1.1.1.1,8.8.8.8" or "127.0.0.1:5353");
   * the system's resolvers when unset. Tests point it at a DNS server of their own.
   */
  DNS_SERVERS: z.string().min(1).optional(),
  /** The host name merchants point their domain's CNAME at; "stores.<root domain>" when unset. */
  DOMAIN_CNAME_TARGET: z.string().min(1).optional(),
  /** The IPv4 address merchants point an apex domain's A record at; only CNAME is offered when unset. */
  DOMAIN_A_TARGET: z.ipv4().optional(),
  /**
   * A production build run by automated tests (the e2e suite, benchmarks): it keeps development's
   * fallbacks (demo data, the test payment provider, the dev mailbox). Refused unless the platform's
   * root domain is a local host, so a deployed platform can never run with it.
   */
  PATRON_TEST_MODE: z.enum(["1", "0"]).optional(),
  /** Integrations a production start accepts to run without, comma-separated (see OPTIONAL_INTEGRATIONS). */
  PATRON_ALLOW_MISSING: z.string().optional(),
  /** Set by `npm start` when it runs the embedded PostgreSQL because DATABASE_URL was not given. */
  PATRON_EMBEDDED_DATABASE: z.enum(["1", "0"]).optional(),
});

/** Integrations an operator may accept to run production without, by naming them in PATRON_ALLOW_MISSING. */
export const OPTIONAL_INTEGRATIONS = ["stripe", "resend", "database"] as const;
export type OptionalIntegration = (typeof OPTIONAL_INTEGRATIONS)[number];

export type Env = z.infer<typeof schema> & {
  PLATFORM_PROTOCOL: "http" | "https";
  showDemoAccounts: boolean;
  countQueries: boolean;
  /**
   * Strict production: NODE_ENV=production without PATRON_TEST_MODE. No demo data, no test
   * payments, no silent dev mailbox; every missing setting is named at start-up.
   */
  production: boolean;
};

let cached: Env | undefined;

/** The parsed environment; throws one readable error listing every missing or bad variable. */
export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const mode = runMode(e.NODE_ENV, e.PATRON_TEST_MODE, e.PLATFORM_ROOT_DOMAIN);
  if (mode.testModeRefused) throw new Error(`Invalid environment:\n  PATRON_TEST_MODE: ${TEST_MODE_REFUSED}`);
  cached = {
    ...e,
    PLATFORM_PROTOCOL: e.PLATFORM_PROTOCOL ?? (isLocalRootDomain(e.PLATFORM_ROOT_DOMAIN) ? "http" : "https"),
    showDemoAccounts: e.SHOW_DEMO_ACCOUNTS ? e.SHOW_DEMO_ACCOUNTS === "true" : e.NODE_ENV !== "production",
    countQueries: e.PATRON_COUNT_QUERIES === "1",
    production: mode.production,
  };
  return cached;
}

/** Forgets the parsed environment, so that the next env() reads process.env again (tests only). */
export function resetEnvForTests(): void {
  cached = undefined;
}

/**
 * Strict production (NODE_ENV=production without PATRON_TEST_MODE), and whether PATRON_TEST_MODE
 * must be refused (it is for automated tests on a local root domain only). One rule for env() and
 * the start-up checks.
 */
function runMode(nodeEnv: string | undefined, testModeValue: string | undefined, rootDomain: string): { production: boolean; testModeRefused: boolean } {
  const testMode = testModeValue === "1";
  return { production: nodeEnv === "production" && !testMode, testModeRefused: testMode && !isLocalRootDomain(rootDomain) };
}

function isLocalRootDomain(domain: string): boolean {
  return /^(localhost|127\.0\.0\.1)(:\d+)?$/.test(domain) || /\.localhost(:\d+)?$/.test(domain);
}

const TEST_MODE_REFUSED = "only for automated tests on a local root domain (PLATFORM_ROOT_DOMAIN=localhost:<port>); unset it.";

// --- Start-up checks ---

/** One setting a production start found missing or malformed. */
export interface SettingProblem {
  /** The variable(s), e.g. "AUTH_SECRET" or "STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET". */
  setting: string;
  reason: "missing" | "malformed";
  /** How to fix it, in one English sentence for the log. */
  hint: string;
  /** The integration whose absence the operator may accept; absent for settings that are always required. */
  integration?: OptionalIntegration;
}

export interface SettingsCheck {
  /** Whether the checks apply: strict production (see Env.production). Outside it both lists are empty. */
  production: boolean;
  /** What stops a production start: missing or malformed settings that were not accepted. */
  errors: SettingProblem[];
  /** Integrations missing on purpose (PATRON_ALLOW_MISSING): the platform runs without them, and says so. */
  accepted: SettingProblem[];
}

/** What running without each optional integration means, for the log and the operations page. */
export const WITHOUT_INTEGRATION: Record<OptionalIntegration, string> = {
  stripe: "no online payments: checkouts that need a payment are refused (free carts still complete)",
  resend: "emails are NOT sent: they stay in the outbox, which platform admins read in the admin area",
  database: "the embedded PostgreSQL in the data directory (.data/postgres): back it up yourself",
};

/** What a production value must look like, beyond being set. */
const productionFormat = {
  AUTH_SECRET: z.string().min(32),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\/[^\s]+$/),
  PLATFORM_ROOT_DOMAIN: z.string().regex(/^(?=.{1,253}(:|$))[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/),
  STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_(live|test)_[A-Za-z0-9]+$/),
  STRIPE_WEBHOOK_SECRET: z.string().regex(/^whsec_[A-Za-z0-9+/=_]+$/),
  RESEND_API_KEY: z.string().regex(/^re_[A-Za-z0-9_]+$/),
};
const wellFormed = (name: keyof typeof productionFormat, value: string) => productionFormat[name].safeParse(value).success;

function emailFromProblem(value: string): string | null {
  const match = /^(?:[^<>]*<([^<>\s]+)>|([^<>\s]+))$/.exec(value.trim());
  const address = match?.[1] ?? match?.[2];
  if (!address || !z.email().safeParse(address).success) return 'not an address: use "Name <no-reply@your-domain>" or "no-reply@your-domain"';
  if (/\.(localhost|test|invalid)$/i.test(address)) return "a placeholder domain: use a domain verified with Resend";
  return null;
}

/**
 * The start-up checks of a production start, from `source` (process.env by default), without
 * throwing: every missing or malformed setting at once. An optional integration that is missing
 * entirely (no key at all) goes to `accepted` when PATRON_ALLOW_MISSING names it; a malformed or
 * half-configured one is always an error. Outside strict production nothing is required.
 */
export function checkSettings(source: Record<string, string | undefined> = process.env): SettingsCheck {
  const value = (name: string) => {
    const v = source[name]?.trim();
    return v ? v : undefined;
  };
  const errors: SettingProblem[] = [];
  const accepted: SettingProblem[] = [];

  const rootDomain = value("PLATFORM_ROOT_DOMAIN");
  const { production, testModeRefused } = runMode(value("NODE_ENV"), value("PATRON_TEST_MODE"), rootDomain ?? "localhost:3000");
  if (testModeRefused) errors.push({ setting: "PATRON_TEST_MODE", reason: "malformed", hint: TEST_MODE_REFUSED });
  if (!production) return { production, errors, accepted };

  const allowed = new Set<string>();
  for (const name of (value("PATRON_ALLOW_MISSING") ?? "").split(",").map((s) => s.trim().toLowerCase()).filter(Boolean)) {
    if ((OPTIONAL_INTEGRATIONS as readonly string[]).includes(name)) allowed.add(name);
    else {
      errors.push({
        setting: "PATRON_ALLOW_MISSING",
        reason: "malformed",
        hint: `"${name}" is not an integration that may be missing (${OPTIONAL_INTEGRATIONS.join(", ")}).`,
      });
    }
  }
  const missing = (problem: Omit<SettingProblem, "reason">) => {
    const entry: SettingProblem = { ...problem, reason: "missing" };
    if (entry.integration && allowed.has(entry.integration)) accepted.push(entry);
    else errors.push(entry);
  };
  const malformed = (setting: string, hint: string) => errors.push({ setting, reason: "malformed", hint });

  const authSecret = value("AUTH_SECRET");
  if (!authSecret) missing({ setting: "AUTH_SECRET", hint: "signs sessions: generate one with `openssl rand -base64 33`." });
  else if (!wellFormed("AUTH_SECRET", authSecret)) malformed("AUTH_SECRET", "shorter than 32 characters: generate one with `openssl rand -base64 33`.");

  const databaseUrl = value("DATABASE_URL");
  if (!databaseUrl || value("PATRON_EMBEDDED_DATABASE") === "1") {
    missing({ setting: "DATABASE_URL", hint: "the PostgreSQL to use, postgresql://user:password@host:5432/patron.", integration: "database" });
  } else if (!wellFormed("DATABASE_URL", databaseUrl)) {
    malformed("DATABASE_URL", "not a PostgreSQL URL: postgresql://user:password@host:5432/patron.");
  }

  if (!rootDomain) missing({ setting: "PLATFORM_ROOT_DOMAIN", hint: "the platform's apex host, e.g. patron.example (stores live on <slug>.patron.example)." });
  else if (!wellFormed("PLATFORM_ROOT_DOMAIN", rootDomain)) malformed("PLATFORM_ROOT_DOMAIN", "a lowercase host name with an optional port, without scheme or path, e.g. patron.example.");

  const stripeSecret = value("STRIPE_SECRET_KEY");
  const stripeWebhook = value("STRIPE_WEBHOOK_SECRET");
  if (!stripeSecret && !stripeWebhook) {
    missing({
      setting: "STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET",
      hint: "Stripe's secret key (sk_live_…) and the webhook's signing secret (whsec_…) of https://<root domain>/api/webhooks/stripe.",
      integration: "stripe",
    });
  } else {
    if (!stripeSecret) malformed("STRIPE_SECRET_KEY", "missing while STRIPE_WEBHOOK_SECRET is set: Stripe needs both.");
    else if (!wellFormed("STRIPE_SECRET_KEY", stripeSecret)) malformed("STRIPE_SECRET_KEY", "not a Stripe secret key (sk_live_… or rk_live_…).");
    if (!stripeWebhook) malformed("STRIPE_WEBHOOK_SECRET", "missing while STRIPE_SECRET_KEY is set: Stripe needs both.");
    else if (!wellFormed("STRIPE_WEBHOOK_SECRET", stripeWebhook)) malformed("STRIPE_WEBHOOK_SECRET", "not a webhook signing secret (whsec_…).");
  }

  const resendKey = value("RESEND_API_KEY");
  const emailFrom = value("EMAIL_FROM");
  if (!resendKey) missing({ setting: "RESEND_API_KEY", hint: "Resend's API key (re_…), or no email leaves the platform.", integration: "resend" });
  else if (!wellFormed("RESEND_API_KEY", resendKey)) malformed("RESEND_API_KEY", "not a Resend API key (re_…).");
  // The sender matters only when emails are sent; a given one must be right all the same.
  if (!emailFrom) {
    if (resendKey || !allowed.has("resend")) {
      missing({ setting: "EMAIL_FROM", hint: 'the sender of every email, e.g. "Patron <no-reply@patron.example>".', integration: resendKey ? undefined : "resend" });
    }
  } else {
    const problem = emailFromProblem(emailFrom);
    if (problem) malformed("EMAIL_FROM", `${problem}.`);
  }

  return { production, errors, accepted };
}

/** The log's wording of a check: what stops the start, how to fix it, and what runs without what. */
export function describeSettingsCheck(check: SettingsCheck): string[] {
  const lines: string[] = [];
  if (check.errors.length > 0) {
    lines.push("Patron refuses to start in production. Fix these settings:");
    for (const p of check.errors) lines.push(`  ${p.setting}: ${p.reason}; ${p.hint}`);
    const optional = check.errors.filter((p) => p.integration && p.reason === "missing");
    if (optional.length > 0) {
      const names = [...new Set(optional.map((p) => p.integration!))];
      lines.push(
        `To run without ${names.join(", ").replace(/, ([^,]*)$/, " and $1")} on purpose, name ${names.length > 1 ? "them" : "it"} in PATRON_ALLOW_MISSING (e.g. PATRON_ALLOW_MISSING=${names.join(",")}):`,
      );
      for (const name of names) lines.push(`  ${name}: ${WITHOUT_INTEGRATION[name]}.`);
    }
  }
  for (const name of new Set(check.accepted.map((p) => p.integration!))) {
    lines.push(`WARNING: running without ${name} (PATRON_ALLOW_MISSING): ${WITHOUT_INTEGRATION[name]}.`);
  }
  return lines;
}
