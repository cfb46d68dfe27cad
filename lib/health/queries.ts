import fs from "node:fs";
import path from "node:path";
import { getDb } from "@/lib/db/client";
import { logUnexpected } from "@/lib/log";

export type Health = {
  status: "ok" | "error";
  database: "ok" | "unreachable";
  migrations: "ok" | "pending" | "unknown";
  ref?: string;
};

/** Compares applied migrations (_prisma_migrations) with the folders shipped in prisma/migrations. */
export async function getHealth(): Promise<Health> {
  try {
    const db = await getDb();
    const rows = await db.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    const applied = new Set(rows.map((r) => r.migration_name));
    const dir = path.join(process.cwd(), "prisma", "migrations");
    const shipped = fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => /^\d+_/.test(name)) : [];
    const pending = shipped.some((name) => !applied.has(name));
    return { status: pending ? "error" : "ok", database: "ok", migrations: pending ? "pending" : "ok" };
  } catch (error) {
    const ref = logUnexpected(error, { where: "health" });
    return { status: "error", database: "unreachable", migrations: "unknown", ref };
  }
}
