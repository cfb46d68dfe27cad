import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { ErasureForm } from "@/components/erasure/erasure-form";
import { requirePageUser } from "@/lib/auth/current-user";
import { isAdmin } from "@/lib/auth/permissions";
import { formatShortDate } from "@/lib/format/dates";
import { planRetention } from "@/lib/retention/queries";
import { retentionPolicyFromEnv } from "@/lib/retention/schema";

export const metadata: Metadata = { title: "Données personnelles" };

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

/** Admins: the retention policy in force, what the next run will do, and the erasure of a person. */
export default async function DonneesPersonnellesAdminPage() {
  await connection();
  await requirePageUser("/organisateur/donnees-personnelles", isAdmin);
  const policy = retentionPolicyFromEnv();
  const plan = await planRetention(new Date(), policy);
  return (
    <>
      <h1>Données personnelles</h1>
      <p>
        Les droits des personnes, les durées de conservation et l'adresse à laquelle écrire sont expliqués aux
        participants sur la page publique <Link href="/donnees-personnelles">Données personnelles</Link>.
      </p>

      <h2>Conservation</h2>
      <ul>
        <li>
          données complètes jusqu'à la fin de la journée plus{" "}
          <strong>{plural(policy.fullMonths, "mois", "mois")}</strong> ;
        </li>
        <li>
          puis seulement la preuve de présence (nom, structure, journée, demi-journées, émargement) pendant{" "}
          <strong>{plural(policy.proofYears, "an", "ans")}</strong> ;
        </li>
        <li>ensuite, seules les statistiques : type de structure, commune, statut et présences, sans identité.</li>
      </ul>
      <p>
        {policy.daily
          ? `La conservation est appliquée chaque nuit à ${policy.dailyHour} h (heure de Paris) et inscrite au journal.`
          : "L'application automatique est désactivée (RETENTION_DAILY=0) : lancez « npm run retention »."}{" "}
        À la prochaine exécution : {plural(plan.proofOnly.registrations, "inscription", "inscriptions")} de journées
        terminées au plus tard le {formatShortDate(plan.fullBefore)} à alléger,{" "}
        {plural(plan.aggregatesOnly.registrations, "inscription", "inscriptions")} de journées terminées au plus tard le{" "}
        {formatShortDate(plan.proofBefore)} à anonymiser.
      </p>

      <h2>Droits des personnes</h2>
      <p>
        Une personne peut modifier ou annuler elle-même son inscription avec le lien reçu par e-mail. Pour une demande
        d'accès ou de rectification, consultez ou corrigez son inscription depuis la journée concernée. Pour une demande
        d'effacement, utilisez le formulaire ci-dessous : toutes ses inscriptions sont anonymisées, les effectifs et les
        statistiques restent justes, et l'opération est inscrite au journal sans l'adresse e-mail. Répondez à la
        personne dans le délai d'un mois.
      </p>

      <h2>Effacer les données d'une personne</h2>
      <ErasureForm />
    </>
  );
}
