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
      {/* HTML, not a scaled SVG: words and figures keep the page's text size on a phone. */}
      <div className={styles.bars} aria-hidden="true">
        {rows.map((r) => (
          <div key={r.label} className={styles.barRow}>
            <span className={styles.barLabel}>{r.label}</span>
            <span className={styles.barGroup}>
              {series.map((s) => {
                const v = r.values[s.key] ?? 0;
                return (
                  <span key={s.key} className={styles.barLine}>
                    <span
                      className={styles.bar}
                      style={{ width: `calc((100% - 4rem) * ${v / max})`, background: s.color }}
                    />
                    <span className={styles.barValue}>{v.toLocaleString("fr-FR")}</span>
                  </span>
                );
              })}
            </span>
          </div>
        ))}
      </div>
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
