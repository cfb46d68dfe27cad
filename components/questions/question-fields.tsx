"use client";

import type { UseFormReturn } from "react-hook-form";
import type { EditorValues } from "@/lib/questions/editor-form";
import type { QuestionInput } from "@/lib/questions/editor-schema";
import { QUESTION_KIND_LABELS } from "@/lib/questions/labels";
import { QUESTION_KINDS, QUESTION_MAX, type QuestionKindValue } from "@/lib/questions/schema";
import { describedBy, FieldError, inputId, TextField } from "./fields";
import { OptionRows } from "./option-rows";

type Props = {
  prefix: string;
  form: UseFormReturn<EditorValues, unknown, QuestionInput>;
  defaults: EditorValues;
  errors: Record<string, string>;
  ready: boolean;
  /** Answered: the kind cannot change any more (shown, posted as a hidden field). */
  kindLocked: boolean;
  taken: Record<string, number>;
};

const CHOICE: QuestionKindValue[] = ["YES_NO", "ONE_CHOICE", "MULTI_CHOICE"];
const blankRow = { id: "", label: "", capacity: "" };

/**
 * The fields of one question. Without JavaScript every block is shown (each says which kinds it
 * is for); once hydrated, only the blocks of the chosen kind.
 */
export function QuestionFields({ prefix, form, defaults, errors, ready, kindLocked, taken }: Props) {
  const kind = form.watch("kind");
  const shows = (kinds: QuestionKindValue[]) => !ready || kinds.includes(kind);
  const onKind = (next: QuestionKindValue) => {
    const rows = form.getValues("options");
    if (next === "YES_NO") {
      const [yes, no] = rows;
      const keep = yes?.label === "Oui" && no?.label === "Non";
      form.setValue("options", [
        { ...blankRow, ...(keep ? yes : {}), label: "Oui" },
        { ...blankRow, ...(keep ? no : {}), label: "Non" },
      ]);
    } else if (kind === "YES_NO" && CHOICE.includes(next)) form.setValue("options", [...rows, blankRow, blankRow]);
  };
  const text = (name: "label" | "help" | "purpose", label: string, extra: Partial<Parameters<typeof TextField>[0]>) => (
    <TextField
      prefix={prefix}
      name={name}
      label={label}
      register={form.register(name)}
      defaultValue={defaults[name]}
      error={errors[name]}
      {...extra}
    />
  );
  const check = (name: "required" | "personal" | "isMeal", label: string) => (
    <div className="field question-check">
      <label>
        <input type="checkbox" defaultChecked={defaults[name]} {...form.register(name)} /> <span>{label}</span>
      </label>
    </div>
  );
  const kindId = inputId(prefix, "kind");
  return (
    <>
      {kindLocked ? (
        <p>
          <input type="hidden" value={defaults.kind} {...form.register("kind")} />
          Type : {QUESTION_KIND_LABELS[defaults.kind]}
        </p>
      ) : (
        <div className="field">
          <label htmlFor={kindId}>Type de question (obligatoire)</label>
          <FieldError prefix={prefix} name="kind" error={errors.kind} />
          <select
            id={kindId}
            defaultValue={defaults.kind}
            aria-invalid={errors.kind ? true : undefined}
            aria-describedby={describedBy(prefix, "kind", false, errors.kind)}
            {...form.register("kind", { onChange: (e) => onKind(e.target.value) })}
          >
            {QUESTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {QUESTION_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
      )}
      {text("label", "Question", { required: true, maxLength: QUESTION_MAX.label })}
      {text("help", "Aide", { multiline: true, hint: "Une précision affichée sous la question." })}
      {text("purpose", "Pourquoi nous demandons", {
        multiline: true,
        hint: "Affiché sous la question : dites à quoi sert la réponse (obligatoire pour une réponse personnelle).",
      })}
      {check("required", "Réponse obligatoire")}
      {check("personal", "Réponse personnelle (texte libre, régime) : supprimée avec les données complètes")}
      {check("isMeal", "Compter cette question comme « repas » (sa première réponse : déjeuners) dans les bilans")}
      {shows(CHOICE) ? (
        <OptionRows prefix={prefix} form={form} errors={errors} yesNo={kind === "YES_NO"} ready={ready} taken={taken} />
      ) : null}
      {shows(["SHORT_TEXT"]) ? (
        <TextField
          prefix={prefix}
          name="maxLength"
          label="Longueur maximale du texte"
          register={form.register("maxLength")}
          defaultValue={defaults.maxLength}
          error={errors.maxLength}
          hint={`Pour un texte court. ${QUESTION_MAX.text} caractères si vide.`}
          numeric
        />
      ) : null}
      {shows(["NUMBER"])
        ? (["minValue", "maxValue"] as const).map((name) => (
            <TextField
              key={name}
              prefix={prefix}
              name={name}
              label={name === "minValue" ? "Nombre minimum" : "Nombre maximum"}
              register={form.register(name)}
              defaultValue={defaults[name]}
              error={errors[name]}
              hint={`Pour un nombre. ${name === "minValue" ? QUESTION_MAX.minValue : QUESTION_MAX.maxValue} si vide.`}
              numeric
            />
          ))
        : null}
    </>
  );
}
