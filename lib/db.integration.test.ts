import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTenant } from "@/tests/integration/fixtures";

describe("database conventions", () => {
  it("gives every table with an updatedAt column the trigger that maintains it", async () => {
    const missing = await db.$queryRaw<Array<{ table_name: string }>>`
      SELECT c.table_name::text AS table_name FROM information_schema.columns c
      WHERE c.table_schema = 'public' AND c.column_name = 'updatedAt'
        AND NOT EXISTS (
          SELECT 1 FROM information_schema.triggers t
          WHERE t.event_object_table = c.table_name AND t.trigger_name = 'set_updated_at'
        )`;
    expect(missing).toEqual([]);
  });

  it("sets updatedAt in the database on every update", async () => {
    const { merchant } = await createTenant();
    const before = await db.merchant.findUniqueOrThrow({ where: { id: merchant.id }, select: { createdAt: true, updatedAt: true } });
    await new Promise((r) => setTimeout(r, 20));
    await db.merchant.update({ where: { id: merchant.id }, data: { name: "Renamed" } });
    const after = await db.merchant.findUniqueOrThrow({ where: { id: merchant.id }, select: { createdAt: true, updatedAt: true } });
    expect(after.createdAt).toEqual(before.createdAt);
    expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
  });

  it("refuses emails that are not normalized", async () => {
    await expect(db.user.create({ data: { email: "Mixed@Example.test" } })).rejects.toThrow();
  });
});
