import { defineConfig } from "prisma/config";

// Only used by the official Prisma CLI (generate, and `migrate deploy` where it can run).
// The app and our offline migration script read DATABASE_URL themselves (lib/db).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/emarge" },
});
