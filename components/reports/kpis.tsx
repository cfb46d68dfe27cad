import styles from "./reports.module.css";

export type Kpi = { label: string; value: string | number };

/** Key figures as a description list (read in order by screen readers). */
export function Kpis({ items, label }: { items: Kpi[]; label: string }) {
  return (
    <dl className={styles.kpis} aria-label={label}>
      {items.map((k) => (
        <div key={k.label} className={styles.kpi}>
          <dt>{k.label}</dt>
          <dd>{typeof k.value === "number" ? k.value.toLocaleString("fr-FR") : k.value}</dd>
        </div>
      ))}
    </dl>
  );
}
