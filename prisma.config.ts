import { defineConfig } from "prisma/config";

// Used by the Prisma CLI only (generate, migrate deploy/status on a machine
// with internet). The bot applies migrations itself at start: src/db/migrate.ts.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "file:./data/tro-ly-chi-bo.db" },
});
