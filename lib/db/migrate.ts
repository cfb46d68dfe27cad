import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

/**
 * Offline migrations through Prisma's own WASM schema engine (the native engine cannot be
 * downloaded here). It writes the standard _prisma_migrations table, so `prisma migrate deploy`
 * stays usable on the same folder. See docs/decisions/002-offline-migrations.md.
 */
const root = process.cwd();
export const migrationsDir = path.join(root, "prisma", "migrations");
const schemaPath = path.join(root, "prisma", "schema.prisma");
const filters = { externalTables: [], externalEnums: [] };

let engineModule: Promise<typeof import("@prisma/schema-engine-wasm")> | undefined;

/** The WASM module is instantiated once per process: its JS glue holds a single instance. */
function loadEngineModule() {
  engineModule ??= instantiateEngineModule();
  return engineModule;
}

async function instantiateEngineModule() {
  const require = createRequire(import.meta.url);
  const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bg = await import(bgPath);
  const bytes = fs.readFileSync(path.join(path.dirname(bgPath), "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  return bg as typeof import("@prisma/schema-engine-wasm");
}

export function readMigrationsList() {
  const dirs = fs.existsSync(migrationsDir)
    ? fs
        .readdirSync(migrationsDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: {
      path: "migration_lock.toml",
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: {
          tag: "ok" as const,
          value: fs.readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8"),
        },
      },
    })),
  };
}

export async function withEngine<T>(
  factory: SqlMigrationAwareDriverAdapterFactory,
  run: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const mod = await loadEngineModule();
  const datamodel = fs.readFileSync(schemaPath, "utf8");
  const log = (line: string) => {
    if (process.env.EMARGE_MIGRATE_DEBUG) console.error(line);
  };
  const engine = await mod.SchemaEngine.new(
    { datamodels: [[schemaPath, datamodel]] },
    log,
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  try {
    return await run(engine);
  } finally {
    engine.free();
  }
}

export async function applyMigrations(factory: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  return withEngine(factory, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList: readMigrationsList(), filters });
    return out.appliedMigrationNames;
  });
}

export async function migrationStatus(factory: SqlMigrationAwareDriverAdapterFactory) {
  return withEngine(factory, (engine) =>
    engine.diagnoseMigrationHistory({ migrationsList: readMigrationsList(), optInToShadowDatabase: false, filters }),
  );
}

/** SQL that brings the committed migrations up to the schema ("" when nothing changed). */
export async function diffSchemaAgainstMigrations(shadow: SqlMigrationAwareDriverAdapterFactory): Promise<string> {
  return withEngine(shadow, async (engine) => {
    const result = await engine.diff({
      from: { tag: "migrations", ...readMigrationsList() },
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: fs.readFileSync(schemaPath, "utf8") }] },
      script: true,
      exitCode: null,
      filters,
    });
    const sql = result.stdout ?? "";
    return /^\s*(-- This is an empty migration\.)?\s*$/.test(sql) ? "" : sql;
  });
}

export function checksum(sql: string): string {
  return createHash("sha256").update(sql).digest("hex");
}
