import { LOCALES } from "@/lib/locales";
import { hasControlCharacters } from "@/lib/input";
import { NOT_FOUND_PATH, STOREFRONT_SEGMENT } from "./internal";

/**
 * What the proxy needs to know about a request's path before it routes it. Pure: no I/O, so it is
 * table-tested (path.test.ts) and runs first in the proxy.
 *
 * The router decodes percent-escapes before it matches a route ("/%73/x" reaches app/[locale]/s/[store]),
 * so every decision here is made on the path as the router will see it: decoded until it no longer
 * changes, backslashes read as slashes, empty segments dropped, compared without regard to case.
 */
export type PathKind = { kind: "public" } | { kind: "internal" } | { kind: "malformed" };

/** Segments of app/ that only the proxy may rewrite to: never reachable by asking for them. */
const INTERNAL_SEGMENTS: ReadonlySet<string> = new Set([STOREFRONT_SEGMENT, NOT_FOUND_PATH.slice(1)]);

/** More rounds than any honest URL needs. */
const MAX_DECODE_ROUNDS = 4;

function decodeOnce(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/**
 * The forms a path takes when decoded again and again: the router decodes once, but a path that is
 * internal after any number of rounds is refused all the same (a proxy or CDN in front may decode too).
 */
export function decodedForms(pathname: string): string[] {
  const forms = [pathname];
  for (let round = 0; round < MAX_DECODE_ROUNDS; round++) {
    const next = decodeOnce(forms[forms.length - 1]!);
    if (next === null || next === forms[forms.length - 1]) break;
    forms.push(next);
  }
  return forms;
}

/** Lower-cased, non-empty path segments of a decoded path; "\" counts as "/". */
function segmentsOf(decoded: string): string[] {
  return decoded
    .replace(/\\/g, "/")
    .split("/")
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== "" && s !== ".");
}

function namesInternalSegment(decoded: string): boolean {
  const segments = segmentsOf(decoded);
  const first = segments[0];
  const index = first !== undefined && (LOCALES as readonly string[]).includes(first) ? 1 : 0;
  const segment = segments[index];
  return segment !== undefined && INTERNAL_SEGMENTS.has(segment);
}

/** True when a query string's names or values, once decoded, hold a control character. */
function queryHasControlCharacters(search: string): boolean {
  for (const [name, value] of new URLSearchParams(search)) {
    if (hasControlCharacters(name) || hasControlCharacters(value)) return true;
  }
  return false;
}

/**
 * Classifies a request path as it arrived, percent-escapes and all, with its query string:
 * "malformed" when the router could not decode the path or either holds a control character
 * (PostgreSQL refuses NUL; no URL of ours has one), "internal" when any decoded form of the path
 * names an internal segment (after an optional locale prefix), "public" otherwise.
 */
export function classifyPath(pathname: string, search = ""): PathKind {
  const routed = decodeOnce(pathname);
  if (routed === null || hasControlCharacters(routed) || queryHasControlCharacters(search)) return { kind: "malformed" };
  return decodedForms(pathname).some(namesInternalSegment) ? { kind: "internal" } : { kind: "public" };
}
