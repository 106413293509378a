import { loadQueryCounter } from "@/lib/diagnostics/loaders";

export const dynamic = "force-dynamic";

/**
 * How many SQL statements this server process has sent (and the last few), for the benchmark (scripts/bench), which
 * reads it before and after one request. Exists only when PATRON_COUNT_QUERIES=1; 404 otherwise.
 */
export function GET(): Response {
  const queries = loadQueryCounter();
  if (queries === null) return new Response("Not found", { status: 404 });
  return Response.json(queries, { headers: { "cache-control": "no-store" } });
}
