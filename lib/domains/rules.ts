import { hostName } from "@/lib/tenancy/host";

/**
 * Custom-domain rules. Pure: the form, the verification and the admin page share them.
 */

export type DomainInputError = "required" | "domainFormat" | "domainPlatform";

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/**
 * What a merchant typed ("https://Shop.Example.com/", "shop.example.com.") as the host name to
 * serve, or why it cannot be one: no dots, bad labels, an IP address, a numeric top-level
 * domain, or a name under the platform's own root domain.
 */
export function parseCustomDomain(raw: string, rootDomain: string): { ok: true; domain: string } | { ok: false; error: DomainInputError } {
  let value = raw.trim().toLowerCase();
  if (!value) return { ok: false, error: "required" };
  value = value.replace(/^[a-z][a-z0-9+.-]*:\/\//, "").replace(/\/.*$/, "").replace(/\.$/, "");
  if (value.length > 253 || /[:@\s]/.test(value) || IPV4.test(value)) return { ok: false, error: "domainFormat" };
  const labels = value.split(".");
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l)) || /^\d+$/.test(labels.at(-1)!)) return { ok: false, error: "domainFormat" };
  const root = hostName(rootDomain) ?? rootDomain;
  if (value === root || value.endsWith(`.${root}`)) return { ok: false, error: "domainPlatform" };
  return { ok: true, domain: value };
}

/** The name of the TXT record that proves ownership, and its value. */
export function verificationRecord(domain: string, token: string): { name: string; value: string } {
  return { name: `_patron-verify.${domain}`, value: `patron-verify=${token}` };
}

export interface DnsTargets {
  cname: string;
  a: string | null;
}

/** The CNAME target: configured, else "stores.<root domain without port>". */
export function dnsTargets(rootDomain: string, configured: { cname?: string; a?: string }): DnsTargets {
  return { cname: (configured.cname ?? `stores.${hostName(rootDomain) ?? rootDomain}`).toLowerCase().replace(/\.$/, ""), a: configured.a ?? null };
}

/** What DNS answered for a domain. Empty lists for names with no such records. */
export interface DnsAnswers {
  txt: string[];
  cname: string[];
  a: string[];
}

export type DomainCheckError = "txtMissing" | "pointingMissing" | "dnsError";

/**
 * The verdict on DNS answers: the TXT record must carry the token, and the domain must point at
 * the platform (CNAME to the target, or an A record with the platform's address).
 */
export function judgeDns(answers: DnsAnswers, expectedTxt: string, targets: DnsTargets): { ok: true } | { ok: false; error: DomainCheckError } {
  if (!answers.txt.some((t) => t.trim() === expectedTxt)) return { ok: false, error: "txtMissing" };
  const cnameOk = answers.cname.some((c) => c.toLowerCase().replace(/\.$/, "") === targets.cname);
  const aOk = targets.a !== null && answers.a.includes(targets.a);
  return cnameOk || aOk ? { ok: true } : { ok: false, error: "pointingMissing" };
}
