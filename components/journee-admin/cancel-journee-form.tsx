"use client";

import { cancelJourneeConfirmation } from "@/lib/format/count-texts";
import { cancelJourneeAction } from "@/lib/journees/actions";
import { JOURNEE_REFUSALS } from "@/lib/journees/schema";
import { describedBy, FieldError } from "./form-field";
import { useKeptAction } from "./use-kept-action";

/** Cancelling a journée: an explicit confirmation, then every registrant is e-mailed. */
export function CancelJourneeForm({ journeeId, live }: { journeeId: string; live: number }) {
  const [state, action, pending] = useKeptAction(cancelJourneeAction);
  const error = state && !state.ok ? (state.fieldErrors?.confirm ?? JOURNEE_REFUSALS[state.reason]) : undefined;
  return (
    <form action={action} className="form-stack" noValidate>
      <input type="hidden" name="journeeId" value={journeeId} />
      <div className="field">
        <label>
          <input
            type="checkbox"
            name="confirm"
            id="ja-confirm"
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy("confirm", false, error)}
          />{" "}
          {cancelJourneeConfirmation(live)}
        </label>
        <FieldError name="confirm" error={error} />
      </div>
      <div>
        <button type="submit" className="button button--secondary" disabled={pending}>
          Annuler la journée
        </button>
      </div>
      <div role="status">{state?.ok ? <p className="notice">{state.message}</p> : null}</div>
    </form>
  );
}
