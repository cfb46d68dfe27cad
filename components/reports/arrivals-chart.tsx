import { DataTable } from "./bar-chart";
import styles from "./reports.module.css";

const hhmm = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", hour: "2-digit", minute: "2-digit" });

/** Arrivals per 10-minute slot as SVG columns, with the table alternative. */
export function ArrivalsChart({ arrivals }: { arrivals: { at: string; count: number }[] }) {
  const title = "Arrivées par tranche de 10 minutes";
  if (!arrivals.length) {
    return (
      <figure className={styles.figure}>
        <figcaption>{title}</figcaption>
        <p>Aucune arrivée enregistrée pour l'instant.</p>
      </figure>
    );
  }
  const max = Math.max(1, ...arrivals.map((a) => a.count));
  const colW = 26;
  const plotH = 140;
  const width = Math.max(300, arrivals.length * colW + 40);
  const rows = arrivals.map((a) => ({ label: hhmm.format(new Date(a.at)), values: { count: a.count } }));
  return (
    <figure className={styles.figure}>
      <figcaption>{title}</figcaption>
      <svg className={styles.svg} viewBox={`0 0 ${width} ${plotH + 40}`} aria-hidden="true" focusable="false">
        {rows.map((r, i) => {
          const h = (r.values.count / max) * plotH;
          const x = 20 + i * colW;
          return (
            <g key={r.label}>
              <rect x={x} y={plotH - h + 14} width={colW - 6} height={h} fill="#17466a" />
              <text x={x + (colW - 6) / 2} y={plotH - h + 10} fontSize="10" textAnchor="middle" fill="#1d232a">
                {r.values.count}
              </text>
              {i % 3 === 0 && (
                <text x={x} y={plotH + 30} fontSize="10" fill="#1d232a">
                  {r.label}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <DataTable caption={title} series={[{ key: "count", label: "Arrivées", color: "#17466a" }]} rows={rows} />
    </figure>
  );
}
