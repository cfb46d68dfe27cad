import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { RegistrationPanel } from "@/components/registration/registration-panel";
import { StatusBadge } from "@/components/site/status-badge";
import { formatLongDate, formatTime } from "@/lib/format/dates";
import { plural } from "@/lib/format/plural";
import { getPublicJourneeBySlug, type PublicJournee, type PublicJourneePart } from "@/lib/journees/queries";
import { acceptsRegistrations, journeePublicStatus, type PublicStatus, placesLeft } from "@/lib/journees/status";

type Props = { params: Promise<{ slug: string }> };

const loadJournee = cache(async (slug: string) => getPublicJourneeBySlug(slug));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const journee = await loadJournee((await params).slug);
  if (!journee) return { title: "Page introuvable" };
  return {
    title: `${journee.title} — ${journee.city}, ${formatLongDate(journee.startsAt)}`,
    description: `Journée professionnelle Logement d'abord à ${journee.city} : ${journee.venue}.`,
  };
}

/** Paragraphs separated by blank lines; React escapes the text. */
function Paragraphs({ text }: { text: string }) {
  const blocks = text
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean);
  return (
    <>
      {blocks.map((block, i) => {
        const lines = block.split("\n");
        return (
          <p key={i}>
            {lines.map((line, j) => (
              <span key={j}>
                {j > 0 ? <br /> : null}
                {line}
              </span>
            ))}
          </p>
        );
      })}
    </>
  );
}

function placesText(left: number): string {
  return plural(left, "place restante", "places restantes");
}

function PartItem({ part, showPlaces }: { part: PublicJourneePart; showPlaces: boolean }) {
  const left = part.capacity === null ? null : Math.max(0, part.capacity - part.confirmedCount);
  return (
    <li>
      <span className="parts__title">{part.title}</span>
      <span className="parts__meta">
        {formatTime(part.startsAt)} – {formatTime(part.endsAt)}
        {showPlaces && left !== null ? <> · {left > 0 ? placesText(left) : "complet"}</> : null}
      </span>
    </li>
  );
}

function RegistrationState({ journee, status }: { journee: PublicJournee; status: PublicStatus }) {
  switch (status) {
    case "ouvertes":
      return (
        <p className="places">
          {placesText(placesLeft(journee))} sur {journee.capacity}
        </p>
      );
    case "complet":
      return (
        <p className="notice notice--warning">
          <strong>Complet.</strong> Vous pouvez vous inscrire sur la liste d'attente : vous serez prévenu par e-mail si
          une place se libère.
        </p>
      );
    case "bientot":
      return (
        <p className="notice">
          Les inscriptions ouvriront le {formatLongDate(journee.registrationOpensAt)} à{" "}
          {formatTime(journee.registrationOpensAt)}.
        </p>
      );
    case "closes":
      return <p className="notice">Les inscriptions sont closes.</p>;
    case "terminee":
      return <p>Cette journée a eu lieu le {formatLongDate(journee.startsAt)}. Les inscriptions sont fermées.</p>;
    case "annulee":
      return (
        <p className="notice notice--warning">
          Cette journée est annulée. Les personnes inscrites ont été ou seront prévenues par e-mail.
        </p>
      );
  }
}

export default async function JourneePage({ params }: Props) {
  await connection();
  const { slug } = await params;
  const journee = await loadJournee(slug);
  if (!journee) notFound();

  const now = new Date();
  const status = journeePublicStatus(journee, now);
  const open = acceptsRegistrations(status);
  const halfDays = journee.parts.filter((p) => p.kind === "HALF_DAY");
  const workshops = journee.parts.filter((p) => p.kind === "WORKSHOP");
  const panelJournee = {
    id: journee.id,
    slug: journee.slug,
    title: journee.title,
    status,
    capacity: journee.capacity,
    confirmedCount: journee.confirmedCount,
    parts: journee.parts,
    questions: journee.questions,
  };

  return (
    <>
      <Link href="/" className="back-link">
        ← Retour au programme
      </Link>
      <div className="journee-header">
        <p className="card__kicker">
          {journee.isPlenary ? "Journée plénière" : "Journée professionnelle"} · {journee.city}
        </p>
        <h1>{journee.title}</h1>
        <p>
          <span className="visually-hidden">Statut : </span>
          <StatusBadge status={status} />
        </p>
      </div>

      <div className="journee-layout">
        <div className="journee-layout__facts">
          <dl className="facts">
            <dt>Date</dt>
            <dd>{formatLongDate(journee.startsAt)}</dd>
            <dt>Horaires</dt>
            <dd>
              {formatTime(journee.startsAt)} – {formatTime(journee.endsAt)}
            </dd>
            <dt>Lieu</dt>
            <dd>
              {journee.venue}
              <br />
              {journee.address}
            </dd>
            {journee.accessInfo ? (
              <>
                <dt>Accès</dt>
                <dd>{journee.accessInfo}</dd>
              </>
            ) : null}
            <dt>Organisation</dt>
            <dd>{journee.partner.name}</dd>
          </dl>
        </div>

        <section id="inscription" aria-labelledby="inscription-titre" className="panel journee-layout__panel">
          <h2 id="inscription-titre">Inscription</h2>
          <RegistrationState journee={journee} status={status} />
          {open ? <RegistrationPanel journee={panelJournee} /> : null}
        </section>

        <div className="journee-layout__details">
          {halfDays.length ? (
            <section aria-labelledby="demi-journees">
              <h2 id="demi-journees">Demi-journées</h2>
              <ul className="parts">
                {halfDays.map((p) => (
                  <PartItem key={p.id} part={p} showPlaces={open} />
                ))}
              </ul>
            </section>
          ) : null}

          {workshops.length ? (
            <section aria-labelledby="ateliers">
              <h2 id="ateliers">Ateliers</h2>
              <ul className="parts">
                {workshops.map((p) => (
                  <PartItem key={p.id} part={p} showPlaces={open} />
                ))}
              </ul>
            </section>
          ) : null}

          {journee.programme.trim() ? (
            <section aria-labelledby="programme" className="prose">
              <h2 id="programme">Programme</h2>
              <Paragraphs text={journee.programme} />
            </section>
          ) : null}
        </div>
      </div>
    </>
  );
}
