import { DataTable } from "./bar-chart";
import styles from "./reports.module.css";

const hhmm = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", hour: "2-digit", minute: "2-digit" });

/** Arrivals per 10-minute slot as columns, with the table alternative. */
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
  const rows = arrivals.map((a) => ({ label: hhmm.format(new Date(a.at)), values: { count: a.count } }));
  return (
    <figure className={styles.figure}>
      <figcaption>{title}</figcaption>
      {/* HTML columns at the page's text size; a long morning scrolls sideways in its own focusable
          box rather than shrinking its figures (the same figures are in the table below). */}
      <div
        className={styles.colsScroll}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1)
        tabIndex={0}
        role="img"
        aria-label={`${title} : graphique, les chiffres sont dans le tableau qui suit`}
      >
        <div className={styles.cols} style={{ minWidth: `${rows.length * 2.25}rem` }}>
          {rows.map((r, i) => (
            <div key={r.label} className={styles.col}>
              <span className={styles.colValue}>{r.values.count}</span>
              <span className={styles.colBar} style={{ height: `${(r.values.count / max) * 8}rem` }} />
              <span className={styles.colLabel}>{i % 3 === 0 ? r.label : ""}</span>
            </div>
          ))}
        </div>
      </div>
      <DataTable caption={title} series={[{ key: "count", label: "Arrivées", color: "#17466a" }]} rows={rows} />
    </figure>
  );
}
