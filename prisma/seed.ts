/**
 * Demo data, idempotent: running it twice changes nothing. `--if-empty` skips it on a database
 * that already has merchants (so `npm run dev` seeds on the first run only).
 */
import { db, disconnectDb } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { DEMO_COUPONS, DEMO_LOYALTY, DEMO_PASSWORD, DEMO_USERS, DEMO_MERCHANTS } from "./demo-data";

async function main() {
  if (process.argv.includes("--if-empty") && (await db.merchant.count()) > 0) {
    console.log("Seed: the database already has data; skipped.");
    return;
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  const users = new Map<string, string>();
  for (const u of DEMO_USERS) {
    const user = await db.user.upsert({
      where: { email: u.email },
      update: {},
      create: {
        email: u.email,
        name: u.name,
        passwordHash: u.password ? passwordHash : null,
        isPlatformAdmin: "admin" in u && u.admin,
        emailVerified: new Date(),
      },
      select: { id: true },
    });
    users.set(u.email, user.id);
  }

  for (const m of DEMO_MERCHANTS) {
    const existing = await db.store.findUnique({ where: { slug: m.stores[0]!.slug }, select: { merchantId: true } });
    const merchantId =
      existing?.merchantId ?? (await db.merchant.create({ data: { name: m.name }, select: { id: true } })).id;

    for (const s of m.stores) {
      const store = await db.store.upsert({
        where: { slug: s.slug },
        update: {},
        create: {
          merchantId,
          slug: s.slug,
          name: s.name,
          currency: s.currency,
          defaultLocale: s.defaultLocale,
          locales: s.locales,
        },
        select: { id: true },
      });
      for (const p of s.products) {
        await db.product.upsert({
          where: { storeId_slug: { storeId: store.id, slug: p.slug } },
          update: {},
          create: {
            merchantId,
            storeId: store.id,
            slug: p.slug,
            priceCents: p.priceCents,
            stock: p.stock ?? null,
            visibility: "PUBLIC",
            translations: {
              create: Object.entries(p.title).map(([locale, title]) => ({
                locale,
                title,
                description: p.description[locale as keyof typeof p.description] ?? "",
              })),
            },
          },
        });
      }
      // Demo coupons: created once, never reset, so merchants' edits survive a re-seed.
      for (const c of DEMO_COUPONS[s.slug] ?? []) {
        await db.coupon.upsert({
          where: { storeId_code: { storeId: store.id, code: c.code } },
          update: {},
          create: {
            merchantId,
            storeId: store.id,
            code: c.code,
            kind: c.kind,
            amountCents: c.amountCents ?? null,
            percentBasisPoints: c.percentBasisPoints ?? null,
            maxDiscountCents: c.maxDiscountCents ?? null,
            minSubtotalCents: c.minSubtotalCents ?? null,
            endsAt: c.endsAt ?? null,
            perCustomerLimit: c.perCustomerLimit ?? null,
            combinable: c.combinable ?? false,
          },
        });
      }
    }

    for (const member of m.members) {
      const userId = users.get(member.email)!;
      await db.membership.upsert({
        where: { userId_merchantId: { userId, merchantId } },
        update: {},
        create: { userId, merchantId, role: member.role },
      });
    }
    for (const email of m.customers) {
      const userId = users.get(email)!;
      await db.customer.upsert({
        where: { merchantId_email: { merchantId, email } },
        update: {},
        create: { merchantId, email, userId, name: DEMO_USERS.find((u) => u.email === email)?.name },
      });
    }
    const loyalty = DEMO_LOYALTY[m.name];
    if (loyalty && !(await db.loyaltyProgram.findUnique({ where: { merchantId }, select: { id: true } }))) {
      const { rewards, ...program } = loyalty;
      const created = await db.loyaltyProgram.create({ data: { ...program, merchantId, status: "ACTIVE" }, select: { id: true } });
      for (const r of rewards) {
        await db.loyaltyReward.create({
          data: {
            merchantId,
            programId: created.id,
            cost: r.cost,
            translations: { create: Object.entries(r.name).map(([locale, name]) => ({ locale, name, description: r.description[locale as keyof typeof r.description] })) },
          },
        });
      }
    }
  }
  console.log("Seed: demo data is in place.");
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => disconnectDb());
