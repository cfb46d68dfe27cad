/**
 * npm run restore -- <file> — restores a backup made by `npm run backup`.
 * PGlite: the app must be stopped; the current directory is kept beside it. PostgreSQL: pg_restore --clean.
 */
import "./load-env";
import fs from "node:fs";
import { restorePglite, restorePostgres } from "../lib/db/backup";
import { resolveDbConfig } from "../lib/db/config";

async function main() {
  const file = process.argv[2];
  if (!file || !fs.existsSync(file)) throw new Error("Usage : npm run restore -- <fichier de sauvegarde>");
  const config = resolveDbConfig();
  if (config.kind === "postgres") {
    if (!file.endsWith(".dump")) throw new Error("Ce fichier n'est pas une sauvegarde PostgreSQL (.dump).");
    await restorePostgres(config.url, file);
    return "PostgreSQL restaurée.";
  }
  if (!file.endsWith(".tar.gz")) throw new Error("Ce fichier n'est pas une sauvegarde de la base embarquée (.tar.gz).");
  const kept = await restorePglite(config, file);
  return `Base embarquée restaurée. L'ancienne est conservée dans ${kept}.`;
}

main()
  .then((message) => {
    console.log(message);
    process.exit(0);
  })
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
