import "server-only";
import { Resolver } from "node:dns/promises";
import { env } from "@/lib/env";
import type { DnsAnswers } from "./rules";

/** Codes of a name that simply has no such record (an answer, not a failure). */
const NO_RECORD = new Set(["ENODATA", "ENOTFOUND", "NXDOMAIN"]);

/**
 * Asks DNS, afresh on every call, for what verification needs: the TXT records of the proof
 * name, and the domain's CNAME and A records. Uses the servers of DNS_SERVERS when set (tests
 * run a real DNS server on 127.0.0.1), else the system's. Nothing is cached here, so a failed
 * check never sticks: the next press of "verify" asks again. Throws when DNS itself fails
 * (timeout, refused), which the caller records as "dnsError".
 */
export async function lookupDomain(domain: string, proofName: string): Promise<DnsAnswers> {
  const resolver = new Resolver({ timeout: 3000, tries: 2 });
  const servers = env().DNS_SERVERS;
  if (servers) resolver.setServers(servers.split(",").map((s) => s.trim()).filter(Boolean));
  const orEmpty = async <T>(query: Promise<T[]>): Promise<T[]> => {
    try {
      return await query;
    } catch (error) {
      if (NO_RECORD.has((error as NodeJS.ErrnoException).code ?? "")) return [];
      throw error;
    }
  };
  const [txt, cname, a] = await Promise.all([
    orEmpty(resolver.resolveTxt(proofName)),
    orEmpty(resolver.resolveCname(domain)),
    orEmpty(resolver.resolve4(domain)),
  ]);
  return { txt: txt.map((chunks) => chunks.join("")), cname, a };
}
