import http from "node:http";

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * One GET to a local server on `port` with an arbitrary Host header, redirects not followed.
 * Node cannot resolve *.localhost (and fetch drops a Host header), so it always connects to
 * 127.0.0.1 and names the host in the header.
 */
export function getWithHost(port: number, host: string, path = "/", headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port,
        path,
        method: "GET",
        headers: { ...headers, host },
        timeout: 15_000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        response.on("error", reject);
      },
    );
    request.on("timeout", () => request.destroy(new Error(`GET ${host}${path} timed out`)));
    request.on("error", reject);
    request.end();
  });
}
