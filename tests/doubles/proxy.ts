import { resolveTenant } from "@/lib/tenancy/resolve";
import { stampTenant } from "@/lib/tenancy/stamp";

/**
 * Test support: the request headers the proxy passes on for a request to `host`, with the tenant
 * it resolves stamped on them, so integration tests that mock next/headers play a request that
 * came through the proxy. `init` adds the client's own headers (cookies, addresses).
 */
export async function proxiedHeaders(host: string, init?: HeadersInit): Promise<Headers> {
  const headers = new Headers(init);
  headers.set("host", host);
  stampTenant(headers, await resolveTenant(host));
  return headers;
}
