import { afterAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { closeDb, getDb } from "@/lib/db/client";
import { getHealth } from "@/lib/health/queries";
import { insertRegistration, makeJournee } from "@/tests/fixtures/factories";
import { testDbKind } from "@/tests/setup/test-db";

const savedEnv = { DATABASE_URL: process.env.DATABASE_URL, PGLITE_DIR: process.env.PGLITE_DIR };
afterAll(() => {
  Object.assign(process.env, savedEnv);
  if (!savedEnv.DATABASE_URL) delete process.env.DATABASE_URL;
});

describe(`/api/health (${testDbKind()})`, () => {
  it("is ok on a migrated database, and says nothing about the people in it", async () => {
    const journee = await makeJournee();
    await insertRegistration(journee.id, "sensible.personne@example.org", {
      firstName: "Sensible",
      phone: "0611223344",
    });
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ status: "ok", database: "ok", migrations: "ok" });
    expect(text).not.toMatch(/sensible|example\.org|0611223344|@/i);
  });

  it("reports pending migrations (503) when a shipped migration is missing from the database's history", async () => {
    const db = await getDb();
    const [latest] = await db.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1`;
    await db.$executeRaw`DELETE FROM _prisma_migrations WHERE migration_name = ${latest.migration_name}`;
    expect(await getHealth()).toEqual({ status: "error", database: "ok", migrations: "pending" });
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "error", database: "ok", migrations: "pending" });
  });

  it("reports an unreachable database with an error reference only (503)", async () => {
    await closeDb();
    process.env.DATABASE_URL = "postgres://nobody@127.0.0.1:9/none";
    delete process.env.PGLITE_DIR;
    const response = await GET();
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body).toEqual({
      status: "error",
      database: "unreachable",
      migrations: "unknown",
      ref: expect.stringMatching(/^[0-9A-F]{8}$/),
    });
    await closeDb();
  });
});
