/** Liveness for a load balancer: the process answers. Nothing is checked, nothing is revealed. */
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
