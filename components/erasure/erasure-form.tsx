"use client";

import { useEffect, useId, useRef, useState, useTransition } from "react";
import { erasePersonAction, previewErasureAction } from "@/lib/erasure/actions";
import { ERASURE_REFUSALS, type ErasureRefusal } from "@/lib/erasure/schema";

type Step =
  | { kind: "enter" }
  | { kind: "confirm"; email: string; registrations: number; journees: number }
  | { kind: "done"; erased: number };

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

function refusalMessage(reason: ErasureRefusal, ref?: string): string {
  return ref ? `${ERASURE_REFUSALS[reason]} Référence : ${ref}.` : ERASURE_REFUSALS[reason];
}

/** Two steps: look the person up (counts only), then confirm the irreversible erasure. */
export function ErasureForm() {
  const id = useId();
  const [step, setStep] = useState<Step>({ kind: "enter" });
  const [email, setEmail] = useState("");
  const [error, setError] = useState<{ field?: string; message?: string }>({});
  const [pending, startTransition] = useTransition();
  const input = useRef<HTMLInputElement>(null);

  const lookUp = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const result = await previewErasureAction({ email });
      if (!result.ok) {
        setError({ field: result.fieldErrors?.email, message: refusalMessage(result.reason, result.ref) });
        input.current?.focus();
        return;
      }
      setError({});
      setStep({ kind: "confirm", email: email.trim(), registrations: result.registrations, journees: result.journees });
    });
  };

  const erase = () => {
    if (step.kind !== "confirm") return;
    startTransition(async () => {
      const result = await erasePersonAction({ email: step.email });
      if (!result.ok) return setError({ message: refusalMessage(result.reason, result.ref) });
      setError({});
      setEmail("");
      setStep({ kind: "done", erased: result.erased });
    });
  };

  const restart = () => {
    setStep({ kind: "enter" });
    setError({});
  };

  return (
    <div className="form-stack">
      {error.message && !error.field ? (
        <p className="notice notice--warning" role="alert">
          {error.message}
        </p>
      ) : null}
      {step.kind === "enter" ? (
        <form onSubmit={lookUp} className="form-stack" noValidate>
          <div className="field">
            <label htmlFor={`${id}-email`}>Adresse e-mail de la personne</label>
            <span className="field__hint" id={`${id}-aide`}>
              Toutes ses inscriptions, sur toutes les journées, seront retrouvées (majuscules et espaces ignorés).
            </span>
            {error.field ? (
              <span className="field__error" id={`${id}-erreur`} role="alert">
                {error.field}
              </span>
            ) : null}
            <input
              ref={input}
              id={`${id}-email`}
              type="email"
              autoComplete="off"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              aria-invalid={!!error.field || undefined}
              aria-describedby={[`${id}-aide`, error.field ? `${id}-erreur` : null].filter(Boolean).join(" ")}
            />
          </div>
          <button type="submit" className="button" disabled={pending}>
            {pending ? "Recherche…" : "Rechercher les inscriptions"}
          </button>
        </form>
      ) : null}
      {step.kind === "confirm" ? (
        <Confirmation step={step} pending={pending} onErase={erase} onCancel={restart} />
      ) : null}
      {step.kind === "done" ? (
        <div role="status" className="notice">
          <p>
            {step.erased === 0
              ? "Aucune inscription à effacer : la demande est tout de même inscrite au journal."
              : `${plural(step.erased, "inscription a été anonymisée", "inscriptions ont été anonymisées")}. Les effectifs des journées sont inchangés.`}
          </p>
          <button type="button" className="button button--secondary" onClick={restart}>
            Effacer une autre personne
          </button>
        </div>
      ) : null}
    </div>
  );
}

type ConfirmStep = Extract<Step, { kind: "confirm" }>;

function Confirmation(props: { step: ConfirmStep; pending: boolean; onErase: () => void; onCancel: () => void }) {
  const { step, pending } = props;
  const found = step.registrations > 0;
  const title = useRef<HTMLHeadingElement>(null);
  // The step replaces the form: focus moves to its title so screen readers announce it.
  useEffect(() => title.current?.focus(), []);
  return (
    <section aria-labelledby="erasure-confirm-title" className="panel">
      <h3 id="erasure-confirm-title" ref={title} tabIndex={-1}>
        Confirmer l'effacement
      </h3>
      <p>
        {found
          ? `${plural(step.registrations, "inscription trouvée", "inscriptions trouvées")} pour ${step.email} (${plural(step.journees, "journée", "journées")}).`
          : `Aucune inscription trouvée pour ${step.email}.`}
      </p>
      {found ? (
        <p>
          Nom, prénom, e-mail, téléphone, structure, fonction et besoins d'accessibilité seront effacés définitivement ;
          les billets et liens de gestion déjà envoyés ne fonctionneront plus. Les présences et les statistiques restent
          comptées. Cette action est irréversible.
        </p>
      ) : null}
      <div className="inline-form">
        <button type="button" className="button" onClick={props.onErase} disabled={pending}>
          {pending ? "Effacement…" : found ? "Effacer définitivement" : "Enregistrer la demande"}
        </button>
        <button type="button" className="button button--secondary" onClick={props.onCancel} disabled={pending}>
          Annuler
        </button>
      </div>
    </section>
  );
}
