import type { ProductCard } from "@/lib/catalog/data";
import type { Locale } from "@/lib/i18n/locales";
import { formatMoney } from "@/lib/money";

export function ProductGrid({ products, currency, locale }: { products: ProductCard[]; currency: string; locale: Locale }) {
  return (
    <ul className="mt-4 grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {products.map((p) => (
        <li key={p.id} className="rounded-lg border border-slate-200 p-4">
          <h3 className="font-medium">{p.title}</h3>
          <p className="mt-1 text-slate-700">{formatMoney(p.priceCents, currency, locale)}</p>
        </li>
      ))}
    </ul>
  );
}
