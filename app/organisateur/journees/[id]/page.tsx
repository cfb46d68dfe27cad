import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { AttendanceSettings } from "@/components/attendance/attendance-settings-form";
import { CancelJourneeForm } from "@/components/journee-admin/cancel-journee-form";
import { PartsTable } from "@/components/journee-admin/parts-table";
import { ActionButton } from "@/components/organiser/action-button";
import { formatDayRange, formatShortDateTime } from "@/lib/format/dates";
import { plural } from "@/lib/format/plural";
import { managedJourneeForPage, staffJourneeTitle } from "@/lib/journee-admin/page-guard";
import { closeJourneeAction, publishJourneeAction } from "@/lib/journees/actions";
import { JOURNEE_REFUSALS } from "@/lib/journees/schema";
import { JOURNEE_STATUS_LABELS } from "@/lib/organiser/labels";

type Props = { params: Promise<{ id: string }> };

/** The layout's title template names the journée only below this segment: this page names it itself. */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const title = await staffJourneeTitle((await params).id);
  return { title: title ? `Gérer la journée — ${title}` : "Gérer la journée" };
}

export default async function JourneeOverviewPage({ params }: Props) {
  await connection();
  const { id } = await params;
  const { journee: j } = await managedJourneeForPage(id, `/organisateur/journees/${id}`);
  const base = `/organisateur/journees/${id}`;
  const fields = { journeeId: id };
  return (
    <>
      <p>
        <Link href="/organisateur">← Journées</Link>
      </p>
      <h1>{j.title}</h1>
      <p data-testid="journee-status">
        Statut : <strong>{JOURNEE_STATUS_LABELS[j.status]}</strong> — {j.partner.name}
      </p>
      <ul>
        <li>{formatDayRange(j.startsAt, j.endsAt)}</li>
        <li>
          {j.venue}, {j.address} ({j.city})
        </li>
        <li>
          Inscriptions du {formatShortDateTime(j.registrationOpensAt)} au {formatShortDateTime(j.registrationClosesAt)}
        </li>
        <li>
          {plural(j.confirmedCount, "confirmée", "confirmées")} sur {plural(j.capacity, "place")}, {j.counts.WAITLISTED}{" "}
          en liste d'attente, {plural(j.counts.CANCELLED, "annulée", "annulées")}
        </li>
      </ul>
      <nav aria-label="Gestion de la journée" className="inline-form">
        <Link href={`${base}/inscriptions`}>Inscriptions</Link> ·{" "}
        <Link href={`${base}/questions`}>Questions à l'inscription</Link> ·{" "}
        <Link href={`${base}/message`}>Message aux inscrits</Link> ·{" "}
        <Link href={`${base}/emargement`}>Feuille d'émargement</Link>
        {j.status !== "CANCELLED" ? (
          <>
            {" "}
            · <Link href={`${base}/modifier`}>Modifier la journée</Link>
          </>
        ) : null}
        {j.status !== "DRAFT" ? (
          <>
            {" "}
            · <Link href={`/journees/${j.slug}`}>Page publique</Link>
          </>
        ) : null}
      </nav>
      <PartsTable parts={j.parts} />
      <section className="panel" aria-labelledby="emargement">
        <h2 id="emargement">Émargement</h2>
        <AttendanceSettings
          journeeId={id}
          settings={{ attendanceProof: j.attendanceProof, lateToleranceMinutes: j.lateToleranceMinutes }}
          canManage
        />
        <p>
          <Link href={`${base}/emargement`}>Voir la feuille d'émargement, contresigner, télécharger</Link>
        </p>
      </section>
      <section className="panel" aria-labelledby="etat">
        <h2 id="etat">Publication et inscriptions</h2>
        {j.status === "DRAFT" || j.status === "CLOSED" ? (
          <ActionButton
            action={publishJourneeAction}
            fields={fields}
            label={j.status === "DRAFT" ? "Publier la journée" : "Rouvrir les inscriptions"}
            labels={JOURNEE_REFUSALS}
            secondary={false}
          />
        ) : null}
        {j.status === "PUBLISHED" ? (
          <ActionButton
            action={closeJourneeAction}
            fields={fields}
            label="Clore les inscriptions"
            labels={JOURNEE_REFUSALS}
          />
        ) : null}
        {j.status === "CANCELLED" ? <p>Cette journée est annulée.</p> : null}
      </section>
      {j.status !== "CANCELLED" ? (
        <section className="panel" aria-labelledby="annuler">
          <h2 id="annuler">Annuler la journée</h2>
          <CancelJourneeForm journeeId={id} live={j.counts.CONFIRMED + j.counts.WAITLISTED} />
        </section>
      ) : null}
    </>
  );
}
