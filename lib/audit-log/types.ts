/** One audit event as the audit pages show it. */
export interface AuditEventRow {
  id: string;
  createdAt: Date;
  action: string;
  targetType: string;
  targetId: string | null;
  actorEmail: string | null;
  merchant: { id: string; name: string } | null;
  requestId: string | null;
  /** The event's details as compact JSON, or null. */
  details: string | null;
}

export interface AuditPage {
  rows: AuditEventRow[];
  total: number;
  page: number;
  pageCount: number;
}

/** Problems of the audit filters, translated under `Audit.errors.<code>`. */
export type AuditFilterError = "invalidAction" | "invalidActor" | "invalidMerchant" | "invalidDate" | "rangeOrder" | "invalidPage";
