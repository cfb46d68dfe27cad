import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { LiveJourneeDashboard } from "@/components/reports/live-journee-dashboard";
import { QuestionReportsSection } from "@/components/reports/question-reports";
import { requirePageUser } from "@/lib/auth/current-user";
import { canManageJournee, canReadReports, journeeScope } from "@/lib/auth/permissions";
import { formatDayRange } from "@/lib/format/dates";
import { plural } from "@/lib/format/plural";
import { getReportJournee } from "@/lib/reports/queries";
import { getJourneeDashboard } from "@/lib/reports/queries/dashboards";
import { getQuestionReports } from "@/lib/reports/queries/questions";

export const metadata: Metadata = { title: "Tableau de bord de la journée" };

export default async function JourneeDashboardPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const { id } = await params;
  const user = await requirePageUser(`/organisateur/journees/${id}/tableau-de-bord`, (u) => canReadReports(u));
  const data = await getJourneeDashboard(journeeScope(user, "reports"), id);
  if (!data) notFound();
  // Free-text answers are personal data: listed to the journée's organisers only (others see counts).
  const ref = await getReportJournee(journeeScope(user, "reports"), id);
  const texts = ref ? canManageJournee(user, ref) : false;
  const questions = await getQuestionReports(journeeScope(user, "reports"), id, { texts });
  const j = data.journee;
  return (
    <>
      <p>
        <Link href="/organisateur/tableau-de-bord">← Tableau de bord du programme</Link>
      </p>
      <h1>Tableau de bord — {j.title}</h1>
      <p>
        {formatDayRange(new Date(j.startsAt), new Date(j.endsAt))}, {j.city}. Capacité : {plural(j.capacity, "place")}.{" "}
        <Link href={`/organisateur/exports?journeeId=${encodeURIComponent(j.id)}`}>Exports de cette journée</Link>
      </p>
      <LiveJourneeDashboard initial={data} />
      {questions && <QuestionReportsSection data={questions} texts={texts} />}
    </>
  );
}
