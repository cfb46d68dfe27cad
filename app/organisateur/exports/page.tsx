import type { Metadata } from "next";
import { connection } from "next/server";
import { AttestationMailingSection } from "@/components/reports/attestation-mailing-section";
import { ExportFiltersForm } from "@/components/reports/export-filters-form";
import styles from "@/components/reports/reports.module.css";
import { SignedDocumentsList } from "@/components/reports/signed-documents-list";
import { signedHalfDays } from "@/lib/attendance/queries/documents";
import { requirePageUser } from "@/lib/auth/current-user";
import { canManageJournee, canReadReports, journeeScope } from "@/lib/auth/permissions";
import { EXPORT_KIND_LABELS } from "@/lib/reports/labels";
import { listReportJournees } from "@/lib/reports/queries";
import { getAttestationMailingProgress } from "@/lib/reports/queries/attestation-mailing";
import { listShownQuestions } from "@/lib/reports/queries/shown-answer";
import {
  CATERER_KINDS,
  EXPORT_KINDS,
  exportFiltersSchema,
  JOURNEE_REQUIRED,
  SCAN_HISTORY_KINDS,
} from "@/lib/reports/schema";

export const metadata: Metadata = { title: "Exports" };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function ExportsPage({ searchParams }: { searchParams: Search }) {
  await connection();
  const user = await requirePageUser("/organisateur/exports", (u) => canReadReports(u));
  const sp = await searchParams;
  const one = (k: string) => (typeof sp[k] === "string" ? (sp[k] as string) : undefined);
  const parsed = exportFiltersSchema.safeParse({
    journeeId: one("journeeId"),
    partId: one("partId"),
    status: one("status"),
    questionId: one("questionId"),
  });
  const filters = parsed.success ? parsed.data : exportFiltersSchema.parse({});
  const journees = await listReportJournees(journeeScope(user, "reports"));
  const journee = journees.find((j) => j.id === filters.journeeId);
  const questions = journee ? await listShownQuestions(journeeScope(user, "reports"), journee.id) : [];
  // A question of another journée (the journée was just changed in the form) is dropped, not refused.
  if (!questions.some((q) => q.id === filters.questionId)) filters.questionId = undefined;
  const query = new URLSearchParams(
    Object.entries(filters).filter(
      (e): e is [string, string] => typeof e[1] === "string" && e[1] !== "" && e[1] !== "all",
    ),
  ).toString();
  // The scan history is exported from its own page (organisers of the journée only).
  // The liste traiteur names diets (possibly health data): organisers of the journée only.
  const caterer = journee ? canManageJournee(user, journee) : false;
  const kinds = EXPORT_KINDS.filter(
    (k) => !SCAN_HISTORY_KINDS.has(k) && (journee || !JOURNEE_REQUIRED.has(k)) && (caterer || !CATERER_KINDS.has(k)),
  );
  const finished = journee ? journee.endsAt.getTime() < Date.now() : false;
  return (
    <>
      <h1>Exports</h1>
      <p>Chaque téléchargement est enregistré dans le journal d'audit (qui, quoi, quels filtres, quand).</p>
      <ExportFiltersForm journees={journees} filters={filters} questions={questions} />
      <h2>Fichiers {journee ? `— ${journee.title}` : "— tout le programme"}</h2>
      {!journee && <p>Choisissez une journée pour la feuille d'émargement, les badges et les attestations.</p>}
      <ul className={styles.exportList}>
        {kinds
          .filter((k) => k !== "attestations-zip" || finished)
          .map((k) => (
            <li key={k}>
              <a href={`/api/exports/${k}${query ? `?${query}` : ""}`} download>
                {EXPORT_KIND_LABELS[k]}
              </a>
            </li>
          ))}
      </ul>
      {journee && <SignedDocumentsList journeeId={journee.id} halfDays={await signedHalfDays(user, journee.id)} />}
      {journee && finished && canManageJournee(user, journee) && (
        <AttestationMailingSection
          journeeId={journee.id}
          progress={await getAttestationMailingProgress(journeeScope(user, "manage"), journee.id)}
          envoi={one("envoi")}
        />
      )}
    </>
  );
}
