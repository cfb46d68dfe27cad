import styles from "./reports.module.css";

export type Series = { key: string; label: string; color: string };
export type BarRow = { label: string; values: Record<string, number> };

/**
 * Horizontal grouped bars in plain SVG. The SVG is decorative for assistive technologies
 * (aria-hidden): the same figures are in the table that follows, inside the same <figure>.
 */
export function BarChart({
  title,
  series,
  rows,
  unit = "personnes",
}: {
  title: string;
  series: Series[];
  rows: BarRow[];
  unit?: string;
}) {
  const max = Math.max(1, ...rows.flatMap((r) => series.map((s) => r.values[s.key] ?? 0)));
  const labelW = 230;
  const barH = 14;
  const groupH = series.length * barH + 12;
  const width = 760;
  const plotW = width - labelW - 60;
  const height = rows.length * groupH + 10;
  return (
    <figure className={styles.figure}>
      <figcaption>{title}</figcaption>
      <ul className={styles.legend} aria-hidden="true">
        {series.map((s) => (
          <li key={s.key}>
            <span className={styles.swatch} style={{ background: s.color }} />
            {s.label}
          </li>
        ))}
      </ul>
      <svg className={styles.svg} viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false">
        {rows.map((r, i) => (
          <g key={r.label} transform={`translate(0 ${i * groupH + 5})`}>
            <text x={labelW - 8} y={(series.length * barH) / 2 + 4} textAnchor="end" fontSize="12" fill="#1d232a">
              {r.label.length > 34 ? `${r.label.slice(0, 33)}…` : r.label}
            </text>
            {series.map((s, k) => {
              const v = r.values[s.key] ?? 0;
              const w = (v / max) * plotW;
              return (
                <g key={s.key}>
                  <rect x={labelW} y={k * barH} width={Math.max(w, v ? 1 : 0)} height={barH - 2} fill={s.color} />
                  <text x={labelW + w + 4} y={k * barH + barH - 4} fontSize="11" fill="#1d232a">
                    {v}
                  </text>
                </g>
              );
            })}
          </g>
        ))}
      </svg>
      <DataTable caption={`${title} (${unit})`} series={series} rows={rows} />
    </figure>
  );
}

export function DataTable({ caption, series, rows }: { caption: string; series: Series[]; rows: BarRow[] }) {
  return (
    <details>
      <summary>Voir les données du graphique</summary>
      <table className={styles.table}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Libellé</th>
            {series.map((s) => (
              <th key={s.key} scope="col" className={styles.num}>
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              {series.map((s) => (
                <td key={s.key} className={styles.num}>
                  {(r.values[s.key] ?? 0).toLocaleString("fr-FR")}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

export const SERIES_REGISTERED_PRESENT: Series[] = [
  { key: "registered", label: "Inscrit·es", color: "#17466a" },
  { key: "present", label: "Présent·es", color: "#c2692f" },
];

export const registeredPresent = (b: { registered: number; present: number }) => ({
  registered: b.registered,
  present: b.present,
});
