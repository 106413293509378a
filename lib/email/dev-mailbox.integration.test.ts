import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { startWorker, type RunningWorker } from "@/lib/worker/worker";
import { getEmailMessage, listEmailMessages } from "./data";
import { deliverEmail, requeueEmail } from "./mutations";
import { enqueueEmail } from "./outbox";
import { signInData, uniqueEmail, waitFor } from "@/tests/doubles/email";
import { createTenant } from "@/tests/integration/fixtures";

// No RESEND_API_KEY in this file: the environment of a new user's first run.
delete process.env.RESEND_API_KEY;

let worker: RunningWorker;

beforeAll(async () => {
  worker = await startWorker({ pollingIntervalSeconds: 0.5 });
});

afterAll(async () => {
  await worker.stop();
});

describe("without an email provider", () => {
  it("the worker keeps the message in the dev mailbox and sends nothing", async () => {
    const { to, idempotencyKey } = uniqueEmail("dev");
    const { id } = await enqueueEmail({ to, template: "sign-in", locale: "fr", data: signInData(), idempotencyKey });
    const row = await waitFor(async () => {
      const r = await db.emailMessage.findUniqueOrThrow({ where: { id } });
      return r.status === "DEV_MAILBOX" ? r : null;
    });
    expect(row).toMatchObject({ providerMessageId: null, sentAt: null, lastError: null });
    // Delivering again changes nothing.
    expect(await deliverEmail(id, { finalAttempt: false })).toEqual({ kind: "skipped", reason: "not-queued" });
  });

  it("send again puts a dev-mailbox message through the worker once more", async () => {
    const { to, idempotencyKey } = uniqueEmail("dev-again");
    const { id } = await enqueueEmail({ to, template: "sign-in", locale: "en", data: signInData(), idempotencyKey });
    await waitFor(async () => (await db.emailMessage.findUniqueOrThrow({ where: { id } })).status === "DEV_MAILBOX" || null);
    expect(await requeueEmail(id)).toEqual({ ok: true });
    await waitFor(async () => (await db.emailMessage.findUniqueOrThrow({ where: { id } })).status === "DEV_MAILBOX" || null);
  });
});

describe("the mailbox reads", () => {
  it("lists newest first with filters and pages, and reads one message", async () => {
    const { merchant } = await createTenant();
    const recipient = uniqueEmail("list").to;
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { id } = await enqueueEmail({
        to: recipient,
        template: "sign-in",
        locale: "en",
        data: signInData({ storeName: "List Store" }),
        merchantId: merchant.id,
        idempotencyKey: `list:${recipient}:${i}`,
      });
      ids.push(id);
    }
    const all = await listEmailMessages({ merchant: merchant.id, page: 1 }, 2);
    expect(all.total).toBe(3);
    expect(all.pageCount).toBe(2);
    expect(all.rows.map((r) => r.id)).toEqual([ids[2], ids[1]]);
    expect(all.rows[0]!.merchant).toEqual({ id: merchant.id, name: merchant.name });
    const second = await listEmailMessages({ merchant: merchant.id, page: 2 }, 2);
    expect(second.rows.map((r) => r.id)).toEqual([ids[0]]);

    const byRecipient = await listEmailMessages({ recipient: recipient.toUpperCase().slice(0, 12), page: 1 });
    expect(byRecipient.rows.every((r) => r.to.startsWith("list-"))).toBe(true);
    expect((await listEmailMessages({ recipient: "nobody-at-all@", page: 1 })).total).toBe(0);
    expect((await listEmailMessages({ merchant: merchant.id, status: "FAILED", page: 1 })).total).toBe(0);
    expect((await listEmailMessages({ merchant: merchant.id, template: "sign-in", page: 1 })).total).toBe(3);
    const noMerchant = await listEmailMessages({ merchant: "none", page: 1 });
    expect(noMerchant.rows.every((r) => r.merchant === null)).toBe(true);
    // A page past the end shows the last page.
    expect((await listEmailMessages({ merchant: merchant.id, page: 99 }, 2)).page).toBe(2);

    const detail = await getEmailMessage(ids[0]!);
    expect(detail).toMatchObject({ id: ids[0], to: recipient, template: "sign-in", locale: "en", idempotencyKey: `list:${recipient}:0` });
    expect(await getEmailMessage("missing")).toBeNull();
  });

  it("keeps a scheduled message queued until its time, and the outbox says when it goes", async () => {
    const recipient = uniqueEmail("later");
    const sendAfter = new Date(Date.now() + 3 * 24 * 3600 * 1000);
    const { id } = await enqueueEmail({ ...recipient, template: "sign-in", locale: "en", data: signInData(), sendAfter });
    const soon = uniqueEmail("soon");
    const now = await enqueueEmail({ ...soon, template: "sign-in", locale: "en", data: signInData() });
    // The worker delivers the one due now, not the scheduled one.
    await waitFor(async () => (await db.emailMessage.findUniqueOrThrow({ where: { id: now.id } })).status === "DEV_MAILBOX");
    expect(await db.emailMessage.findUniqueOrThrow({ where: { id }, select: { status: true, sendAfter: true } })).toEqual({ status: "QUEUED", sendAfter });
    expect((await listEmailMessages({ recipient: recipient.to, page: 1 })).rows).toMatchObject([{ id, sendAfter }]);
    expect(await getEmailMessage(id)).toMatchObject({ sendAfter });
    // "Send again" keeps it for its time too.
    expect(await requeueEmail(id)).toEqual({ ok: true });
    const jobs = await db.$queryRaw<{ start_after: Date }[]>`SELECT start_after FROM pgboss.job WHERE singleton_key = ${id}`;
    expect(jobs.length).toBeGreaterThan(0);
    expect(jobs.every((job) => job.start_after.getTime() === sendAfter.getTime())).toBe(true);
  });
});
