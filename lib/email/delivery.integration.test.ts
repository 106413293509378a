import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { stopBoss } from "@/lib/jobs/boss";
import { startWorker, type RunningWorker } from "@/lib/worker/worker";
import { deliverEmail, requeueEmail, requeueStaleEmails } from "./mutations";
import { enqueueEmail } from "./outbox";
import { startFakeResend } from "@/tests/doubles/fake-resend";
import { ageMessage, sendJobsFor, signInData, uniqueEmail, waitFor } from "@/tests/doubles/email";

// The real Resend SDK, configured the way production is (env), talks to a fake API server.
let fake: Awaited<ReturnType<typeof startFakeResend>>;

beforeAll(async () => {
  fake = await startFakeResend();
  process.env.RESEND_BASE_URL = fake.url;
  process.env.RESEND_API_KEY = "re_test_key";
  process.env.EMAIL_FROM = "Patron <no-reply@patron.test>";
});

beforeEach(() => fake.reset());

afterAll(async () => {
  await stopBoss();
  await fake.close();
  delete process.env.RESEND_BASE_URL;
  delete process.env.RESEND_API_KEY;
});

async function enqueueSignIn(locale: "en" | "fr" | "de" | "lb" = "en", storeName?: string) {
  const { to, idempotencyKey } = uniqueEmail("deliver");
  const data = signInData({ storeName });
  const { id } = await enqueueEmail({ to, template: "sign-in", locale, data, idempotencyKey });
  return { id, to, idempotencyKey, data };
}

describe("deliverEmail through Resend", () => {
  it("sends with the row's idempotency key, recipient and subject, and records SENT", async () => {
    const { id, to, idempotencyKey, data } = await enqueueSignIn("lb", "Bakery Schmit");
    const outcome = await deliverEmail(id, { finalAttempt: false });
    expect(outcome).toEqual({ kind: "sent", providerMessageId: "fake-1" });

    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request!.method).toBe("POST");
    expect(request!.path).toBe("/emails");
    expect(request!.headers["idempotency-key"]).toBe(idempotencyKey);
    expect(request!.headers.authorization).toBe("Bearer re_test_key");
    expect(request!.body).toMatchObject({ from: "Patron <no-reply@patron.test>", to, subject: "Ären Umeldungslink fir Bakery Schmit" });
    expect(request!.body.html).toContain(data.url.replaceAll("&", "&amp;"));
    expect(request!.body.text).toContain(data.code);

    const row = await db.emailMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "SENT", attempts: 1, providerMessageId: "fake-1", lastError: null });
    expect(row.sentAt).toBeInstanceOf(Date);
  });

  it("records each failure and succeeds on the third attempt", async () => {
    const { id, idempotencyKey } = await enqueueSignIn();
    fake.failNext(2);

    const first = await deliverEmail(id, { finalAttempt: false });
    expect(first).toMatchObject({ kind: "failed", final: false });
    let row = await db.emailMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "QUEUED", attempts: 1 });
    expect(row.lastError).toContain("fake outage 1");

    await deliverEmail(id, { finalAttempt: false });
    row = await db.emailMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "QUEUED", attempts: 2 });
    expect(row.lastError).toContain("fake outage 2");

    expect(await deliverEmail(id, { finalAttempt: false })).toMatchObject({ kind: "sent" });
    row = await db.emailMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "SENT", attempts: 3 });
    expect(row.sentAt).toBeInstanceOf(Date);
    // Every retry carried the same key, so Resend could never have sent it twice.
    expect(fake.requests.map((r) => r.headers["idempotency-key"])).toEqual([idempotencyKey, idempotencyKey, idempotencyKey]);
  });

  it("marks the message FAILED after the last attempt and keeps it", async () => {
    const { id } = await enqueueSignIn();
    fake.failNext(1, 503);
    expect(await deliverEmail(id, { finalAttempt: true })).toMatchObject({ kind: "failed", final: true });
    const row = await db.emailMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(row.lastError).toMatch(/503/);
  });

  it("does not send a message twice when two deliveries race", async () => {
    const { id } = await enqueueSignIn();
    const outcomes = await Promise.all([deliverEmail(id, { finalAttempt: false }), deliverEmail(id, { finalAttempt: false }), deliverEmail(id, { finalAttempt: false })]);
    expect(outcomes.filter((o) => o.kind === "sent")).toHaveLength(1);
    expect(outcomes.filter((o) => o.kind === "skipped")).toHaveLength(2);
    expect(fake.requests).toHaveLength(1);
    expect(await deliverEmail(id, { finalAttempt: false })).toEqual({ kind: "skipped", reason: "not-queued" });
    expect(fake.requests).toHaveLength(1);
  });

  it("skips a message that does not exist", async () => {
    expect(await deliverEmail("does-not-exist", { finalAttempt: false })).toEqual({ kind: "skipped", reason: "missing" });
  });

  it("sends again with a fresh idempotency key when an admin asks", async () => {
    const { id, idempotencyKey } = await enqueueSignIn();
    await deliverEmail(id, { finalAttempt: false });
    expect(await requeueEmail(id)).toEqual({ ok: true });
    expect((await db.emailMessage.findUniqueOrThrow({ where: { id } })).status).toBe("QUEUED");
    const resendJob = (await sendJobsFor(id)).find((j) => j.data.resendKey);
    expect(resendJob).toMatchObject({ priority: 10 });
    await deliverEmail(id, { finalAttempt: false, resendKey: resendJob!.data.resendKey });
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[1]!.headers["idempotency-key"]).toBe(`${idempotencyKey}:resend:${resendJob!.data.resendKey}`);
    expect(await db.emailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT", attempts: 2, providerMessageId: "fake-2" });
    expect(await requeueEmail("does-not-exist")).toEqual({ ok: false, reason: "not-found" });
  });
});

describe("the sweep", () => {
  it("re-enqueues QUEUED messages older than a minute that lost their job", async () => {
    const { id } = await enqueueSignIn();
    // A message whose job is gone (a crash, a purge) and that has waited for over a minute.
    await db.$executeRawUnsafe(`DELETE FROM pgboss.job WHERE singleton_key = $1`, id);
    await ageMessage(id, 120);
    // A recent one, and an old one that still has its job, are left alone.
    const recent = await enqueueSignIn();
    await db.$executeRawUnsafe(`DELETE FROM pgboss.job WHERE singleton_key = $1`, recent.id);
    const withJob = await enqueueSignIn();
    await ageMessage(withJob.id, 120);

    await requeueStaleEmails();
    expect(await sendJobsFor(id)).toHaveLength(1);
    expect(await sendJobsFor(recent.id)).toHaveLength(0);
    expect(await sendJobsFor(withJob.id)).toHaveLength(1);
    // Once it has a live job again, a second sweep does not add another.
    await requeueStaleEmails();
    expect(await sendJobsFor(id)).toHaveLength(1);
  });
});

describe("the worker", () => {
  let worker: RunningWorker;

  beforeAll(async () => {
    worker = await startWorker({ pollingIntervalSeconds: 0.5 });
  });

  afterAll(async () => {
    await worker.stop();
  });

  it("picks up a job from pg-boss and sends the message through Resend, a sign-in link before the backlog", async () => {
    // Other tests leave confirmations and refund notes queued; a sign-in link jumps that queue.
    const { id, to, idempotencyKey } = await enqueueSignIn("de");
    expect((await sendJobsFor(id)).map((j) => j.priority)).toEqual([10]);
    const row = await waitFor(async () => {
      const r = await db.emailMessage.findUniqueOrThrow({ where: { id } });
      return r.status === "SENT" ? r : null;
    });
    expect(row.attempts).toBe(1);
    const request = fake.requests.find((r) => r.body.to === to || (Array.isArray(r.body.to) && r.body.to.includes(to)));
    expect(request?.headers["idempotency-key"]).toBe(idempotencyKey);
    expect(request?.body.subject).toBe("Ihr Anmeldelink für Patron");
    await waitFor(async () => (await sendJobsFor(id)).every((j) => j.state === "completed") || null);
  });

  it("retries a failed send through pg-boss until it goes out", async () => {
    // The worker also sends whatever other tests left queued: the outage is this message's.
    const { to, idempotencyKey } = uniqueEmail("retry");
    fake.failNext(1, 500, { to });
    const { id } = await enqueueEmail({ to, template: "sign-in", locale: "en", data: signInData(), idempotencyKey });
    await waitFor(async () => {
      const r = await db.emailMessage.findUniqueOrThrow({ where: { id } });
      return r.attempts >= 1 || null;
    });
    await waitFor(async () => (await sendJobsFor(id)).some((j) => j.state === "retry") || null);
    // The retry waits for pg-boss's backoff (15 to 30 s); make it due now.
    await db.$executeRawUnsafe(`UPDATE pgboss.job SET start_after = now() WHERE singleton_key = $1 AND state = 'retry'`, id);
    const row = await waitFor(async () => {
      const r = await db.emailMessage.findUniqueOrThrow({ where: { id } });
      return r.status === "SENT" ? r : null;
    });
    expect(row.attempts).toBe(2);
    expect(row.lastError).toContain("fake outage 1");
  });

  it("marks the message FAILED when pg-boss's last retry fails", async () => {
    const { to, idempotencyKey } = uniqueEmail("last-retry");
    fake.failNext(1, 500, { to });
    // A job with no retries left: its first run is its last.
    const { id } = await db.$transaction(async (tx) => {
      const created = await enqueueEmail({ to, template: "sign-in", locale: "en", data: signInData(), idempotencyKey }, tx);
      await tx.$executeRawUnsafe(`UPDATE pgboss.job SET retry_limit = 0 WHERE singleton_key = $1`, created.id);
      return created;
    });
    const row = await waitFor(async () => {
      const r = await db.emailMessage.findUniqueOrThrow({ where: { id } });
      return r.status === "FAILED" ? r : null;
    });
    expect(row).toMatchObject({ attempts: 1 });
    expect(row.lastError).toContain("fake outage 1");
    await waitFor(async () => (await sendJobsFor(id)).every((j) => j.state === "failed") || null);
  });
});
