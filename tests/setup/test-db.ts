import pg from "pg";
import { closeDb, getDbHandle } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";

/**
 * A fresh, migrated database for one test file: an in-memory PGlite by default, or a new
 * database on the PostgreSQL server named by TEST_DATABASE_URL (dropped afterwards).
 */
let createdDatabase: string | undefined;

function adminUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL?.trim() || undefined;
}

export async function openTestDatabase(): Promise<void> {
  const admin = adminUrl();
  if (admin) {
    createdDatabase = `emarge_test_${process.pid}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`CREATE DATABASE "${createdDatabase}"`);
    await client.end();
    const url = new URL(admin);
    url.pathname = `/${createdDatabase}`;
    process.env.DATABASE_URL = url.toString();
    delete process.env.PGLITE_DIR;
  } else {
    delete process.env.DATABASE_URL;
    process.env.PGLITE_DIR = "memory://";
  }
  const handle = await getDbHandle();
  await applyMigrations(handle.factory);
}

export async function closeTestDatabase(): Promise<void> {
  await closeDb();
  const admin = adminUrl();
  if (admin && createdDatabase) {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${createdDatabase}" WITH (FORCE)`);
    await client.end();
    createdDatabase = undefined;
  }
}

export function testDbKind(): "postgres" | "pglite" {
  return adminUrl() ? "postgres" : "pglite";
}
