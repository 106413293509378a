import "server-only";
import { queriesSent } from "@/lib/db";

/** The SQL statement counter of this server process (PATRON_COUNT_QUERIES=1 only; null otherwise). */
export function loadQueryCounter(): { count: number; recent: string[] } | null {
  const sent = queriesSent();
  return sent && { count: sent.count, recent: sent.recent.map((q) => q.query) };
}
