import { connection } from "next/server";
import { JourneeCard } from "@/components/site/journee-card";
import { listPublicJournees, type PublicJournee } from "@/lib/journees/queries";
import { journeePublicStatus } from "@/lib/journees/status";

export default async function ProgrammePage() {
  await connection();
  const now = new Date();
  const journees = await listPublicJournees();
  const upcoming = journees.filter((j) => j.endsAt.getTime() > now.getTime());
  const past = journees.filter((j) => j.endsAt.getTime() <= now.getTime()).reverse();

  const renderList = (items: PublicJournee[]) => (
    <ul className="card-list">
      {items.map((j) => (
        <li key={j.id}>
          <JourneeCard journee={j} status={journeePublicStatus(j, now)} />
        </li>
      ))}
    </ul>
  );

  return (
    <>
      <h1>Programme des journées professionnelles</h1>
      <p className="lead">
        Le plan Logement d'abord vise l'accès direct à un logement ordinaire et durable des personnes sans domicile,
        avec l'accompagnement dont elles ont besoin. Ces journées réunissent les professionnels des Bouches-du-Rhône :
        communes et CCAS, bailleurs sociaux, associations, secteur sanitaire et médico-social, services de l'État et
        gestionnaires de logement accompagné.
      </p>

      <section aria-labelledby="a-venir">
        <h2 id="a-venir">Prochaines journées</h2>
        {upcoming.length ? (
          renderList(upcoming)
        ) : (
          <p>Aucune journée n'est programmée pour le moment. Le programme sera publié ici.</p>
        )}
      </section>

      {past.length ? (
        <section aria-labelledby="passees">
          <h2 id="passees">Journées passées</h2>
          {renderList(past)}
        </section>
      ) : null}
    </>
  );
}
