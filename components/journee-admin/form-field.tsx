"use client";

import { type ReactNode, useEffect, useRef } from "react";

/** ids of a field's control, hint and error: aria-describedby always points at what is shown. */
export const fieldId = (name: string) => `ja-${name.replace(/\./g, "-")}`;

export function describedBy(name: string, hint: boolean, error?: string): string | undefined {
  return (
    [hint ? `${fieldId(name)}-aide` : null, error ? `${fieldId(name)}-erreur` : null].filter(Boolean).join(" ") ||
    undefined
  );
}

type InputProps = {
  name: string;
  label: string;
  errors: Record<string, string>;
  value?: string;
  hint?: string;
  type?: string;
  required?: boolean;
  multiline?: boolean;
  min?: number;
};

/** A labelled input (or textarea) with its hint and its error right under the label. */
export function FormField({ name, label, errors, value, hint, type = "text", required, multiline, min }: InputProps) {
  const id = fieldId(name);
  const error = errors[name];
  const common = {
    id,
    name,
    defaultValue: value ?? "",
    required,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(name, !!hint, error),
  };
  return (
    <div className="field">
      <label htmlFor={id}>
        {label} {required ? "(obligatoire)" : "(facultatif)"}
      </label>
      {hint ? (
        <span className="field__hint" id={`${id}-aide`}>
          {hint}
        </span>
      ) : null}
      <FieldError name={name} error={error} />
      {multiline ? <textarea rows={5} {...common} /> : <input type={type} min={min} {...common} />}
    </div>
  );
}

export function FieldError({ name, error }: { name: string; error?: string }) {
  return error ? (
    <span className="field__error" id={`${fieldId(name)}-erreur`}>
      {error}
    </span>
  ) : null;
}

/** After a refused submit: the message and a link to each field in error; takes the focus. */
export function ErrorSummary(props: {
  message?: string;
  errors: Record<string, string>;
  labelOf: (name: string) => string;
  refCode?: string;
  focusKey: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (props.focusKey > 0) ref.current?.focus();
  }, [props.focusKey]);
  if (!props.message) return null;
  const entries = Object.entries(props.errors);
  return (
    <div ref={ref} tabIndex={-1} className="alert-box" role="alert" aria-labelledby="ja-resume-titre">
      <h2 id="ja-resume-titre">{props.message}</h2>
      {props.refCode ? <p>Référence de l'erreur : {props.refCode}</p> : null}
      {entries.length ? (
        <ul>
          {entries.map(([name, text]) => (
            <li key={name}>
              <a href={`#${fieldId(name)}`}>
                {props.labelOf(name)} : {text}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function Fieldset({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="form-stack">
      <legend>{legend}</legend>
      {children}
    </fieldset>
  );
}
