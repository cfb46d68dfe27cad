"use client";

import { useActionState } from "react";
import type { Refused } from "@/lib/result";

/** A one-button form for a server action; shows the refusal (in French) next to the button. */
export function ActionButton<O extends { ok: true } | Refused>({
  action,
  fields,
  label,
  labels,
  secondary = true,
}: {
  action: (prev: O | null, formData: FormData) => Promise<O>;
  fields: Record<string, string>;
  label: string;
  labels: Record<string, string>;
  secondary?: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const refusal = state && !state.ok ? (state as Refused) : null;
  return (
    <form action={formAction} className="inline-form">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={secondary ? "button button--secondary" : "button"} disabled={pending}>
        {label}
      </button>
      {refusal ? (
        <span className="field__error" role="alert">
          {" "}
          {labels[refusal.reason] ?? "Une erreur est survenue."}
          {refusal.ref ? ` (référence ${refusal.ref})` : ""}
        </span>
      ) : null}
    </form>
  );
}
