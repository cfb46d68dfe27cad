"use client";

import { type UseFormReturn, useFieldArray, useWatch } from "react-hook-form";
import type { EditorValues } from "@/lib/questions/editor-form";
import type { QuestionInput } from "@/lib/questions/editor-schema";
import { QUESTION_MAX } from "@/lib/questions/schema";
import { describedBy, FieldError, inputId, TextField } from "./fields";

type Props = {
  prefix: string;
  form: UseFormReturn<EditorValues, unknown, QuestionInput>;
  errors: Record<string, string>;
  /** Oui / non: two fixed answers, only their places can be set. */
  yesNo: boolean;
  /** Hydrated: rows can be added and removed with buttons (without JavaScript, spare rows are offered). */
  ready: boolean;
  /** Places already taken per option id, shown next to its capacity. */
  taken: Record<string, number>;
};

/** The answers of a choice question: label and optional capacity (« Déjeuner : 80 places »). */
export function OptionRows({ prefix, form, errors, yesNo, ready, taken }: Props) {
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "options", keyName: "key" });
  // The places field names its answer as typed (« Places pour « Déjeuner » »).
  const live = useWatch({ control: form.control, name: "options" });
  const n = (i: number, field: string) => `options.${i}.${field}`;
  const hint = yesNo
    ? "Indiquez un nombre de places si une réponse est limitée (par exemple 80 déjeuners)."
    : "Une réponse par ligne ; une ligne laissée vide est ignorée, et vider le libellé d'une réponse la retire (les réponses déjà données sont conservées). Places : facultatif, pour limiter une réponse (par exemple « Déjeuner : 80 places »).";
  return (
    <fieldset
      className="form-stack"
      id={inputId(prefix, "options")}
      aria-describedby={describedBy(prefix, "options", true, errors.options)}
    >
      <legend>{yesNo ? "Réponses Oui et Non" : "Réponses proposées (pour les listes de réponses)"}</legend>
      <span className="field__hint" id={`${inputId(prefix, "options")}-aide`}>
        {hint}
      </span>
      <FieldError prefix={prefix} name="options" error={errors.options} />
      {fields.map((row, i) => {
        const label = (live?.[i] ? live[i].label : row.label)?.trim() || `Réponse ${i + 1}`;
        const placesTaken = row.id ? taken[row.id] : undefined;
        return (
          <div key={row.key} className="question-option" data-testid="option-row">
            <input type="hidden" defaultValue={row.id} {...form.register(`options.${i}.id`)} />
            {yesNo ? (
              <input type="hidden" defaultValue={row.label} {...form.register(`options.${i}.label`)} />
            ) : (
              <TextField
                prefix={prefix}
                name={n(i, "label")}
                label={`Réponse ${i + 1}`}
                register={form.register(`options.${i}.label`)}
                defaultValue={row.label}
                error={errors[n(i, "label")]}
                maxLength={QUESTION_MAX.optionLabel}
              />
            )}
            <TextField
              prefix={prefix}
              name={n(i, "capacity")}
              label={`Places pour « ${label} »`}
              register={form.register(`options.${i}.capacity`)}
              defaultValue={row.capacity}
              error={errors[n(i, "capacity")]}
              hint={placesTaken !== undefined ? `${placesTaken} déjà prise${placesTaken > 1 ? "s" : ""}.` : undefined}
              numeric
            />
            {ready && !yesNo ? (
              <button type="button" className="button button--secondary" onClick={() => remove(i)}>
                Retirer la réponse {i + 1}
              </button>
            ) : null}
          </div>
        );
      })}
      {ready && !yesNo && fields.length < QUESTION_MAX.options ? (
        <div>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => append({ id: "", label: "", capacity: "" }, { shouldFocus: true })}
          >
            Ajouter une réponse
          </button>
        </div>
      ) : null}
    </fieldset>
  );
}
