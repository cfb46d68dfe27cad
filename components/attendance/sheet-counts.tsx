import type { SheetPage } from "@/lib/attendance/queries/sheet-page";
import { plural } from "@/lib/format/plural";

/** The counts at the top of the sheet. */
export function SheetCounts({
  counts: c,
  signaturesRequired,
}: {
  counts: SheetPage["counts"];
  signaturesRequired: boolean;
}) {
  return (
    <section className="panel" aria-labelledby="bilan">
      <h2 id="bilan">Bilan</h2>
      <ul className="sheet-counts" data-testid="sheet-counts">
        <li>{plural(c.total, "personne attendue", "personnes attendues")}</li>
        <li>{plural(c.present, "présente", "présentes")}</li>
        <li>{plural(c.late, "en retard", "en retard")}</li>
        <li>{plural(c.leftEarly, "partie avant la fin", "parties avant la fin")}</li>
        <li>{plural(c.absent, "absente", "absentes")}</li>
        <li>{plural(c.justified, "absence justifiée", "absences justifiées")}</li>
        {signaturesRequired ? (
          <>
            <li>{plural(c.signed, "signature ou attestation", "signatures ou attestations")}</li>
            <li>{plural(c.missingSignature, "signature manquante", "signatures manquantes")}</li>
          </>
        ) : null}
        <li>
          {plural(c.pendingRequests, "demande de justification en attente", "demandes de justification en attente")}
        </li>
      </ul>
    </section>
  );
}
