import Link from "next/link";
import { ScrollTable } from "@/components/organiser/scroll-table";
import { percent } from "@/lib/reports/labels";
import type { Counts } from "@/lib/reports/queries";
import styles from "./reports.module.css";

type Row = Counts & { title: string; href?: string };

/** Registered, present, no-shows, walk-ins… one row per journée or group of journées. */
export function ProgrammeTable({ caption, rows }: { caption: string; rows: Row[] }) {
  return (
    <ScrollTable label={caption}>
      <table className={`data-table ${styles.table}`}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Journée</th>
            <th scope="col" className={styles.num}>
              Inscrit·es
            </th>
            <th scope="col" className={styles.num}>
              Présent·es
            </th>
            <th scope="col" className={styles.num}>
              Absent·es
            </th>
            <th scope="col" className={styles.num}>
              Taux d'absence
            </th>
            <th scope="col" className={styles.num}>
              Sur place
            </th>
            <th scope="col" className={styles.num}>
              Liste d'attente
            </th>
            <th scope="col" className={styles.num}>
              Annulations
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.title}>
              <th scope="row">{r.href ? <Link href={r.href}>{r.title}</Link> : r.title}</th>
              <td className={styles.num}>{r.confirmed}</td>
              <td className={styles.num}>{r.present}</td>
              <td className={styles.num}>{r.noShows}</td>
              <td className={styles.num}>{percent(r.noShows, r.confirmed)}</td>
              <td className={styles.num}>{r.walkIns}</td>
              <td className={styles.num}>{r.waitlisted}</td>
              <td className={styles.num}>{r.cancelled}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
