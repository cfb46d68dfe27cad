import { messages, PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PGliteThread } from "@/lib/db/pglite-thread";
import { testDbKind } from "../setup/test-db";

// The embedded database in its worker thread (decision 014) must answer exactly as PGlite in the
// calling thread does: same values after the caller's parsers, same errors, same transactions.
const TYPES_SQL = `SELECT 1::int4 AS i, 9007199254740993::int8 AS big, 12.50::numeric AS n, true AS b,
  '2026-04-16 09:30:00+02'::timestamptz AS ts, '2026-04-16'::date AS d, '\\x0aff'::bytea AS bytes,
  '{"a":[1,"é"]}'::jsonb AS j, ARRAY['x','y'] AS arr, NULL::text AS nothing, 'l''été'::text AS t`;

describe.runIf(testDbKind() === "pglite")("PGlite in its own thread", () => {
  let thread: PGliteThread;
  let local: PGlite;

  beforeAll(async () => {
    thread = await PGliteThread.open("memory://");
    local = await PGlite.create();
    for (const db of [thread.asPGlite(), local]) await db.exec("CREATE TABLE t (id int PRIMARY KEY, label text)");
  });
  afterAll(async () => {
    await thread.close();
    await local.close();
  });

  it("returns the same values as PGlite in this thread, with or without the caller's parsers", async () => {
    expect(await thread.query(TYPES_SQL)).toMatchObject({ rows: (await local.query(TYPES_SQL)).rows });
    const parsers = { 1184: (v: string) => `instant ${v}`, 20: (v: string) => BigInt(v) };
    const options = { rowMode: "array" as const, parsers };
    expect((await thread.query(TYPES_SQL, [], options)).rows).toEqual((await local.query(TYPES_SQL, [], options)).rows);
    const withParams = "SELECT $1::text AS a, $2::int AS b, $3::timestamptz AS c";
    const params = ["é", 3, new Date("2026-04-16T07:00:00Z")];
    expect((await thread.query(withParams, params)).rows).toEqual((await local.query(withParams, params)).rows);
  });

  it("prepares each statement once and binds new values each time, NULL included", async () => {
    const sql = "SELECT $1::int + 1 AS next, $2::text AS label, $3::timestamptz AS at";
    for (const [n, label] of [
      [1, "un"],
      [41, null],
      [-5, "l'été"],
    ] as const) {
      const at = new Date(Date.UTC(2024, 3, 16, n + 10));
      expect((await thread.query(sql, [n, label, at])).rows).toEqual([{ next: n + 1, label, at }]);
    }
    // A statement that does not parse is not kept, and the next ones run normally.
    await expect(thread.query("SELEC 1")).rejects.toMatchObject({ code: "42601" });
    await expect(thread.query("SELEC 1")).rejects.toMatchObject({ code: "42601" });
    expect((await thread.query("SELECT 2 AS two")).rows).toEqual([{ two: 2 }]);
  });

  it("hands back PostgreSQL errors as PGlite's own error class, code and detail included", async () => {
    await thread.query("INSERT INTO t VALUES (1, 'a')");
    const error = await thread.query("INSERT INTO t VALUES (1, 'b')").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(messages.DatabaseError);
    expect(error).toMatchObject({ code: "23505", table: "t", constraint: "t_pkey" });
  });

  it("commits, rolls back on a thrown error, and honours an explicit rollback", async () => {
    await thread.transaction(async (tx) => {
      await tx.query("INSERT INTO t VALUES (2, 'committed')");
    });
    await expect(
      thread.transaction(async (tx) => {
        await tx.query("INSERT INTO t VALUES (3, 'thrown')");
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    await thread.transaction(async (tx) => {
      await tx.query("INSERT INTO t VALUES (4, 'rolled back')");
      await tx.rollback();
    });
    const { rows } = await thread.query<{ id: number }>("SELECT id FROM t ORDER BY id");
    expect(rows.map((r) => r.id)).toEqual([1, 2]);
  });

  it("keeps other statements out of a transaction until it ends (one connection, as in this thread)", async () => {
    let inside = "";
    const tx = thread.transaction(async (t) => {
      await t.query("UPDATE t SET label = 'in tx' WHERE id = 2");
      await new Promise((r) => setTimeout(r, 100));
      inside = (await t.query<{ label: string }>("SELECT label FROM t WHERE id = 2")).rows[0].label;
    });
    const outside = thread.query<{ label: string }>("SELECT label FROM t WHERE id = 2");
    await tx;
    expect(inside).toBe("in tx");
    expect((await outside).rows[0].label).toBe("in tx"); // ran after the commit, not in between
  });

  it("fails every call clearly once the thread is gone, instead of hanging", async () => {
    const doomed = await PGliteThread.open("memory://");
    await doomed.close();
    await expect(doomed.query("SELECT 1")).rejects.toThrow(/base embarquée/);
  });
});
