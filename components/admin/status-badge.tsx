/** A small coloured label (merchant status, admin flag). */
export function Badge({ tone, children }: { tone: "green" | "red" | "slate" | "brand"; children: React.ReactNode }) {
  const colours = {
    green: "bg-green-100 text-green-800",
    red: "bg-red-100 text-red-800",
    slate: "bg-slate-100 text-slate-700",
    brand: "bg-brand-50 text-brand-700",
  };
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${colours[tone]}`}>{children}</span>;
}
