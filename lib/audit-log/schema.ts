import { z } from "zod";
import { cleanString } from "@/lib/input";
import { isCalendarDate } from "@/lib/reports/period";
import type { AuditFilterError } from "./types";

/** The audit filters as the page's search params give them (first value of each). */
export interface AuditFilter {
  /** An action or the start of one ("merchant." matches every merchant action). */
  action?: string;
  /** Part of the actor's email address. */
  actor?: string;
  /** Admin only: a merchant id or part of its name. */
  merchant?: string;
  /** Calendar days in the platform's time zone, inclusive. */
  from?: string;
  to?: string;
  page: number;
}

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const optionalText = (max: number) =>
  z.preprocess((v) => {
    const value = first(v);
    return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
  }, cleanString().max(max).optional());

const ACTION_PATTERN = /^[a-z][a-z0-9_.-]*$/i;

/**
 * The audit log's search params. Unlike the mailbox (which ignores what it cannot read), a
 * malformed filter is reported to the reader, field by field, and no events are listed.
 */
export const auditFilterSchema = z
  .object({
    action: optionalText(64).refine((v) => v === undefined || ACTION_PATTERN.test(v), { message: "invalidAction" }),
    actor: optionalText(254),
    merchant: optionalText(64),
    from: optionalText(10).refine((v) => v === undefined || isCalendarDate(v), { message: "invalidDate" }),
    to: optionalText(10).refine((v) => v === undefined || isCalendarDate(v), { message: "invalidDate" }),
    page: z.preprocess((v) => first(v) ?? "1", z.coerce.number().int().min(1).max(100_000)),
  })
  .superRefine((value, ctx) => {
    if (value.from && value.to && value.from > value.to) ctx.addIssue({ code: "custom", path: ["to"], message: "rangeOrder" });
  });

const FIELD_ERROR: Record<string, AuditFilterError> = {
  action: "invalidAction",
  actor: "invalidActor",
  merchant: "invalidMerchant",
  from: "invalidDate",
  to: "invalidDate",
  page: "invalidPage",
};

/** Parses the search params into a filter, or the list of problems to show. */
export function parseAuditFilter(
  searchParams: Record<string, string | string[] | undefined>,
): { ok: true; filter: AuditFilter } | { ok: false; errors: AuditFilterError[]; raw: Record<string, string> } {
  const parsed = auditFilterSchema.safeParse(searchParams);
  if (parsed.success) return { ok: true, filter: parsed.data };
  const errors = new Set<AuditFilterError>();
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "");
    errors.add(issue.message === "rangeOrder" ? "rangeOrder" : (FIELD_ERROR[field] ?? "invalidAction"));
  }
  const raw: Record<string, string> = {};
  for (const key of ["action", "actor", "merchant", "from", "to"]) {
    const value = first(searchParams[key]);
    if (typeof value === "string") raw[key] = value.slice(0, 254);
  }
  return { ok: false, errors: [...errors], raw };
}
