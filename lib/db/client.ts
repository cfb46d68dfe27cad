import type { PGlite } from "@electric-sql/pglite";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { openAdapter } from "./adapter";
import { type DbConfig, resolveDbConfig } from "./config";
import { PrismaClient } from "./generated/client";

export type Db = PrismaClient;
export type DbHandle = {
  client: PrismaClient;
  factory: SqlMigrationAwareDriverAdapterFactory;
  close: () => Promise<void>;
  config: DbConfig;
  pglite?: PGlite;
};

type Holder = { handle?: Promise<DbHandle> };
// One client per process, created on first use (never at import: `next build` must not open PGlite).
const root = globalThis as unknown as { __emargeDb?: Holder };
const state: Holder = root.__emargeDb ?? {};
root.__emargeDb = state;

export async function createDb(config: DbConfig = resolveDbConfig()): Promise<DbHandle> {
  const adapter = await openAdapter(config);
  // PGlite runs one transaction at a time: others queue on its mutex (a backup holds it for
  // seconds), so they may wait longer than Prisma's 2 s default before starting.
  const transactionOptions =
    config.kind === "pglite" ? { maxWait: 15_000, timeout: 30_000 } : { maxWait: 5_000, timeout: 15_000 };
  const client = new PrismaClient({ adapter: adapter.factory, transactionOptions });
  return {
    client,
    factory: adapter.factory,
    config,
    pglite: adapter.pglite,
    close: async () => {
      await client.$disconnect();
      await adapter.close();
    },
  };
}

export function getDbHandle(): Promise<DbHandle> {
  state.handle ??= createDb().catch((error) => {
    state.handle = undefined;
    throw error;
  });
  return state.handle;
}

/** The process-wide Prisma client. */
export async function getDb(): Promise<PrismaClient> {
  return (await getDbHandle()).client;
}

export async function closeDb(): Promise<void> {
  const current = state.handle;
  state.handle = undefined;
  if (current) await (await current).close();
}
