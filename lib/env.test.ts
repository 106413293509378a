import { describe, expect, it } from "vitest";
import { checkSettings, describeSettingsCheck } from "./env";

const COMPLETE = {
  NODE_ENV: "production",
  AUTH_SECRET: "x".repeat(44),
  DATABASE_URL: "postgresql://patron:secret@db.internal:5432/patron",
  PLATFORM_ROOT_DOMAIN: "patron.example",
  STRIPE_SECRET_KEY: "sk_live_51AbCdEf",
  STRIPE_WEBHOOK_SECRET: "whsec_AbCdEf123",
  RESEND_API_KEY: "re_AbCd_123",
  EMAIL_FROM: "Patron <no-reply@patron.example>",
};

const errorsOf = (source: Record<string, string | undefined>) => checkSettings(source).errors.map((p) => `${p.setting}: ${p.reason}`);

describe("checkSettings", () => {
  it("asks nothing outside production: development and tests stay generous", () => {
    expect(checkSettings({})).toEqual({ production: false, errors: [], accepted: [] });
    expect(checkSettings({ NODE_ENV: "test" })).toEqual({ production: false, errors: [], accepted: [] });
  });

  it("accepts a complete production environment", () => {
    expect(checkSettings(COMPLETE)).toEqual({ production: true, errors: [], accepted: [] });
  });

  it("lists every missing setting of an empty production environment at once", () => {
    expect(errorsOf({ NODE_ENV: "production" })).toEqual([
      "AUTH_SECRET: missing",
      "DATABASE_URL: missing",
      "PLATFORM_ROOT_DOMAIN: missing",
      "STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET: missing",
      "RESEND_API_KEY: missing",
      "EMAIL_FROM: missing",
    ]);
  });

  it.each([
    ["AUTH_SECRET", "short", "AUTH_SECRET: malformed"],
    ["DATABASE_URL", "mysql://db/patron", "DATABASE_URL: malformed"],
    ["PLATFORM_ROOT_DOMAIN", "https://patron.example", "PLATFORM_ROOT_DOMAIN: malformed"],
    ["PLATFORM_ROOT_DOMAIN", "Patron.Example", "PLATFORM_ROOT_DOMAIN: malformed"],
    ["STRIPE_SECRET_KEY", "pk_live_123", "STRIPE_SECRET_KEY: malformed"],
    ["STRIPE_SECRET_KEY", undefined, "STRIPE_SECRET_KEY: malformed"],
    ["STRIPE_WEBHOOK_SECRET", "secret", "STRIPE_WEBHOOK_SECRET: malformed"],
    ["RESEND_API_KEY", "key-123", "RESEND_API_KEY: malformed"],
    ["EMAIL_FROM", "Patron", "EMAIL_FROM: malformed"],
    ["EMAIL_FROM", "Patron <no-reply@patron.localhost>", "EMAIL_FROM: malformed"],
    ["EMAIL_FROM", undefined, "EMAIL_FROM: missing"],
    ["PATRON_ALLOW_MISSING", "strpe", "PATRON_ALLOW_MISSING: malformed"],
  ])("%s=%s is refused", (name, value, expected) => {
    expect(errorsOf({ ...COMPLETE, [name]: value })).toEqual([expected]);
  });

  it("runs without the integrations the operator names, and says what that means", () => {
    const check = checkSettings({
      ...COMPLETE,
      STRIPE_SECRET_KEY: undefined,
      STRIPE_WEBHOOK_SECRET: undefined,
      RESEND_API_KEY: undefined,
      EMAIL_FROM: undefined,
      PATRON_ALLOW_MISSING: " Stripe, resend ",
    });
    expect(check.errors).toEqual([]);
    expect(check.accepted.map((p) => p.integration)).toEqual(["stripe", "resend"]);
    const log = describeSettingsCheck(check).join("\n");
    expect(log).toContain("WARNING: running without stripe");
    expect(log).toContain("WARNING: running without resend (PATRON_ALLOW_MISSING): emails are NOT sent");
  });

  it("never accepts a malformed or half-configured integration, nor a missing secret", () => {
    const allowAll = { PATRON_ALLOW_MISSING: "stripe,resend,database" };
    expect(errorsOf({ ...COMPLETE, ...allowAll, STRIPE_WEBHOOK_SECRET: undefined })).toEqual(["STRIPE_WEBHOOK_SECRET: malformed"]);
    expect(errorsOf({ ...COMPLETE, ...allowAll, RESEND_API_KEY: "nope" })).toEqual(["RESEND_API_KEY: malformed"]);
    expect(errorsOf({ ...COMPLETE, ...allowAll, AUTH_SECRET: undefined })).toEqual(["AUTH_SECRET: missing"]);
  });

  it("names the embedded database as a missing DATABASE_URL, accepted only on purpose", () => {
    const embedded = { ...COMPLETE, DATABASE_URL: "postgresql://postgres:postgres@127.0.0.1:5433/patron", PATRON_EMBEDDED_DATABASE: "1" };
    expect(errorsOf(embedded)).toEqual(["DATABASE_URL: missing"]);
    expect(checkSettings({ ...embedded, PATRON_ALLOW_MISSING: "database" }).accepted.map((p) => p.setting)).toEqual(["DATABASE_URL"]);
  });

  it("tells how to fix a refusal, and how to accept what may be missing", () => {
    const log = describeSettingsCheck(checkSettings({ NODE_ENV: "production" })).join("\n");
    expect(log).toMatch(/^Patron refuses to start in production/);
    expect(log).toContain("AUTH_SECRET: missing; signs sessions");
    expect(log).toContain("PATRON_ALLOW_MISSING=database,stripe,resend");
  });

  it("allows the test mode of automated runs on a local root domain only", () => {
    expect(checkSettings({ NODE_ENV: "production", PATRON_TEST_MODE: "1", PLATFORM_ROOT_DOMAIN: "localhost:3601" })).toEqual({
      production: false,
      errors: [],
      accepted: [],
    });
    expect(errorsOf({ ...COMPLETE, PATRON_TEST_MODE: "1" })).toEqual(["PATRON_TEST_MODE: malformed"]);
  });
});
