import { describe, expect, it } from "vitest";
import { isPublicAuthEndpoint } from "./endpoints";

describe("isPublicAuthEndpoint", () => {
  it.each([
    ["GET", "/api/auth/session", true],
    ["GET", "/api/auth/csrf", true],
    ["GET", "/api/auth/callback/email", true],
    ["POST", "/api/auth/signout", true],
    // sign-in goes through the app's forms only
    ["POST", "/api/auth/signin/email", false],
    ["POST", "/api/auth/callback/credentials", false],
    ["GET", "/api/auth/callback/credentials", false],
    ["POST", "/api/auth/callback/email", false],
    ["GET", "/api/auth/signin/email", false],
    // Auth.js's built-in pages: the app serves translated ones
    ["GET", "/api/auth/signout", false],
    ["GET", "/api/auth/signin", false],
    ["GET", "/api/auth/error", false],
    ["GET", "/api/auth/verify-request", false],
    // anything else
    ["PUT", "/api/auth/session", false],
    ["GET", "/api/auth/session/extra", false],
    ["GET", "/api/auth/callback/email/x", false],
    ["GET", "/api/other", false],
    ["GET", "/api/auth", false],
  ])("%s %s -> %s", (method, path, expected) => {
    expect(isPublicAuthEndpoint(method, path)).toBe(expected);
  });
});
