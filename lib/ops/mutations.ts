import { writeAudit } from "@/lib/audit/mutations";
import { backupPglite, backupPostgres } from "@/lib/db/backup";
import { getDbHandle } from "@/lib/db/client";

/** A backup taken by the running app (the only process allowed to open its PGlite directory). */
export async function takeBackupInProcess(actorLabel: string): Promise<string> {
  const handle = await getDbHandle();
  const file = handle.config.kind === "pglite" ? await backupPglite(handle) : await backupPostgres(handle.config.url);
  await writeAudit({ action: "ops.backup", actorLabel, details: { file } });
  return file;
}
