import path from "node:path";

export type DbConfig = { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string };

/**
 * Which database to open. No DATABASE_URL → embedded PGlite in ./data/pglite
 * (PGLITE_DIR overrides the folder; "memory://" keeps it in memory, for tests).
 */
export function resolveDbConfig(env: Record<string, string | undefined> = process.env): DbConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error(
        `DATABASE_URL doit commencer par postgres:// ou postgresql:// (reçu : ${url.split(":")[0]}:…) / DATABASE_URL must be a postgres:// URL`,
      );
    }
    return { kind: "postgres", url };
  }
  const dir = env.PGLITE_DIR?.trim() || path.join(process.cwd(), "data", "pglite");
  return { kind: "pglite", dataDir: dir.startsWith("memory://") ? dir : path.resolve(dir) };
}

export function describeDb(config: DbConfig): string {
  if (config.kind === "postgres") return `PostgreSQL (${new URL(config.url).host})`;
  return `PGlite embarqué (${config.dataDir})`;
}
