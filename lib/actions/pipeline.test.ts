import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";

const invalidated: string[][] = [];
vi.mock("@/lib/cache", () => ({ invalidate: async (tags: string[]) => void invalidated.push([...tags]) }));
const redirects: string[] = [];
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    redirects.push(to);
    throw Object.assign(new Error("NEXT_REDIRECT"), { digest: `NEXT_REDIRECT;${to}` });
  },
  unstable_rethrow: (error: unknown) => {
    if (error instanceof Error && "digest" in error) throw error;
  },
}));

vi.mock("next-intl/server", () => ({
  // The request's translator: the key and its placeholders, so the tests see what was asked for.
  getTranslations: async () => (key: string, params?: Record<string, unknown>) => (params ? `${key} ${JSON.stringify(params)}` : `t:${key}`),
}));

const { actionClient, fail, failFields, formEntries, hasMessage, ok } = await import("./pipeline");
const { AppError, ERROR_CODES } = await import("@/lib/errors");
const { IDLE } = await import("./form-state");

const schema = z.object({ name: z.string().min(1, "required").max(5, "tooLong"), password: z.string().optional() });
const client = actionClient<[merchantId: string], { merchantId: string }>(1, async (merchantId) => {
  if (merchantId === "other") throw new AppError("NOT_FOUND");
  return { merchantId };
});

function form(entries: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.append(k, v);
  return data;
}

beforeEach(() => {
  invalidated.length = 0;
  redirects.length = 0;
});

describe("the action pipeline", () => {
  it("returns the handler's data, with the context the client resolved, and invalidates after it", async () => {
    const action = client({
      schema,
      messages: "StoreSettings.errors",
      handler: async (input, ctx) => ok({ greeting: `${input.name}@${ctx.merchantId}` }, { invalidate: ["account:m1", "admin"] }),
    });
    expect(await action("m1", IDLE, form({ name: "Léa" }))).toEqual({ status: "ok", data: { greeting: "Léa@m1" } });
    expect(invalidated).toEqual([["account:m1", "admin"]]);
  });

  it("accepts a plain object as input, as client components call it", async () => {
    const action = client({ schema, messages: "StoreSettings.errors", handler: async (input) => ok(input.name) });
    expect(await action("m1", IDLE, { name: "Jos" })).toEqual({ status: "ok", data: "Jos" });
  });

  it("turns zod issues into field errors under the action's namespace, echoes what was typed but no secret, and runs nothing", async () => {
    const handler = vi.fn(async () => ok());
    const action = client({ schema, messages: "StoreSettings.errors", handler });
    const state = await action("m1", IDLE, form({ name: "far too long", password: "hunter22" }));
    expect(state).toEqual({
      status: "error",
      fieldErrors: { name: { key: "StoreSettings.errors.tooLong", message: "t:StoreSettings.errors.tooLong" } },
      values: { name: "far too long" },
    });
    expect(handler).not.toHaveBeenCalled();
    expect(invalidated).toEqual([]);
  });

  it("echoes a field named like a secret when the action says it is none (a coupon's code)", async () => {
    const codeSchema = z.object({ code: z.string().max(3, "tooLong") });
    const typed = form({ code: "SUMMER", password: "hunter22" });
    const hidden = client({ schema: codeSchema, messages: "StoreSettings.errors", handler: async () => ok() });
    expect(await hidden("m1", IDLE, typed)).toMatchObject({ status: "error", values: {} });
    const shown = client({ schema: codeSchema, messages: "StoreSettings.errors", echo: ["code"], handler: async () => ok() });
    expect(await shown("m1", IDLE, typed)).toMatchObject({ status: "error", values: { code: "SUMMER" } });
    expect((await shown("m1", IDLE, typed)).values).not.toHaveProperty("password");
  });

  it("fills the placeholders of the schema's issue messages from the context, when the definition names them", async () => {
    const dated = z.object({ birthday: z.string().regex(/^\d\d\.\d\d\.\d{4}$/, "invalidDate") });
    const action = client({ schema: dated, messages: "Loyalty.errors", messageParams: (ctx) => ({ format: `DD.MM.YYYY@${ctx.merchantId}` }), handler: async () => ok() });
    expect(await action("m1", IDLE, { birthday: "1990-11-22" })).toEqual({
      status: "error",
      fieldErrors: { birthday: { key: "Loyalty.errors.invalidDate", message: 'Loyalty.errors.invalidDate {"format":"DD.MM.YYYY@m1"}' } },
    });
  });

  it("adds the definition's form-level refusal to the schema's field errors when it names one", async () => {
    const action = client({ schema, messages: "StoreSettings.errors", invalid: "Errors.BAD_INPUT", handler: async () => ok() });
    expect(await action("m1", IDLE, { name: "" })).toEqual({
      status: "error",
      error: { key: "Errors.BAD_INPUT", message: "t:Errors.BAD_INPUT" },
      fieldErrors: { name: { key: "StoreSettings.errors.required", message: "t:StoreSettings.errors.required" } },
    });
  });

  it("maps an AppError to its Errors.<code> text", async () => {
    const action = client({ schema, messages: "StoreSettings.errors", handler: async () => ok() });
    expect(await action("other", IDLE, { name: "x" })).toEqual({ status: "error", error: { key: "Errors.NOT_FOUND", message: "t:Errors.NOT_FOUND" } });
  });

  it("returns a refusal with its key and its text with placeholders filled, and invalidates nothing", async () => {
    const action = client({ schema, messages: "StoreSettings.errors", handler: async () => fail("Errors.RATE_LIMITED", { minutes: 3 }) });
    expect(await action("m1", IDLE, { name: "x" })).toEqual({ status: "error", error: { key: "Errors.RATE_LIMITED", message: 'Errors.RATE_LIMITED {"minutes":3}' } });
    const fields = client({ schema, messages: "StoreSettings.errors", handler: async () => failFields({ name: "StoreSettings.errors.tooLong" }) });
    expect(await fields("m1", IDLE, { name: "x" })).toMatchObject({ status: "error", fieldErrors: { name: { key: "StoreSettings.errors.tooLong" } } });
    expect(invalidated).toEqual([]);
  });

  it("refuses a message key that the catalogue lacks, so a typo cannot reach a form as raw text", async () => {
    const action = client({ schema, messages: "No.such.namespace", handler: async () => ok() });
    await expect(action("m1", IDLE, { name: "" })).rejects.toThrow('No message "No.such.namespace.required"');
  });

  it("redirects after invalidating, and passes Next's redirect through", async () => {
    const action = client({ schema, messages: "StoreSettings.errors", handler: async () => ok(undefined, { invalidate: ["store:s1"], redirectTo: "/fr/done" }) });
    await expect(action("m1", IDLE, { name: "x" })).rejects.toThrow("NEXT_REDIRECT");
    expect(invalidated).toEqual([["store:s1"]]);
    expect(redirects).toEqual(["/fr/done"]);
  });

  it("rethrows what is not an AppError (the error page, not a form message)", async () => {
    const action = client({ schema, messages: "StoreSettings.errors", handler: async () => { throw new TypeError("bug"); } });
    await expect(action("m1", IDLE, { name: "x" })).rejects.toThrow("bug");
  });

  it("reads a FormData one value per name, several as a list", () => {
    const data = form({ a: "1" });
    data.append("tags", "x");
    data.append("tags", "y");
    data.append("$ACTION_ID_abc", "");
    expect(formEntries(data)).toEqual({ a: "1", tags: ["x", "y"] });
  });
});

describe("error keys", () => {
  it("every AppError code has its text in every catalogue", async () => {
    for (const locale of ["en", "fr", "de", "lb"]) {
      const messages = (await import(`@/messages/${locale}.json`)).default as { Errors: Record<string, unknown> };
      for (const code of ERROR_CODES) expect(typeof messages.Errors[code], `${locale} Errors.${code}`).toBe("string");
    }
    expect(hasMessage("Errors.NOT_FOUND")).toBe(true);
    expect(hasMessage("Errors")).toBe(false);
  });
});
