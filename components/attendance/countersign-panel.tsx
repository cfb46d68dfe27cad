"use client";

import { countersignHalfDay } from "@/lib/attendance/actions";
import { ActionMessage } from "./action-message";
import { SignaturePad } from "./signature-pad";
import { useAttendanceAction } from "./use-attendance-action";

/**
 * The organiser's countersignature (issue 13 point 6): the same pad as the door; Valider closes the
 * half-day (the server then refuses every change until an organiser reopens it).
 */
export function CountersignPanel({ journeeId, partKey, title }: { journeeId: string; partKey: string; title: string }) {
  const { pending, message, messageRef, run } = useAttendanceAction();
  return (
    <div className="sheet-countersign">
      <p id="contresigner-aide">
        En signant, vous attestez la feuille de la demi-journée « {title} » ; elle sera close et chaque modification
        refusée jusqu'à sa réouverture.
      </p>
      <SignaturePad
        busy={pending}
        submitLabel="Contresigner et clore la feuille"
        label={`Contresignature de l'organisateur — ${title}`}
        onSubmit={(png) => run(() => countersignHalfDay({ journeeId, partKey, png }), "Feuille contresignée et close.")}
      />
      <ActionMessage message={message} messageRef={messageRef} />
    </div>
  );
}
