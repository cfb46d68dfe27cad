import { createHash } from "node:crypto";
import type { PGlite } from "@electric-sql/pglite";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { DbConfig } from "./config";
import { acquirePgliteLock } from "./pglite-lock";

export type OpenedAdapter = {
  factory: SqlMigrationAwareDriverAdapterFactory;
  close: () => Promise<void>;
  /** The embedded database itself (backups), when it is PGlite. */
  pglite?: PGlite;
};

/** Opens the driver adapter for either database; the only place that knows both drivers. */
export async function openAdapter(config: DbConfig): Promise<OpenedAdapter> {
  if (config.kind === "postgres") {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const max = Number.parseInt(process.env.DATABASE_POOL_SIZE ?? "10", 10);
    // DATABASE_PREPARED_STATEMENTS=0: for a pooler that cannot keep them (PgBouncer < 1.21 in transaction mode).
    const prepared = process.env.DATABASE_PREPARED_STATEMENTS !== "0";
    const factory = new PrismaPg(
      { connectionString: config.url, max },
      prepared ? { statementNameGenerator: preparedName() } : undefined,
    );
    return { factory: wholeScriptMigrations(factory, config.url), close: async () => {} };
  }
  const { PGlite: PGliteClass } = await import("@electric-sql/pglite");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  const inMemory = config.dataDir.startsWith("memory://");
  const release = inMemory ? () => {} : acquirePgliteLock(config.dataDir);
  try {
    // The database runs in its own thread (decision 014): the HTTP work keeps this one.
    const pglite = inPgliteThread()
      ? (await (await import("./pglite-thread")).PGliteThread.open(config.dataDir)).asPGlite()
      : await PGliteClass.create(inMemory ? undefined : config.dataDir);
    return {
      pglite,
      factory: new PrismaPGlite(pglite),
      close: async () => {
        await pglite.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * Named (prepared) statements on PostgreSQL: each connection parses and analyses a statement once,
 * then reuses it — a scan's statements cost about a millisecond less each (decision 012). Names
 * come from the SQL text (statements with parameters only); past PREPARED_LIMIT distinct texts (e.g. lists of varying length),
 * statements go unnamed, so that the server's memory per connection stays bounded.
 */
const PREPARED_LIMIT = 500;
// pg treats an undefined name as an unnamed statement, which the adapter's type does not admit.
function preparedName(): (query: { sql: string; args: unknown[] }) => string {
  const names = new Map<string, string>();
  return ({ sql, args }) => {
    // Without parameters pg sends the simple protocol, which also runs multi-statement scripts.
    if (!args.length) return undefined as unknown as string;
    const known = names.get(sql);
    if (known || names.size >= PREPARED_LIMIT) return known as string;
    const name = `emarge_${createHash("sha1").update(sql).digest("hex").slice(0, 20)}`;
    names.set(sql, name);
    return name;
  };
}

/** PGLITE_THREAD=0 keeps PGlite in the calling thread (diagnosis, comparison). */
function inPgliteThread(): boolean {
  return process.env.PGLITE_THREAD !== "0";
}

/**
 * adapter-pg runs a migration script by splitting it on ";", which breaks dollar-quoted
 * function bodies (our audit trigger). Send the whole script in one simple-protocol query
 * instead: PostgreSQL then also applies it atomically.
 */
function wholeScriptMigrations(
  factory: SqlMigrationAwareDriverAdapterFactory,
  url: string,
): SqlMigrationAwareDriverAdapterFactory {
  const runScript = async (script: string) => {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(script);
    } finally {
      await client.end();
    }
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = await factory.connect();
      adapter.executeScript = runScript;
      return adapter;
    },
    connectToShadowDb: () => factory.connectToShadowDb(),
  };
}
