/**
 * npm run db:migrate            apply pending migrations (PGlite or PostgreSQL, offline)
 * npm run db:status             list pending migrations
 * npm run db:migration -- name  create prisma/migrations/<timestamp>_<name>/ from schema changes
 */
import "./load-env";
import fs from "node:fs";
import path from "node:path";
import { openAdapter } from "../lib/db/adapter";
import { describeDb, resolveDbConfig } from "../lib/db/config";
import { applyMigrations, diffSchemaAgainstMigrations, migrationStatus, migrationsDir } from "../lib/db/migrate";

async function main() {
  const [command = "apply", name] = process.argv.slice(2);
  if (command === "create") {
    if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error("Usage : npm run db:migration -- nom_en_minuscules");
    // The diff replays the migrations on an in-memory PGlite shadow database.
    const shadow = await openAdapter({ kind: "pglite", dataDir: "memory://" });
    const sql = await diffSchemaAgainstMigrations(shadow.factory);
    await shadow.close();
    if (!sql) return console.log("Aucun changement de schéma : pas de nouvelle migration.");
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(migrationsDir, `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), sql);
    return console.log(`Migration créée : ${path.relative(process.cwd(), dir)}/migration.sql`);
  }
  const config = resolveDbConfig();
  const adapter = await openAdapter(config);
  try {
    if (command === "status") {
      const status = await migrationStatus(adapter.factory);
      const pending = status.history?.diagnostic === "databaseIsBehind" ? status.history.unappliedMigrationNames : [];
      console.log(
        `${describeDb(config)} : ${pending.length} migration(s) en attente${pending.length ? ` — ${pending.join(", ")}` : ""}`,
      );
      if (status.history && status.history.diagnostic !== "databaseIsBehind")
        console.log(JSON.stringify(status.history));
      if (status.failedMigrationNames.length) console.log(`En échec : ${status.failedMigrationNames.join(", ")}`);
      process.exitCode = pending.length ? 1 : 0;
    } else if (command === "apply") {
      const applied = await applyMigrations(adapter.factory);
      console.log(`${describeDb(config)} : ${applied.length ? `appliquée(s) ${applied.join(", ")}` : "à jour"}`);
    } else {
      throw new Error(`Commande inconnue : ${command}`);
    }
  } finally {
    await adapter.close();
  }
}

main()
  .then(() => process.exit(process.exitCode ?? 0)) // the WASM engine keeps the loop alive ~10 s
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
