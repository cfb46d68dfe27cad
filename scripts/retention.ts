/**
 * npm run retention [-- --dry-run] — applies the retention policy now (docs/decisions/008-retention.md).
 * --dry-run prints what would be done and writes nothing. Each real run is audited (retention.run).
 * The app also runs it every night on its own (RETENTION_DAILY, lib/retention/scheduler.ts).
 */
import "./load-env";
import { closeDb } from "../lib/db/client";
import { DatabaseLockedError } from "../lib/db/pglite-lock";
import { describeRetentionRun } from "../lib/retention/labels";
import { applyRetention } from "../lib/retention/mutations";

const dryRun = process.argv.includes("--dry-run");

async function main() {
  try {
    const run = await applyRetention({ dryRun, actorLabel: "npm run retention" });
    for (const line of describeRetentionRun(run)) console.log(line);
  } finally {
    await closeDb();
  }
}

main()
  .then(() => process.exit(0))
  .catch((error) => {
    if (error instanceof DatabaseLockedError) {
      console.error(
        `${error.message}\nL'application en cours d'exécution applique elle-même la conservation chaque nuit ` +
          "(RETENTION_DAILY) ; pour la lancer à la main avec la base embarquée, arrêtez d'abord l'application.",
      );
    } else {
      console.error(error instanceof Error ? error.message : error);
    }
    process.exit(1);
  });
