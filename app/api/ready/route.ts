import { checkReadiness } from "@/lib/diagnostics/health";

/**
 * Readiness for a load balancer: 200 when the database answers, the migrations are applied and a
 * worker beat recently; 503 otherwise. The JSON names each check, never a secret.
 */
export const dynamic = "force-dynamic";

export async function GET() {
  const readiness = await checkReadiness();
  return Response.json(
    { status: readiness.ready ? "ready" : "not-ready", checks: readiness.checks },
    { status: readiness.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
