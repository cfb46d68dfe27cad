/** The signed sheet and the proof file (routes by helper sigpdf), for this half-day or the whole journée. */
export function SheetDownloads({
  journeeId,
  partKey,
  several,
}: {
  journeeId: string;
  partKey: string;
  several: boolean;
}) {
  const j = encodeURIComponent(journeeId);
  const k = encodeURIComponent(partKey);
  return (
    <section className="panel" aria-labelledby="telechargements">
      <h2 id="telechargements">Téléchargements</h2>
      <ul>
        <li>
          <a href={`/api/attendance/sheet-pdf?journeeId=${j}&partKey=${k}`}>
            Feuille signée de cette demi-journée (PDF)
          </a>
        </li>
        {several ? (
          <li>
            <a href={`/api/attendance/sheet-pdf?journeeId=${j}`}>Feuilles signées de toutes les demi-journées (PDF)</a>
          </li>
        ) : null}
        <li>
          <a href={`/api/attendance/proof-pdf?journeeId=${j}&partKey=${k}`}>Dossier de preuve (PDF)</a>
        </li>
        <li>
          <a href={`/api/attendance/proof?journeeId=${j}&partKey=${k}`}>Dossier de preuve (JSON)</a>
        </li>
      </ul>
    </section>
  );
}
