/**
 * npm run backup — writes a backup into data/backups (BACKUP_DIR) and prints its path.
 * PostgreSQL: pg_dump. PGlite: a dump of the data directory; when the app is running (it holds the
 * directory), the running app takes the backup itself, so writes in progress stay consistent.
 */
import "./load-env";
import { writeAudit } from "../lib/audit/mutations";
import { backupPglite, backupPostgres } from "../lib/db/backup";
import { createDb } from "../lib/db/client";
import { resolveDbConfig } from "../lib/db/config";
import { DatabaseLockedError } from "../lib/db/pglite-lock";
import { opsToken } from "../lib/ops/ops-token";

async function viaRunningServer(): Promise<string> {
  const base = process.env.APP_URL || `http://localhost:${process.env.PORT || 3000}`;
  const response = await fetch(`${base}/api/ops/backup`, {
    method: "POST",
    headers: { "x-emarge-ops-token": opsToken("backup") },
  });
  const body = (await response.json()) as { ok: boolean; file?: string; reason?: string };
  if (!body.ok || !body.file) throw new Error(`Le serveur a refusé la sauvegarde (${body.reason}).`);
  return body.file;
}

async function main() {
  const config = resolveDbConfig();
  if (config.kind === "postgres") return backupPostgres(config.url);
  try {
    const handle = await createDb(config);
    try {
      const file = await backupPglite(handle);
      await writeAudit({ action: "ops.backup", actorLabel: "npm run backup", details: { file } }, handle.client);
      return file;
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof DatabaseLockedError) return viaRunningServer();
    throw error;
  }
}

main()
  .then((file) => {
    console.log(`Sauvegarde écrite : ${file}`);
    process.exit(0);
  })
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
