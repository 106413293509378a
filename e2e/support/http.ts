import http from "node:http";
import { E2E_PORT } from "../env";

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * One GET to the e2e server with an arbitrary Host header, redirects not followed. For hosts
 * nobody resolves (a merchant's custom domain) and for asserting Location headers exactly.
 * Node cannot resolve *.localhost, so it always connects to 127.0.0.1.
 */
export function requestWithHost(host: string, path = "/", headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: "127.0.0.1", port: E2E_PORT, path, method: "GET", headers: { ...headers, host }, timeout: 15_000 },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") }),
        );
        response.on("error", reject);
      },
    );
    request.on("timeout", () => request.destroy(new Error(`GET ${host}${path} timed out`)));
    request.on("error", reject);
    request.end();
  });
}
