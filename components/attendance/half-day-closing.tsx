import type { SheetPage } from "@/lib/attendance/queries/sheet-page";
import { formatShortDateTime, formatTime } from "@/lib/format/dates";
import { CountersignPanel } from "./countersign-panel";
import { ReopenForm } from "./reopen-form";

/**
 * The half-day's closing: closed → when, by whom, verification code and fingerprint (and « Rouvrir »
 * for an organiser); open → the countersignature pad once the half-day is over.
 */
export function HalfDayClosing({ data, now = new Date() }: { data: SheetPage; now?: Date }) {
  const { closed, half } = data;
  return (
    <section className="panel" aria-labelledby="contresignature">
      <h2 id="contresignature">Contresignature</h2>
      {closed ? (
        <>
          <p data-testid="sheet-closed">
            <strong>Feuille close</strong> le {formatShortDateTime(closed.closedAt)}, contresignée par {closed.signer}.
          </p>
          <dl className="sheet-closing" data-testid="sheet-closing">
            <dt>Code de vérification</dt>
            <dd data-testid="verification-code">{closed.verificationCode}</dd>
            <dt>Empreinte</dt>
            <dd data-testid="fingerprint">{closed.fingerprint}</dd>
          </dl>
          {closed.countersign ? (
            <img
              className="sheet-row__signature"
              src={closed.countersign}
              alt={`Contresignature de ${closed.signer}`}
            />
          ) : null}
          <p>Toute modification de cette demi-journée est refusée tant qu'elle n'est pas rouverte.</p>
          {data.canAct ? <ReopenForm journeeId={data.journee.id} partKey={half.partKey} /> : null}
        </>
      ) : !data.canAct ? (
        <p>La feuille n'est pas encore contresignée.</p>
      ) : now.getTime() < half.endsAt.getTime() ? (
        <p>La contresignature sera possible à la fin de la demi-journée ({formatTime(half.endsAt)}).</p>
      ) : (
        <CountersignPanel journeeId={data.journee.id} partKey={half.partKey} title={half.title} />
      )}
    </section>
  );
}
