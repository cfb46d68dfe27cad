"use client";

import { plural } from "@/lib/format/plural";
import { messageAction } from "@/lib/messages/actions";
import { MESSAGE_KIND_LABELS, MESSAGE_KINDS, MESSAGE_REFUSALS, REMINDER_TEMPLATE } from "@/lib/messages/schema";
import { ErrorSummary, FormField } from "./form-field";
import { useKeptAction } from "./use-kept-action";

const LABELS: Record<string, string> = { kind: "Type d'envoi", subject: "Objet", body: "Message" };

/** Compose → preview (as the first confirmed person will receive it) → send to every confirmed person. */
export function MessageForm({ journeeId, recipients }: { journeeId: string; recipients: number }) {
  const [state, action, pending] = useKeptAction(messageAction);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const v = { kind: "REMINDER", ...REMINDER_TEMPLATE, ...(state?.values ?? {}) };
  const preview = state?.ok ? state.preview : undefined;
  const sent = state?.ok && state.sent !== undefined;
  return (
    <form key={state?.n ?? 0} action={action} className="form-stack" noValidate aria-label="Message aux inscrits">
      <ErrorSummary
        focusKey={state && !state.ok ? state.n : 0}
        message={state && !state.ok ? MESSAGE_REFUSALS[state.reason] : undefined}
        errors={errors}
        labelOf={(n) => LABELS[n] ?? n}
        refCode={state && !state.ok ? state.ref : undefined}
      />
      <input type="hidden" name="journeeId" value={journeeId} />
      <fieldset className="field">
        <legend>Type d'envoi (obligatoire)</legend>
        {MESSAGE_KINDS.map((k) => (
          <label key={k}>
            <input type="radio" name="kind" value={k} defaultChecked={v.kind === k} /> {MESSAGE_KIND_LABELS[k]}
          </label>
        ))}
      </fieldset>
      <FormField name="subject" label="Objet" errors={errors} value={v.subject} required />
      <FormField
        name="body"
        label="Message"
        errors={errors}
        value={v.body}
        required
        multiline
        hint="Remplacés pour chaque personne : {prenom}, {nom}, {journee}, {date}, {lieu}. La journée, le lien de gestion (et le billet pour un rappel) sont ajoutés."
      />
      <div className="inline-form">
        <button type="submit" name="intent" value="preview" className="button button--secondary" disabled={pending}>
          Prévisualiser
        </button>{" "}
        {preview ? (
          <button type="submit" name="intent" value="send" className="button" disabled={pending}>
            Envoyer à{" "}
            {plural(
              (state?.ok ? state.recipients : recipients) ?? recipients,
              "personne confirmée",
              "personnes confirmées",
            )}
          </button>
        ) : null}
      </div>
      <div role="status">{sent ? <p className="notice">{state?.ok ? state.message : null}</p> : null}</div>
      {preview ? (
        <section className="panel" aria-labelledby="apercu-titre" data-testid="message-preview">
          <h2 id="apercu-titre">Aperçu {preview.sample ? "(personne fictive)" : `(envoyé à ${preview.to})`}</h2>
          <p>
            <strong>Objet :</strong> {preview.subject}
          </p>
          <pre style={{ whiteSpace: "pre-wrap", fontFamily: "inherit" }}>{preview.text}</pre>
          {preview.ticket ? <p>Le QR code du billet de chaque personne est joint au message.</p> : null}
        </section>
      ) : null}
    </form>
  );
}
