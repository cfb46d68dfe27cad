import styles from "@/components/reports/reports.module.css";
import { plural } from "@/lib/format/plural";

type HalfDay = { partKey: string; title: string; count: number };

/** The exports page's signed documents of a journée: the whole sheet, then each half-day's sheet and proof file. */
export function SignedDocumentsList({ journeeId, halfDays }: { journeeId: string; halfDays: HalfDay[] }) {
  if (!halfDays.length) return null;
  const q = (partKey?: string) => new URLSearchParams({ journeeId, ...(partKey ? { partKey } : {}) }).toString();
  return (
    <section aria-labelledby="emargement-signe">
      <h2 id="emargement-signe">Émargement signé</h2>
      <ul className={styles.exportList}>
        <li>
          <a href={`/api/attendance/sheet-pdf?${q()}`} download>
            Feuille d'émargement signée, toutes les demi-journées (PDF)
          </a>
        </li>
        {halfDays.map((h) => (
          <li key={h.partKey}>
            {h.title} ({plural(h.count, "signature ou attestation", "signatures ou attestations")}) :{" "}
            <a href={`/api/attendance/sheet-pdf?${q(h.partKey)}`} download>
              feuille signée (PDF)
            </a>
            ,{" "}
            <a href={`/api/attendance/proof-pdf?${q(h.partKey)}`} download>
              dossier de preuve (PDF)
            </a>
            ,{" "}
            <a href={`/api/attendance/proof?${q(h.partKey)}`} download>
              dossier de preuve (JSON)
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
