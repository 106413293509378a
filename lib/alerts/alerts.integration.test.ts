import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { discardEmails } from "@/tests/doubles/email";
import { createUser } from "@/tests/integration/fixtures";
import { alertEmailFailed, alertWorkerHeartbeatStale, countTowardAlert, raiseAlert } from "./mutations";

let admins: string[];
let since: Date;
const fileStart = new Date();

beforeAll(async () => {
  const tag = randomUUID().slice(0, 8);
  admins = [`alert-a-${tag}@example.test`, `alert-b-${tag}@example.test`];
  for (const email of admins) await createUser(email, { isPlatformAdmin: true });
  await createUser(`not-admin-${tag}@example.test`);
});

afterAll(async () => {
  // Alerts go to every platform admin in the database: leave no send jobs for a later file's worker to work through.
  await discardEmails(["platform-alert"], fileStart);
});

beforeEach(async () => {
  // The throttle is platform-wide: each test starts its kinds' hour afresh.
  await db.alertState.deleteMany({});
  since = new Date();
});

async function alertsOf(kind: string) {
  const rows = await db.emailMessage.findMany({ where: { template: "platform-alert", to: { in: admins }, createdAt: { gte: since } }, select: { to: true, data: true, subject: true } });
  return rows.filter((r) => (r.data as { kind: string }).kind === kind);
}

describe("alert throttle", () => {
  it("two alerts of one kind within the hour make one email per admin; another kind is not held back", async () => {
    expect(await raiseAlert("email-failed", "first")).toMatchObject({ sent: true });
    expect(await raiseAlert("email-failed", "second")).toEqual({ sent: false });
    const sent = await alertsOf("email-failed");
    expect(sent.map((s) => s.to).sort()).toEqual([...admins].sort());
    expect(sent.every((s) => (s.data as { detail: string }).detail === "first")).toBe(true);
    expect(sent[0]!.subject).toBe("Patron alert: an email could not be delivered");

    expect(await raiseAlert("payment-issue-opened")).toMatchObject({ sent: true });
  });

  it("processes raising one kind at the same moment send it once", async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => raiseAlert("webhook-signature-failures")));
    expect(results.filter((r) => r.sent)).toHaveLength(1);
    expect(await alertsOf("webhook-signature-failures")).toHaveLength(admins.length);
  });

  it("an hour later the kind alerts again", async () => {
    expect(await alertWorkerHeartbeatStale({ lastBeatAt: new Date("2026-12-07T10:00:00Z") })).toMatchObject({ sent: true });
    expect(await alertWorkerHeartbeatStale({ lastBeatAt: null })).toEqual({ sent: false });
    await db.alertState.update({ where: { kind: "worker-heartbeat-stale" }, data: { lastSentAt: new Date(Date.now() - 61 * 60_000) } });
    expect(await alertWorkerHeartbeatStale({ lastBeatAt: null })).toMatchObject({ sent: true });
    const details = (await alertsOf("worker-heartbeat-stale")).map((a) => (a.data as { detail: string }).detail);
    expect(details.filter((d) => d === "last heartbeat 2026-12-07T10:00:00.000Z")).toHaveLength(admins.length);
    expect(details.filter((d) => d === "no heartbeat recorded")).toHaveLength(admins.length);
  });

  it("an alert raised in a transaction that rolls back leaves neither the email nor the claimed hour", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await raiseAlert("email-failed", "rolled back", tx);
        throw new Error("the caller's change failed");
      }),
    ).rejects.toThrow("the caller's change failed");
    expect(await alertsOf("email-failed")).toHaveLength(0);
    expect(await raiseAlert("email-failed")).toMatchObject({ sent: true });
  });

  it("counted occurrences alert once the threshold falls within one window", async () => {
    const options = { threshold: 3, windowSeconds: 600 };
    expect((await countTowardAlert("webhook-signature-failures", options)).alert).toEqual({ sent: false });
    expect((await countTowardAlert("webhook-signature-failures", options)).alert).toEqual({ sent: false });
    // The window is over: counting starts again.
    await db.alertState.update({ where: { kind: "webhook-signature-failures" }, data: { windowStart: new Date(Date.now() - 601_000) } });
    expect(await countTowardAlert("webhook-signature-failures", options)).toEqual({ count: 1, alert: { sent: false } });
    await countTowardAlert("webhook-signature-failures", options);
    expect(await countTowardAlert("webhook-signature-failures", options)).toMatchObject({ count: 3, alert: { sent: true } });
  });

  it("an email failed for good alerts, unless it is an alert itself", async () => {
    const failed = (template: string) =>
      db.emailMessage.create({
        data: { to: "someone@example.test", template, locale: "en", data: {}, subject: "s", status: "FAILED", lastError: "422 invalid recipient", idempotencyKey: randomUUID() },
        select: { id: true },
      });
    const alertMessage = await failed("platform-alert");
    expect(await alertEmailFailed(alertMessage.id)).toEqual({ sent: false });
    const signIn = await failed("sign-in");
    expect(await alertEmailFailed(signIn.id)).toMatchObject({ sent: true });
    expect((await alertsOf("email-failed"))[0]!.data).toMatchObject({ detail: expect.stringContaining("422 invalid recipient") });
  });
});
