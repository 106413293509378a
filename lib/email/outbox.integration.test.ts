import { afterAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { db } from "@/lib/db";
import { stopBoss } from "@/lib/jobs/boss";
import { createTenant } from "@/tests/integration/fixtures";
import { enqueueEmail } from "./outbox";
import { sendJobsFor, signInData, uniqueEmail } from "@/tests/doubles/email";

afterAll(async () => {
  await stopBoss();
});

describe("enqueueEmail", () => {
  it("writes a QUEUED row with its subject, and one send job", async () => {
    const { merchant } = await createTenant();
    const { to, idempotencyKey } = uniqueEmail();
    const { id } = await enqueueEmail({ to, template: "sign-in", locale: "fr", data: signInData({ storeName: "Fashion Hub" }), merchantId: merchant.id, idempotencyKey });
    const row = await db.emailMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ to, template: "sign-in", locale: "fr", status: "QUEUED", attempts: 0, merchantId: merchant.id, idempotencyKey });
    expect(row.subject).toBe("Votre lien de connexion à Fashion Hub");
    const jobs = await sendJobsFor(id);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ state: "created", data: { messageId: id } });
  });

  it("joins the caller's transaction: a rollback leaves no row and no job", async () => {
    const { to, idempotencyKey } = uniqueEmail();
    let enqueuedId: string | undefined;
    await expect(
      db.$transaction(async (tx) => {
        enqueuedId = (await enqueueEmail({ to, template: "sign-in", locale: "en", data: signInData(), idempotencyKey }, tx)).id;
        // Inside the transaction both exist...
        expect(await tx.emailMessage.count({ where: { id: enqueuedId } })).toBe(1);
        throw new Error("business change failed");
      }),
    ).rejects.toThrow("business change failed");
    expect(enqueuedId).toBeDefined();
    expect(await db.emailMessage.count({ where: { idempotencyKey } })).toBe(0);
    expect(await sendJobsFor(enqueuedId!)).toEqual([]);
  });

  it("commits row and job together with the caller's transaction", async () => {
    const { to, idempotencyKey } = uniqueEmail();
    const { id } = await db.$transaction((tx) => enqueueEmail({ to, template: "sign-in", locale: "de", data: signInData(), idempotencyKey }, tx));
    expect(await db.emailMessage.count({ where: { id } })).toBe(1);
    expect(await sendJobsFor(id)).toHaveLength(1);
  });

  it("creates one row (and one job) for a repeated idempotency key", async () => {
    const { to, idempotencyKey } = uniqueEmail();
    const input = { to, template: "sign-in" as const, locale: "en" as const, data: signInData(), idempotencyKey };
    const first = await enqueueEmail(input);
    const second = await enqueueEmail(input);
    const third = await db.$transaction((tx) => enqueueEmail(input, tx));
    expect(second.id).toBe(first.id);
    expect(third.id).toBe(first.id);
    expect(await db.emailMessage.count({ where: { idempotencyKey } })).toBe(1);
    expect(await sendJobsFor(first.id)).toHaveLength(1);
  });

  it("keeps the caller's transaction usable when the key already exists", async () => {
    const { to, idempotencyKey } = uniqueEmail();
    const input = { to, template: "sign-in" as const, locale: "en" as const, data: signInData(), idempotencyKey };
    const first = await enqueueEmail(input);
    const count = await db.$transaction(async (tx) => {
      await enqueueEmail(input, tx);
      return tx.emailMessage.count({ where: { idempotencyKey } });
    });
    expect(count).toBe(1);
    expect((await enqueueEmail(input)).id).toBe(first.id);
  });

  it("creates one row when the same key is enqueued concurrently", async () => {
    const { to, idempotencyKey } = uniqueEmail();
    const input = { to, template: "sign-in" as const, locale: "en" as const, data: signInData(), idempotencyKey };
    const ids = await Promise.all(Array.from({ length: 5 }, () => enqueueEmail(input)));
    expect(new Set(ids.map((r) => r.id)).size).toBe(1);
    expect(await db.emailMessage.count({ where: { idempotencyKey } })).toBe(1);
  });

  it.each([
    ["a recipient that is not an email", { to: "not-an-email" }],
    ["a recipient longer than 254 characters", { to: `${"a".repeat(64)}@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(63)}.test` }],
    ["an unknown locale", { locale: "es" }],
    ["data without the code", { data: { url: "http://localhost:3000/x" } }],
    ["a link that is not http(s)", { data: { url: "javascript:alert(1)", code: "1" } }],
    ["an empty idempotency key", { idempotencyKey: "" }],
  ])("refuses %s and writes nothing", async (_label, override) => {
    const { to, idempotencyKey } = uniqueEmail();
    const input = { to, template: "sign-in", locale: "en", data: signInData(), idempotencyKey, ...override };
    await expect(enqueueEmail(input as never)).rejects.toBeInstanceOf(ZodError);
    expect(await db.emailMessage.count({ where: { idempotencyKey } })).toBe(0);
  });
});
