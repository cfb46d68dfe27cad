import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { BarChart, registeredPresent, SERIES_REGISTERED_PRESENT } from "@/components/reports/bar-chart";
import { Kpis } from "@/components/reports/kpis";
import { ProgrammeTable } from "@/components/reports/programme-table";
import { ProgrammeQuestionTotalsSection } from "@/components/reports/question-reports";
import { requirePageUser } from "@/lib/auth/current-user";
import { canReadReports, journeeScope } from "@/lib/auth/permissions";
import { networkLabel, percent, structureTypeLabel } from "@/lib/reports/labels";
import { getProgrammeDashboard } from "@/lib/reports/queries/dashboards";
import { getProgrammeQuestionTotals } from "@/lib/reports/queries/questions";

export const metadata: Metadata = { title: "Tableau de bord du programme" };

export default async function ProgrammeDashboardPage() {
  await connection();
  const user = await requirePageUser("/organisateur/tableau-de-bord", (u) => canReadReports(u));
  const d = await getProgrammeDashboard(journeeScope(user, "reports"));
  const totals = await getProgrammeQuestionTotals(journeeScope(user, "reports"));
  const t = d.total;
  return (
    <>
      <h1>Tableau de bord du programme</h1>
      <p>
        Toutes les journées que vous pouvez consulter.{" "}
        <Link href="/organisateur/exports">Exports et synthèse DDETS</Link>
      </p>
      <Kpis
        label="Chiffres clés du programme"
        items={[
          { label: "Journées", value: t.journees },
          { label: "Inscrit·es confirmé·es", value: t.confirmed },
          { label: "Présences", value: t.present },
          { label: "Personnes différentes venues", value: d.reach.people },
          { label: "Structures différentes venues", value: d.reach.structures },
          { label: "Personnes venues à plusieurs journées", value: d.reach.repeat },
          { label: "Inscriptions sur place", value: t.walkIns },
          { label: "Taux d'absence", value: percent(t.noShows, t.confirmed) },
        ]}
      />
      <h2>Par ensemble de journées</h2>
      <ProgrammeTable
        caption="Totaux par ensemble de journées"
        rows={[...d.groups, t].map((g) => ({
          ...g,
          title: `${g.label} (${g.journees} journée${g.journees > 1 ? "s" : ""})`,
        }))}
      />
      <h2>Comparaison des journées</h2>
      <BarChart
        title="Inscrit·es et présent·es par journée"
        series={SERIES_REGISTERED_PRESENT}
        rows={d.journees.map((j) => ({
          label: j.title,
          values: { registered: j.counts.confirmed, present: j.counts.present },
        }))}
      />
      <ProgrammeTable
        caption="Détail par journée"
        rows={d.journees.map((j) => ({
          ...j.counts,
          title: j.title,
          href: `/organisateur/journees/${j.id}/tableau-de-bord`,
        }))}
      />
      <h2>Répartitions</h2>
      <BarChart
        title="Par type de structure"
        series={SERIES_REGISTERED_PRESENT}
        rows={d.byType.map((b) => ({ label: structureTypeLabel(b.key), values: registeredPresent(b) }))}
      />
      <BarChart
        title="Par réseau ou fédération de la structure"
        series={SERIES_REGISTERED_PRESENT}
        rows={d.byNetwork.map((b) => ({ label: networkLabel(b.key), values: registeredPresent(b) }))}
      />
      <BarChart
        title="Par partenaire organisateur"
        series={SERIES_REGISTERED_PRESENT}
        rows={d.byPartner.map((b) => ({ label: b.key, values: registeredPresent(b) }))}
      />
      <BarChart
        title={d.byCommune.length > 20 ? "Par commune (20 premières)" : "Par commune"}
        series={SERIES_REGISTERED_PRESENT}
        rows={d.byCommune.slice(0, 20).map((b) => ({ label: b.key || "Non renseignée", values: registeredPresent(b) }))}
      />
      <ProgrammeQuestionTotalsSection totals={totals} />
    </>
  );
}
