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
  /** Stripe: with both keys set payments go through Stripe Checkout; without, through the labelled test provider. */
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
});

export type Env = z.infer<typeof schema> & { PLATFORM_PROTOCOL: "http" | "https"; showDemoAccounts: boolean; countQueries: boolean };

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
  const local = /^(localhost|127\.0\.0\.1)(:\d+)?$/.test(e.PLATFORM_ROOT_DOMAIN) || e.PLATFORM_ROOT_DOMAIN.endsWith(".localhost");
  cached = {
    ...e,
    PLATFORM_PROTOCOL: e.PLATFORM_PROTOCOL ?? (local ? "http" : "https"),
    showDemoAccounts: e.SHOW_DEMO_ACCOUNTS ? e.SHOW_DEMO_ACCOUNTS === "true" : e.NODE_ENV !== "production",
    countQueries: e.PATRON_COUNT_QUERIES === "1",
  };
  return cached;
}
