import { beforeEach, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { recordWorkerHeartbeat } from "@/lib/jobs/mutations";
import { clearWorkerHeartbeats } from "@/tests/integration/worker-fixtures";
import { GET as ready } from "./route";

const worker = { id: "test-host:2:probe", host: "test-host", pid: 2 };

beforeEach(clearWorkerHeartbeats);

describe("load-balancer probes", () => {
  it("/api/health answers; /api/ready answers 503 then 200, with the checks and nothing secret", async () => {
    const live = health();
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: "ok" });

    const notReady = await ready();
    expect(notReady.status).toBe(503);
    expect(notReady.headers.get("cache-control")).toBe("no-store");
    await recordWorkerHeartbeat(worker);
    const ok = await ready();
    expect(ok.status).toBe(200);
    const body = await ok.text();
    expect(JSON.parse(body)).toEqual({ status: "ready", checks: { database: { ok: true }, migrations: { ok: true }, worker: { ok: true } } });
    expect(body).not.toContain(process.env.DATABASE_URL!);
    expect(body).not.toContain(process.env.AUTH_SECRET!);
  });
});
