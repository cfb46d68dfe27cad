import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { formatLongDate, formatTime } from "@/lib/format/dates";
import { formatDuration } from "@/lib/reports/labels";
import { findAttestationByCode, listOrganisers } from "@/lib/reports/queries";
import { formatAttestationCode, normalizeAttestationCode } from "@/lib/reports/schema";

export const metadata: Metadata = { title: "Vérifier une attestation de présence", robots: { index: false } };

/** Public: anyone holding an attestation's code sees exactly what the attestation states, nothing more. */
export default async function VerifierPage({ searchParams }: { searchParams: Promise<{ code?: string | string[] }> }) {
  await connection();
  const raw = (await searchParams).code;
  const typed = typeof raw === "string" ? raw.slice(0, 40) : "";
  const code = typed ? normalizeAttestationCode(typed) : null;
  const found = code ? await findAttestationByCode(code) : null;
  const organisers = found ? await listOrganisers() : [];
  return (
    <>
      <h1>Vérifier une attestation de présence</h1>
      <p>
        Saisissez le code de vérification imprimé en bas de l'attestation (10 caractères, par exemple « 7K3QZ-M9X2P »).
      </p>
      <p>
        Une feuille d'émargement signée ?{" "}
        <Link href="/attestations/verifier/emargement">Vérifiez son code et son empreinte</Link>.
      </p>
      <form method="get" className="form-stack">
        <div className="field">
          <label htmlFor="code">Code de vérification</label>
          <input
            id="code"
            name="code"
            defaultValue={typed}
            autoComplete="off"
            spellCheck={false}
            maxLength={40}
            required
          />
        </div>
        <button type="submit" className="button">
          Vérifier
        </button>
      </form>
      {typed && !found && (
        <p role="status" className="notice notice--warning" data-testid="verification-result">
          Aucune attestation ne correspond au code « {typed} ». Vérifiez la saisie : les tirets et espaces sont
          facultatifs.
        </p>
      )}
      {found && code && (
        <section aria-labelledby="resultat" data-testid="verification-result">
          <h2 id="resultat">Attestation authentique</h2>
          <p role="status">Le code {formatAttestationCode(code)} correspond à l'attestation suivante :</p>
          <dl className="facts">
            <dt>Participant·e</dt>
            <dd>
              {found.firstName} {found.lastName}
            </dd>
            <dt>Structure</dt>
            <dd>{found.structure}</dd>
            <dt>Journée</dt>
            <dd>{found.journee.title}</dd>
            <dt>Date</dt>
            <dd>
              {formatLongDate(found.journee.startsAt)} ({formatTime(found.journee.startsAt)} –{" "}
              {formatTime(found.journee.endsAt)})
            </dd>
            <dt>Lieu</dt>
            <dd>
              {found.journee.venue}, {found.journee.address}
            </dd>
            <dt>Présence</dt>
            <dd>{found.halfDays.join(", ")}</dd>
            <dt>Durée</dt>
            <dd>{formatDuration(found.minutes)}</dd>
            <dt>Organisateurs</dt>
            <dd>{organisers.join(", ")}</dd>
          </dl>
        </section>
      )}
    </>
  );
}
