const STYLES = {
  PENDING: "bg-amber-100 text-amber-900",
  VERIFIED: "bg-green-100 text-green-800",
  FAILED: "bg-red-100 text-red-800",
} as const;

export function DomainStatusBadge({ status, label }: { status: keyof typeof STYLES; label: string }) {
  return <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STYLES[status]}`}>{label}</span>;
}
