import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

/** What the fake answers to the next POST /emails (to `to` only, when set): a status and a JSON body. */
export type FakeReply = { status: number; body: Record<string, unknown>; to?: string };

/**
 * An in-process stand-in for Resend's HTTP API (POST /emails) on 127.0.0.1 and a random port,
 * so tests drive the real SDK. Records every request; replies from `replies` in order (a reply
 * meant for one recipient waits for a request to them), then with success.
 */
export async function startFakeResend() {
  const requests: RecordedRequest[] = [];
  const replies: FakeReply[] = [];
  let counter = 0;
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString()));
    req.on("end", () => {
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      requests.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers, body });
      const recipients = ([] as unknown[]).concat(body.to ?? []);
      const index = replies.findIndex((r) => r.to === undefined || recipients.includes(r.to));
      const reply = (index >= 0 ? replies.splice(index, 1)[0] : undefined) ?? { status: 200, body: { id: `fake-${++counter}` } };
      res.writeHead(reply.status, { "content-type": "application/json" });
      res.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    /**
     * Queues error replies for the next `count` requests, or for the next `count` to `options.to`
     * (other messages a worker happens to send meanwhile do not use them up).
     */
    failNext(count: number, status = 500, options: { to?: string } = {}) {
      for (let i = 0; i < count; i++) {
        replies.push({ status, body: { name: "internal_server_error", message: `fake outage ${i + 1}`, statusCode: status }, to: options.to });
      }
    },
    reset() {
      requests.length = 0;
      replies.length = 0;
      counter = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
