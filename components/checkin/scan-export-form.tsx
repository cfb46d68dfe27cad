import { SCAN_RESULT_LABELS } from "@/lib/checkin/labels";
import { SCAN_RESULTS } from "@/lib/checkin/schema";

type Props = { journeeId: string; halfDays: { id: string; title: string }[] };

/**
 * Downloads the whole scan history of the journée (not only the 500 rows shown), filtered by
 * half-day and result: a plain GET form (no JavaScript), one button per file format.
 */
export function ScanExportForm({ journeeId, halfDays }: Props) {
  return (
    <form method="get" action="/api/exports/historique-scans-csv" className="form-stack" aria-labelledby="export-scans">
      <h2 id="export-scans">Exporter l'historique</h2>
      <p>Tous les scans de la journée, heure de Paris à la seconde. Chaque export est enregistré dans le journal.</p>
      <input type="hidden" name="journeeId" value={journeeId} />
      {halfDays.length > 0 && (
        <div className="field">
          <label htmlFor="scan-partId">Demi-journée</label>
          <select id="scan-partId" name="partId" defaultValue="">
            <option value="">Toutes</option>
            {halfDays.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor="scan-result">Résultat</label>
        <select id="scan-result" name="result" defaultValue="">
          <option value="">Tous les résultats</option>
          {SCAN_RESULTS.map((r) => (
            <option key={r} value={r}>
              {SCAN_RESULT_LABELS[r].title}
            </option>
          ))}
        </select>
      </div>
      <p>
        <button type="submit" className="button">
          Télécharger en CSV (Excel)
        </button>{" "}
        <button type="submit" className="button" formAction="/api/exports/historique-scans-xlsx">
          Télécharger en XLSX
        </button>
      </p>
    </form>
  );
}
