import type { Counts } from "@/lib/checkin/schema";
import { pluralWord } from "@/lib/format/plural";
import styles from "./checkin.module.css";

/** Present / expected for this journée (and half-day), in total and per door; refreshed every ~3 s. */
export function CountsBar({ counts }: { counts: Counts | null }) {
  if (!counts) return <p className={styles.counts}>Comptage en cours…</p>;
  return (
    <section aria-labelledby="titre-comptage" className={styles.counts}>
      <h2 id="titre-comptage" className="visually-hidden">
        Comptage
      </h2>
      <p data-testid="compteur">
        <strong className={styles.big}>{counts.present}</strong> {pluralWord(counts.present, "présent·e", "présent·es")}{" "}
        sur <strong>{counts.expected}</strong> {pluralWord(counts.expected, "attendu·e", "attendu·es")}
        {counts.walkIns > 0 && <> (dont {counts.walkIns} sur place)</>}
      </p>
      {counts.doors.length > 0 && (
        <ul className={styles.doors} aria-label="Présents par porte">
          {counts.doors.map((d) => (
            <li key={d.door}>
              {d.door || "Sans porte"} : {d.present}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
