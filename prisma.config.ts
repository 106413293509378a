import { defineConfig } from "prisma/config";
import { PrismaPgMigrations } from "./prisma/migration-adapter";

// The CLI runs its bundled WebAssembly schema engine through a driver adapter, so nothing has to
// be downloaded from Prisma's binary server. schema.prisma keeps `url = env("DATABASE_URL")`,
// and if that variable does not resolve when the CLI reads the schema (even for `generate`),
// the CLI falls back to downloading a query engine; hence the placeholder. Commands that talk
// to the database still require the real variable (checked in `adapter` below).
const databaseUrl = process.env.DATABASE_URL;
process.env.DATABASE_URL ??= "postgresql://placeholder@localhost:5432/placeholder";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => {
    if (!databaseUrl) throw new Error("DATABASE_URL must be set to run this Prisma command.");
    return new PrismaPgMigrations(databaseUrl);
  },
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "tsx prisma/seed.ts",
  },
});
