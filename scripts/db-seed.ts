/**
 * npm run db:seed   loads the demo data (partners, 2023 programme, plenary of 16 April 2024,
 *                   one open journée, one held today). Idempotent: a second run changes nothing.
 * --if-empty        only into an empty database (what `npm start` does: real data is never touched).
 * --partners-only   only the three partners, no demo journée or person: what a production database
 *                   needs before journées can be created (docs/deployment.md). Idempotent too.
 */
import "./load-env";
import { createDb } from "../lib/db/client";
import { describeDb, resolveDbConfig } from "../lib/db/config";
import { isDatabaseEmpty, seedDemo, seedPartners } from "../lib/demo/seed";

async function main() {
  const config = resolveDbConfig();
  const db = await createDb(config);
  try {
    if (process.argv.includes("--partners-only")) {
      const { created } = await seedPartners(db.client);
      const total = await db.client.partner.count();
      console.log(`${describeDb(config)} : partenaires ${created ? "créés" : "déjà présents"} (${total} partenaires).`);
      return;
    }
    if (process.argv.includes("--if-empty") && !(await isDatabaseEmpty(db.client))) {
      console.log(`${describeDb(config)} : base déjà remplie, pas de données de démonstration ajoutées.`);
      return;
    }
    const started = Date.now();
    const { created } = await seedDemo(db.client);
    const counts = {
      journees: await db.client.journee.count(),
      inscriptions: await db.client.registration.count(),
      presences: await db.client.checkIn.count(),
    };
    console.log(
      `${describeDb(config)} : ${created ? "données de démonstration chargées" : "données de démonstration déjà présentes, rien à faire"} ` +
        `(${counts.journees} journées, ${counts.inscriptions} inscriptions, ${counts.presences} présences, ${Date.now() - started} ms)`,
    );
  } finally {
    await db.close();
  }
}

main()
  .then(() => process.exit(0))
  .catch((error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
