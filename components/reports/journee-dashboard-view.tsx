import { networkLabel, percent, structureTypeLabel } from "@/lib/reports/labels";
import type { JourneeDashboard } from "@/lib/reports/queries/dashboards";
import { ArrivalsChart } from "./arrivals-chart";
import { BarChart, registeredPresent, SERIES_REGISTERED_PRESENT } from "./bar-chart";
import { Kpis } from "./kpis";
import styles from "./reports.module.css";

/** The journée dashboard's content; pure (rendered by the server first, then by the live wrapper). */
export function JourneeDashboardView({ data }: { data: JourneeDashboard }) {
  const c = data.counts;
  const kpis = [
    { label: "Inscrit·es confirmé·es", value: c.confirmed },
    { label: "Liste d'attente", value: c.waitlisted },
    { label: "Annulations", value: c.cancelled },
    { label: "Présent·es", value: c.present },
    ...data.parts.map((p) => ({ label: `Présent·es — ${p.title}`, value: p.present })),
    { label: "Absent·es (inscrit·es non venu·es)", value: c.noShows },
    { label: "Inscriptions sur place", value: c.walkIns },
    { label: "Taux de remplissage", value: percent(c.confirmed, data.journee.capacity) },
  ];
  const communes = data.byCommune.slice(0, 15);
  return (
    <>
      <Kpis label="Chiffres clés de la journée" items={kpis} />
      <div className={styles.grid2}>
        <BarChart
          title="Par type de structure"
          series={SERIES_REGISTERED_PRESENT}
          rows={data.byType.map((b) => ({ label: structureTypeLabel(b.key), values: registeredPresent(b) }))}
        />
        <BarChart
          title={data.byCommune.length > 15 ? "Par commune (15 premières)" : "Par commune"}
          series={SERIES_REGISTERED_PRESENT}
          rows={communes.map((b) => ({ label: b.key || "Non renseignée", values: registeredPresent(b) }))}
        />
      </div>
      <BarChart
        title="Par réseau ou fédération de la structure"
        series={SERIES_REGISTERED_PRESENT}
        rows={data.byNetwork.map((b) => ({ label: networkLabel(b.key), values: registeredPresent(b) }))}
      />
      {data.parts.length > 0 && (
        <BarChart
          title="Par demi-journée"
          series={SERIES_REGISTERED_PRESENT}
          rows={data.parts.map((p) => ({ label: p.title, values: registeredPresent(p) }))}
        />
      )}
      <ArrivalsChart arrivals={data.arrivals} />
    </>
  );
}
