import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { backupPglite, backupPostgres, restorePglite, restorePostgres } from "@/lib/db/backup";
import { createDb, type DbHandle, getDb, getDbHandle } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { insertRegistration, makeJournee } from "../fixtures/factories";
import { testDbKind } from "../setup/test-db";

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "emarge-backup-"));

async function snapshot(handle: DbHandle) {
  const db = handle.client;
  return {
    journees: await db.journee.findMany({ orderBy: { id: "asc" } }),
    registrations: await db.registration.findMany({ orderBy: { id: "asc" } }),
    audit: await db.auditLog.findMany({ orderBy: { id: "asc" } }),
  };
}

/** Writes pairs of audit rows in one transaction each: a consistent copy never has half a pair. */
function writePairs(handle: DbHandle, stop: { now: boolean }) {
  return (async () => {
    for (let i = 0; !stop.now; i++) {
      await handle.client.$transaction([
        handle.client.auditLog.create({ data: { action: "pair", entityId: String(i) } }),
        handle.client.auditLog.create({ data: { action: "pair", entityId: String(i) } }),
      ]);
      // PGlite answers through microtasks only: yield so timers (and the backup) get a turn,
      // as they would between HTTP requests in the app.
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
}

async function expectWholePairs(handle: DbHandle) {
  const rows = await handle.client.auditLog.groupBy({ by: ["entityId"], where: { action: "pair" }, _count: true });
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.every((r) => r._count === 2)).toBe(true);
}

describe(`backup and restore (${testDbKind()})`, () => {
  it("backup → wipe → restore gives identical data", async () => {
    const journee = await makeJournee();
    for (const email of ["a@example.org", "b@example.org", "élodie@example.org"])
      await insertRegistration(journee.id, email);
    const handle = await getDbHandle();
    if (testDbKind() === "pglite") {
      // The test singleton is in memory: copy it into a directory-backed database first.
      const dir = path.join(tmp(), "db");
      const source = await createDb({ kind: "pglite", dataDir: dir });
      await applyMigrations(source.factory);
      const j = await source.client.journee.create({
        data: {
          ...journee,
          partnerId: undefined,
          partner: { create: { slug: "p", name: "P", shortName: "P", kind: "RESEAU" } },
        } as never,
      });
      await source.client.auditLog.create({ data: { action: "before.backup", entityId: j.id } });
      const before = await snapshot(source);
      const file = await backupPglite(source, tmp());
      await source.close();
      fs.rmSync(dir, { recursive: true, force: true });
      await restorePglite({ kind: "pglite", dataDir: dir }, file);
      const restored = await createDb({ kind: "pglite", dataDir: dir });
      expect(await snapshot(restored)).toEqual(before);
      await restored.close();
    } else {
      const url = process.env.DATABASE_URL as string;
      const before = await snapshot(handle);
      const file = await backupPostgres(url, tmp());
      await (await getDb()).$executeRawUnsafe("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
      await restorePostgres(url, file);
      expect(await snapshot(handle)).toEqual(before);
    }
  });

  it("a backup taken while the app writes is consistent", async () => {
    const stop = { now: false };
    if (testDbKind() === "pglite") {
      const dir = path.join(tmp(), "db");
      const source = await createDb({ kind: "pglite", dataDir: dir });
      await applyMigrations(source.factory);
      const writing = writePairs(source, stop);
      await new Promise((r) => setTimeout(r, 300));
      const file = await backupPglite(source, tmp());
      stop.now = true;
      await writing;
      await source.close();
      const target = path.join(tmp(), "restored");
      await restorePglite({ kind: "pglite", dataDir: target }, file);
      const restored = await createDb({ kind: "pglite", dataDir: target });
      await expectWholePairs(restored);
      await restored.close();
    } else {
      const handle = await getDbHandle();
      const url = process.env.DATABASE_URL as string;
      const writing = writePairs(handle, stop);
      await new Promise((r) => setTimeout(r, 300));
      const file = await backupPostgres(url, tmp());
      stop.now = true;
      await writing;
      await (await getDb()).$executeRawUnsafe("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
      await restorePostgres(url, file);
      await expectWholePairs(handle);
    }
  });
});
