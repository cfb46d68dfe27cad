import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { ScrollTable } from "@/components/organiser/scroll-table";
import { requirePageUser } from "@/lib/auth/current-user";
import { canCheckIn, canCreateJourneeFor, canManageJournee, canReadReports } from "@/lib/auth/permissions";
import { formatShortDate } from "@/lib/format/dates";
import { JOURNEE_STATUS_LABELS } from "@/lib/organiser/labels";
import { listJourneesFor, listPartners } from "@/lib/organiser/queries";

export const metadata: Metadata = { title: "Journées" };

export default async function OrganisateurPage() {
  await connection();
  const user = await requirePageUser("/organisateur");
  const [journees, partners] = await Promise.all([listJourneesFor(user, "view"), listPartners()]);
  return (
    <>
      <h1>Journées</h1>
      {partners.some((p) => canCreateJourneeFor(user, p.id)) ? (
        <p>
          <Link href="/organisateur/journees/nouvelle" className="button">
            Nouvelle journée
          </Link>
        </p>
      ) : null}
      {journees.length === 0 ? (
        <p>Aucune journée ne vous est attribuée pour le moment.</p>
      ) : (
        <ScrollTable label="Journées">
          <table className="data-table">
            <caption className="visually-hidden">Journées que vous pouvez consulter</caption>
            <thead>
              <tr>
                <th scope="col">Journée</th>
                <th scope="col">Date</th>
                <th scope="col">Partenaire</th>
                <th scope="col">Statut</th>
                <th scope="col">Inscrits confirmés</th>
                <th scope="col">Vos droits</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {journees.map((j) => (
                <tr key={j.id} data-slug={j.slug}>
                  <th scope="row">{j.title}</th>
                  <td>{formatShortDate(j.startsAt)}</td>
                  <td>{j.partner.shortName}</td>
                  <td>{JOURNEE_STATUS_LABELS[j.status] ?? j.status}</td>
                  <td>
                    {j.confirmedCount} / {j.capacity}
                  </td>
                  <td>{canManageJournee(user, j) ? "Gestion" : canCheckIn(user, j) ? "Accueil" : "Consultation"}</td>
                  <td>
                    {canManageJournee(user, j) ? (
                      <Link href={`/organisateur/journees/${j.id}`} aria-label={`Gérer — ${j.title}`}>
                        Gérer
                      </Link>
                    ) : null}{" "}
                    {canCheckIn(user, j) ? (
                      <Link href={`/organisateur/journees/${j.id}/accueil`} aria-label={`Accueil — ${j.title}`}>
                        Accueil
                      </Link>
                    ) : null}{" "}
                    {canReadReports(user, j) ? (
                      <Link
                        href={`/organisateur/journees/${j.id}/tableau-de-bord`}
                        aria-label={`Tableau de bord — ${j.title}`}
                      >
                        Tableau de bord
                      </Link>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </>
  );
}
