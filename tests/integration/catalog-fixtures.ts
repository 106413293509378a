import { db } from "@/lib/db";

/** Products written straight to the database, for tests that read the catalog. */
export async function createProductRow(
  tenant: { merchant: { id: string }; store: { id: string } },
  data: {
    slug: string;
    priceCents?: number;
    stock?: number | null;
    visibility?: "DRAFT" | "HIDDEN" | "PUBLIC";
    archivedAt?: Date | null;
    createdAt?: Date;
    translations?: Record<string, { title: string; description?: string }>;
  },
) {
  return db.product.create({
    data: {
      merchantId: tenant.merchant.id,
      storeId: tenant.store.id,
      slug: data.slug,
      priceCents: data.priceCents ?? 1000,
      stock: data.stock ?? null,
      visibility: data.visibility ?? "PUBLIC",
      archivedAt: data.archivedAt ?? null,
      createdAt: data.createdAt,
      translations: {
        create: Object.entries(data.translations ?? { en: { title: data.slug } }).map(([locale, t]) => ({
          locale,
          title: t.title,
          description: t.description ?? "",
        })),
      },
    },
    select: { id: true, slug: true },
  });
}

/** The storage key of a digital product's file, which no data function hands out. */
export async function digitalFileKeyOf(merchantId: string, productId: string): Promise<string | null> {
  const row = await db.product.findFirst({ where: { id: productId, merchantId }, select: { digitalFileKey: true } });
  return row?.digitalFileKey ?? null;
}
