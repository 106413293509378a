import { getWithHost, type RawResponse } from "../../scripts/lib/http";
import { E2E_PORT } from "../env";

export type { RawResponse };

/**
 * One GET to the e2e server with an arbitrary Host header, redirects not followed. For hosts
 * nobody resolves (a merchant's custom domain) and for asserting Location headers exactly.
 */
export function requestWithHost(host: string, path = "/", headers: Record<string, string> = {}): Promise<RawResponse> {
  return getWithHost(E2E_PORT, host, path, headers);
}
