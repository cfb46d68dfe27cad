"use client";

import { useState } from "react";
import { MAX_PARTS, PART_KIND_LABELS, PART_KINDS } from "@/lib/journees/schema";
import { describedBy, FieldError, FormField, fieldId } from "./form-field";

export type PartValues = {
  id?: string;
  kind: string;
  title: string;
  startsAt: string;
  endsAt: string;
  capacity: string;
};

/** The half-days and ateliers of a journée: one fieldset each, added and removed with buttons. */
export function PartRows({ initial, errors }: { initial: PartValues[]; errors: Record<string, string> }) {
  const [rows, setRows] = useState(() => initial.map((p, i) => ({ ...p, key: i })));
  const [next, setNext] = useState(initial.length);
  const add = (kind: string) => {
    setRows([...rows, { kind, title: "", startsAt: "", endsAt: "", capacity: "", key: next }]);
    setNext(next + 1);
  };
  return (
    <section aria-labelledby="ja-parts-titre" className="form-stack">
      <h2 id="ja-parts-titre">Demi-journées et ateliers</h2>
      <p className="field__hint">
        Facultatif. Une personne choisit au moins une demi-journée (s'il y en a) et au plus un atelier. Sans capacité,
        un créneau accueille toutes les personnes inscrites.
      </p>
      {errors.parts ? <p className="field__error">{errors.parts}</p> : null}
      {rows.map((row, i) => {
        const n = (field: string) => `parts.${i}.${field}`;
        return (
          <fieldset key={row.key} className="form-stack panel" data-testid="part-row">
            <legend>
              {PART_KIND_LABELS[row.kind as keyof typeof PART_KIND_LABELS] ?? "Créneau"} {i + 1}
            </legend>
            {row.id ? <input type="hidden" name={n("id")} value={row.id} /> : null}
            <div className="field">
              <label htmlFor={fieldId(n("kind"))}>Type (obligatoire)</label>
              <FieldError name={n("kind")} error={errors[n("kind")]} />
              <select
                id={fieldId(n("kind"))}
                name={n("kind")}
                defaultValue={row.kind}
                aria-describedby={describedBy(n("kind"), false, errors[n("kind")])}
                onChange={(e) => setRows(rows.map((r) => (r.key === row.key ? { ...r, kind: e.target.value } : r)))}
              >
                {PART_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {PART_KIND_LABELS[k]}
                  </option>
                ))}
              </select>
            </div>
            <FormField name={n("title")} label="Intitulé" errors={errors} value={row.title} required />
            <FormField
              name={n("startsAt")}
              label="Début"
              type="datetime-local"
              errors={errors}
              value={row.startsAt}
              required
            />
            <FormField
              name={n("endsAt")}
              label="Fin"
              type="datetime-local"
              errors={errors}
              value={row.endsAt}
              required
            />
            <FormField
              name={n("capacity")}
              label="Capacité"
              type="number"
              min={1}
              errors={errors}
              value={row.capacity}
            />
            <div>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => setRows(rows.filter((r) => r.key !== row.key))}
              >
                Retirer ce créneau ({row.title || `n° ${i + 1}`})
              </button>
            </div>
          </fieldset>
        );
      })}
      {rows.length < MAX_PARTS ? (
        <div className="inline-form">
          <button type="button" className="button button--secondary" onClick={() => add("HALF_DAY")}>
            Ajouter une demi-journée
          </button>{" "}
          <button type="button" className="button button--secondary" onClick={() => add("WORKSHOP")}>
            Ajouter un atelier
          </button>
        </div>
      ) : null}
    </section>
  );
}
