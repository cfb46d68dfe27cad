import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { DbHandle } from "./client";
import type { DbConfig } from "./config";

/**
 * Backups of either database, in their native formats:
 * - PGlite: a gzipped tarball of the data directory (`dumpDataDir`), taken between two queries
 *   of the single-threaded engine, hence consistent even while the app writes;
 * - PostgreSQL: `pg_dump -Fc` (one snapshot) restored by `pg_restore --clean`.
 */
export function backupDir(): string {
  return process.env.BACKUP_DIR || path.join(process.cwd(), "data", "backups");
}

/** Backups hold personal data: only the account that takes them may read them (0700 / 0600). */
function privateDir(dir: string) {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
}

function stamp(): string {
  return new Date().toISOString().replace(/[-:]/g, "").replace(/\..+/, "");
}

export async function backupPglite(handle: DbHandle, dir = backupDir()): Promise<string> {
  if (!handle.pglite) throw new Error("Pas de base embarquée ouverte.");
  const blob = await handle.pglite.dumpDataDir("gzip");
  privateDir(dir);
  const file = path.join(dir, `emarge-pglite-${stamp()}.tar.gz`);
  fs.writeFileSync(`${file}.part`, Buffer.from(await blob.arrayBuffer()), { mode: 0o600 });
  fs.renameSync(`${file}.part`, file);
  return file;
}

function pgTool(name: "pg_dump" | "pg_restore"): string {
  const candidates = fs.existsSync("/usr/lib/postgresql")
    ? fs
        .readdirSync("/usr/lib/postgresql")
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => `/usr/lib/postgresql/${v}/bin/${name}`)
    : [];
  return candidates.find((c) => fs.existsSync(c)) ?? name;
}

/**
 * The connection URL without its password, which goes in PGPASSWORD instead: a command line is
 * visible to every account on the server (`ps`) while a backup runs; a process's environment is not.
 */
export function withoutPassword(url: string): { url: string; env: Record<string, string> } {
  const parsed = new URL(url);
  if (!parsed.password) return { url, env: {} };
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  return { url: parsed.toString(), env: { PGPASSWORD: password } };
}

/** Runs pg_dump / pg_restore without blocking the event loop (the app keeps serving). */
function run(tool: string, args: string[], env: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, ...env } });
    let stderr = "";
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("error", () => reject(new Error(`${tool} introuvable : installez le paquet Debian postgresql-client.`)));
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(tool)} a échoué : ${stderr.trim()}`)),
    );
  });
}

export async function backupPostgres(url: string, dir = backupDir()): Promise<string> {
  privateDir(dir);
  const file = path.join(dir, `emarge-postgres-${stamp()}.dump`);
  fs.writeFileSync(`${file}.part`, "", { mode: 0o600 }); // pg_dump truncates it and keeps the mode
  const target = withoutPassword(url);
  await run(pgTool("pg_dump"), ["--format=custom", "--no-owner", "--file", `${file}.part`, target.url], target.env);
  fs.renameSync(`${file}.part`, file);
  return file;
}

export function restorePostgres(url: string, file: string): Promise<void> {
  const target = withoutPassword(url);
  const args = ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--dbname", target.url, file];
  return run(pgTool("pg_restore"), args, target.env);
}

/**
 * Replaces the PGlite data directory with the backup. The previous directory is kept beside it
 * (`<dir>.before-restore-<stamp>`) until the operator deletes it. The app must be stopped (lock).
 */
export async function restorePglite(config: Extract<DbConfig, { kind: "pglite" }>, file: string): Promise<string> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { acquirePgliteLock } = await import("./pglite-lock");
  const release = acquirePgliteLock(config.dataDir);
  try {
    const kept = `${config.dataDir}.before-restore-${stamp()}`;
    if (fs.existsSync(config.dataDir)) fs.renameSync(config.dataDir, kept);
    const blob = new Blob([fs.readFileSync(file)]);
    const db = await PGlite.create(config.dataDir, { loadDataDir: blob });
    await db.query("SELECT 1");
    await db.close();
    return kept;
  } finally {
    release();
  }
}
