/**
 * npm run admin:create -- <email>   creates (or re-activates) a user with a global ADMIN grant.
 * Idempotent: a second run changes nothing. Audited (user.invite, actor "admin:create").
 * The admin then signs in with ProConnect or an e-mail link, like every invited user.
 */
import "./load-env";
import { ensureUserWithGrant } from "../lib/auth/mutations";
import { closeDb } from "../lib/db/client";
import { describeDb, resolveDbConfig } from "../lib/db/config";
import { DatabaseLockedError } from "../lib/db/pglite-lock";

async function main() {
  const email =
    process.argv
      .slice(2)
      .find((a) => !a.startsWith("-"))
      ?.trim() ?? "";
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    console.error("Usage : npm run admin:create -- prenom.nom@exemple.fr");
    process.exit(2);
  }
  const result = await ensureUserWithGrant({
    email,
    grant: { role: "ADMIN" },
    actor: { id: null, label: "admin:create" },
  });
  const what = result.created
    ? "créé"
    : result.granted
      ? "existant, rôle administrateur ajouté"
      : "déjà administrateur";
  console.log(`${describeDb(resolveDbConfig())} : administrateur ${email} ${what}.`);
}

main()
  .then(async () => {
    await closeDb();
    process.exit(0);
  })
  .catch((error) => {
    if (error instanceof DatabaseLockedError) {
      // The embedded database is single-process: the running app (npm start) holds it.
      console.error(
        `Impossible de créer l'administrateur : la base embarquée ${error.dataDir} est ouverte par ` +
          `l'application en cours d'exécution (processus ${error.ownerPid}).\n` +
          "Arrêtez l'application (Ctrl+C dans le terminal de npm start), relancez npm run admin:create -- <e-mail>, " +
          "puis npm start. Avec PostgreSQL (DATABASE_URL), la commande fonctionne pendant que l'application tourne.",
      );
      process.exit(3);
    }
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
