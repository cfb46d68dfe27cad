"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import type { FormQuestion } from "@/lib/questions/form";
import { QUESTION_MAX } from "@/lib/questions/schema";
import { describedBy, Field, FieldError, fieldIds } from "./field";
import styles from "./registration.module.css";

type Props = {
  questions: FormQuestion[];
  register: (name: string) => UseFormRegisterReturn;
  /** Flat defaults (`answers.<id>`): a no-JS page needs them in the HTML. */
  defaults: Record<string, unknown>;
  errorOf: (name: string) => string | undefined;
};

/** Labels for the error summary: one per question. */
export function questionLabels(questions: FormQuestion[]): Record<string, string> {
  return { answers: "Questions", ...Object.fromEntries(questions.map((q) => [`answers.${q.id}`, q.label])) };
}

function Hint({ q }: { q: FormQuestion }) {
  return (
    <>
      {q.help ? <span>{q.help} </span> : null}
      {q.purpose ? <span>Pourquoi cette question : {q.purpose}</span> : null}
    </>
  );
}

function optionLabel(o: FormQuestion["options"][number]): string {
  if (o.full) return `${o.label} — complet`;
  return o.left !== null && o.left <= 20 ? `${o.label} — ${o.left} place${o.left > 1 ? "s" : ""}` : o.label;
}

function ChoiceQuestion({ q, register, defaults, errorOf }: Omit<Props, "questions"> & { q: FormQuestion }) {
  const name = `answers.${q.id}`;
  const ids = fieldIds(name);
  const error = errorOf(name);
  const several = q.kind === "MULTI_CHOICE";
  const value = defaults[name];
  const isChecked = (id: string) => (Array.isArray(value) ? value.includes(id) : value === id);
  const hasHint = Boolean(q.help || q.purpose);
  return (
    <fieldset className={styles.fieldset} id={ids.input} aria-describedby={describedBy(name, hasHint, error)}>
      <legend>
        {q.label} {q.required ? "(obligatoire)" : "(facultatif)"}
        {several ? " — plusieurs réponses possibles" : ""}
      </legend>
      {hasHint ? (
        <p id={ids.hint} className={styles.hint}>
          <Hint q={q} />
        </p>
      ) : null}
      {q.options.map((o) => (
        <label key={o.id} className={styles.choice}>
          <input
            type={several ? "checkbox" : "radio"}
            value={o.id}
            disabled={o.full}
            defaultChecked={isChecked(o.id)}
            {...register(name)}
          />
          <span>{optionLabel(o)}</span>
        </label>
      ))}
      {!several && !q.required ? (
        <label className={styles.choice}>
          <input type="radio" value="" defaultChecked={!value} {...register(name)} />
          <span>Je préfère ne pas répondre</span>
        </label>
      ) : null}
      <FieldError name={name} error={error} />
    </fieldset>
  );
}

function InputQuestion({ q, register, defaults, errorOf }: Omit<Props, "questions"> & { q: FormQuestion }) {
  const name = `answers.${q.id}`;
  const error = errorOf(name);
  const hasHint = Boolean(q.help || q.purpose || q.kind === "NUMBER");
  const number = q.kind === "NUMBER";
  const range = `Un nombre entier entre ${q.minValue ?? QUESTION_MAX.minValue} et ${q.maxValue ?? QUESTION_MAX.maxValue}.`;
  return (
    <Field
      name={name}
      label={q.label}
      required={q.required}
      error={error}
      hint={
        hasHint ? (
          <>
            {number ? <span>{range} </span> : null}
            <Hint q={q} />
          </>
        ) : undefined
      }
    >
      <input
        id={fieldIds(name).input}
        className={styles.input}
        type="text"
        inputMode={number ? "numeric" : undefined}
        maxLength={number ? 12 : Math.min(q.maxLength ?? QUESTION_MAX.text, QUESTION_MAX.textCeiling)}
        required={q.required}
        autoComplete="off"
        defaultValue={typeof defaults[name] === "string" ? (defaults[name] as string) : ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hasHint, error)}
        {...register(name)}
      />
    </Field>
  );
}

/** The journée's own questions, after the fixed fields (decision 022). */
export function QuestionFields(props: Props) {
  if (!props.questions.length) return null;
  return (
    <>
      {props.questions.map((q) =>
        q.kind === "SHORT_TEXT" || q.kind === "NUMBER" ? (
          <InputQuestion key={q.id} q={q} {...props} />
        ) : (
          <ChoiceQuestion key={q.id} q={q} {...props} />
        ),
      )}
      <FieldError name="answers" error={props.errorOf("answers")} />
    </>
  );
}
