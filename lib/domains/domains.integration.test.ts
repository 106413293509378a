import dns2 from "dns2";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeRateLimitPool } from "@/lib/auth/rate-limit";
import { testRequest } from "@/tests/doubles/auth";
import { IDLE } from "@/lib/actions/form-state";
import { db } from "@/lib/db";
import { findStoreRoutingByDomain } from "@/lib/tenancy/data";
import { form, memberOf as member, outcome, passwordUser as person, actAs as signedInAs } from "@/tests/integration/actors";
import { createTenant } from "@/tests/integration/fixtures";
import { invalidatedTags } from "@/tests/integration/next-cache-stub";
import { addDomainAction, recheckDomainAction, removeDomainAction, verifyDomainAction } from "./actions";

vi.mock("@/lib/auth/index", () => import("@/tests/doubles/auth"));
vi.mock("next/headers", async () => {
  const { testHeaders } = await import("@/tests/doubles/auth");
  return { headers: async () => testHeaders() };
});
vi.mock("next/navigation", async () => (await import("@/tests/doubles/next-navigation")).navigationMock);
// Actions translate their refusals: keys stand in for the texts.
vi.mock("next-intl/server", () => ({ getLocale: async () => "en", getTranslations: async () => (key: string) => key }));

// A real DNS server on 127.0.0.1 answering from `zone`, which each test edits like a merchant
// editing records at their DNS provider. The app's resolver is pointed at it through DNS_SERVERS.
const zone = new Map<string, { txt?: string[]; cname?: string; a?: string[] }>();
const queries: string[] = [];
const { Packet } = dns2;
// dns2 encodes plain record objects; its typings ask for a toBuffer that answers never need.
function answer(record: { name: string; type: number; class: number; ttl: number; data?: string; domain?: string; address?: string }) {
  return record as typeof record & { toBuffer: () => Buffer };
}
const server = dns2.createServer({
  udp: true,
  handle: (request, send) => {
    const response = Packet.createResponseFromRequest(request);
    const question = request.questions[0]!;
    const name = question.name.toLowerCase();
    queries.push(`${question.type}:${name}`);
    const records = zone.get(name);
    const base = { name: question.name, class: Packet.CLASS.IN, ttl: 1 };
    if (records?.txt && question.type === Packet.TYPE.TXT) for (const data of records.txt) response.answers.push(answer({ ...base, type: Packet.TYPE.TXT, data }));
    if (records?.cname && question.type === Packet.TYPE.CNAME) response.answers.push(answer({ ...base, type: Packet.TYPE.CNAME, domain: records.cname }));
    if (records?.a && question.type === Packet.TYPE.A) for (const address of records.a) response.answers.push(answer({ ...base, type: Packet.TYPE.A, address }));
    send(response);
  },
});
await server.listen({ udp: { port: 0, address: "127.0.0.1" } });
process.env.DNS_SERVERS = `127.0.0.1:${(server.addresses() as { udp: { port: number } }).udp.port}`;
process.env.DOMAIN_A_TARGET = "203.0.113.7";

afterAll(async () => {
  await server.close();
  await closeRateLimitPool();
});
beforeEach(() => {
  testRequest.host = "localhost:3000";
  testRequest.cookie = "";
  queries.length = 0;
});

async function ownerOfNewStore() {
  const tenant = await createTenant();
  const owner = await member(tenant, "OWNER");
  await signedInAs(owner.email);
  return { tenant, owner };
}

const refused = (code: string) => ({ status: "error", error: { key: `Domains.results.${code}`, message: `Domains.results.${code}` } });

async function domainRow(domain: string) {
  return db.storeDomain.findUniqueOrThrow({ where: { domain }, select: { id: true, status: true, verificationToken: true, lastError: true, lastCheckedAt: true } });
}

describe("custom domains against a real DNS server", () => {
  it("add, fail while DNS is missing (never cached), verify, serve at once, remove, stop at once", async () => {
    const { tenant, owner } = await ownerOfNewStore();
    const domain = `shop-${tenant.tag}.example.test`;
    expect(await addDomainAction(tenant.merchant.id, tenant.store.id, IDLE, form({ domain: ` HTTPS://${domain.toUpperCase()}/ ` }))).toEqual({ status: "ok", data: "added" });
    const row = await domainRow(domain);
    expect(row.status).toBe("PENDING");
    // The proxy asks before it is verified: unknown, and that answer is cached...
    expect(await findStoreRoutingByDomain(domain)).toBeNull();

    // No records yet: the check fails and says why; the pages show the failed check.
    invalidatedTags.length = 0;
    expect(await verifyDomainAction(tenant.merchant.id, tenant.store.id, IDLE, form({ domainId: row.id }))).toMatchObject(refused("txtMissing"));
    expect(await domainRow(domain)).toMatchObject({ status: "FAILED", lastError: "txtMissing", lastCheckedAt: expect.any(Date) });
    expect(queries).toContain(`16:_patron-verify.${domain}`);
    expect(invalidatedTags).toEqual(expect.arrayContaining([`store:${tenant.store.id}`, `account:${tenant.merchant.id}`, "admin"]));

    // The TXT record alone is not enough: the domain must point at the platform.
    zone.set(`_patron-verify.${domain}`, { txt: [`patron-verify=${row.verificationToken}`] });
    expect(await verifyDomainAction(tenant.merchant.id, tenant.store.id, IDLE, form({ domainId: row.id }))).toMatchObject(refused("pointingMissing"));

    // With the CNAME the next press asks DNS again (nothing of the failure was cached) and succeeds.
    zone.set(domain, { cname: "stores.localhost" });
    queries.length = 0;
    expect(await verifyDomainAction(tenant.merchant.id, tenant.store.id, IDLE, form({ domainId: row.id }))).toEqual({ status: "ok", data: "verified" });
    expect(queries.length).toBeGreaterThan(0);
    expect(await domainRow(domain)).toMatchObject({ status: "VERIFIED", lastError: null });
    // ...and the proxy's cached "unknown" was dropped: the storefront is served at once.
    expect(await findStoreRoutingByDomain(domain)).toMatchObject({ storeId: tenant.store.id, via: "custom-domain" });

    expect(await removeDomainAction(tenant.merchant.id, tenant.store.id, IDLE, form({ domainId: row.id }))).toEqual({ status: "ok", data: "removed" });
    expect(await findStoreRoutingByDomain(domain)).toBeNull();

    const events = await db.auditEvent.findMany({ where: { merchantId: tenant.merchant.id }, orderBy: { createdAt: "asc" }, select: { action: true, actorUserId: true, data: true } });
    expect(events.map((e) => e.action)).toEqual(["domain.add", "domain.verify", "domain.verify", "domain.verify", "domain.remove"]);
    expect(events.every((e) => e.actorUserId === owner.id)).toBe(true);
  });

  it("an apex domain verifies with an A record at the platform's address", async () => {
    const { tenant } = await ownerOfNewStore();
    const domain = `apex-${tenant.tag}.test`;
    await addDomainAction(tenant.merchant.id, tenant.store.id, IDLE, form({ domain }));
    const row = await domainRow(domain);
    zone.set(`_patron-verify.${domain}`, { txt: [`patron-verify=${row.verificationToken}`] });
    zone.set(domain, { a: ["198.51.100.1"] });
    expect(await verifyDomainAction(tenant.merchant.id, tenant.store.id, IDLE, form({ domainId: row.id }))).toMatchObject(refused("pointingMissing"));
    zone.set(domain, { a: ["203.0.113.7"] });
    expect(await verifyDomainAction(tenant.merchant.id, tenant.store.id, IDLE, form({ domainId: row.id }))).toMatchObject({ status: "ok", data: "verified" });
  });

  it("a domain belongs to one store; malformed and platform names are refused; nothing is written", async () => {
    const { tenant } = await ownerOfNewStore();
    const domain = `taken-${tenant.tag}.example.test`;
    await addDomainAction(tenant.merchant.id, tenant.store.id, IDLE, form({ domain }));
    expect(await addDomainAction(tenant.merchant.id, tenant.store.id, IDLE, form({ domain }))).toMatchObject(refused("domainAdded"));
    const { tenant: other } = await ownerOfNewStore();
    expect(await addDomainAction(other.merchant.id, other.store.id, IDLE, form({ domain: domain.toUpperCase() }))).toMatchObject(refused("domainTaken"));
    for (const [raw, error] of [["not a domain", "domainFormat"], ["10.0.0.1", "domainFormat"], [`${other.store.slug}.localhost`, "domainPlatform"], ["", "required"]] as const) {
      expect(await addDomainAction(other.merchant.id, other.store.id, IDLE, form({ domain: raw }))).toMatchObject({
        status: "error",
        fieldErrors: { domain: { key: `Domains.results.${error}` } },
        values: { domain: raw },
      });
    }
    expect(await db.storeDomain.count({ where: { merchantId: other.merchant.id } })).toBe(0);
  });

  it("managers get 403, other merchants 404; only platform admins re-check any domain", async () => {
    const { tenant } = await ownerOfNewStore();
    const domain = `guarded-${tenant.tag}.example.test`;
    await addDomainAction(tenant.merchant.id, tenant.store.id, IDLE, form({ domain }));
    const row = await domainRow(domain);
    const manager = await member(tenant, "MANAGER");
    await signedInAs(manager.email);
    expect(await outcome(verifyDomainAction(tenant.merchant.id, tenant.store.id, IDLE, form({ domainId: row.id })))).toBe("forbidden");
    const { tenant: other } = await ownerOfNewStore();
    // Another owner naming this domain's id from their own store finds nothing.
    expect(await removeDomainAction(other.merchant.id, other.store.id, IDLE, form({ domainId: row.id }))).toMatchObject(refused("notFound"));
    expect(await outcome(recheckDomainAction(IDLE, form({ domainId: row.id })))).toBe("forbidden");

    const admin = await person("admin", { isPlatformAdmin: true });
    await signedInAs(admin.email);
    zone.set(`_patron-verify.${domain}`, { txt: [`patron-verify=${row.verificationToken}`] });
    zone.set(domain, { cname: "stores.localhost." });
    expect(await recheckDomainAction(IDLE, form({ domainId: row.id }))).toEqual({ status: "ok", data: "verified" });
    const event = await db.auditEvent.findFirstOrThrow({ where: { merchantId: tenant.merchant.id, action: "domain.recheck" }, select: { actorUserId: true } });
    expect(event.actorUserId).toBe(admin.id);
    expect(await db.storeDomain.count({ where: { id: row.id } })).toBe(1);
  });
});
