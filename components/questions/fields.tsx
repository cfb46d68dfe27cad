"use client";

import { type ReactNode, useEffect, useRef } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";

/**
 * Field pieces of the question editor. Several editor forms share the page (one per question and
 * the « add » form), so every id carries the form's prefix.
 */
export const inputId = (prefix: string, name: string) => `${prefix}-${name.replace(/\./g, "-")}`;

export function describedBy(prefix: string, name: string, hint: boolean, error?: string): string | undefined {
  const id = inputId(prefix, name);
  return [hint ? `${id}-aide` : null, error ? `${id}-erreur` : null].filter(Boolean).join(" ") || undefined;
}

export function FieldError({ prefix, name, error }: { prefix: string; name: string; error?: string }) {
  return error ? (
    <span className="field__error" id={`${inputId(prefix, name)}-erreur`}>
      {error}
    </span>
  ) : null;
}

type TextProps = {
  prefix: string;
  name: string;
  label: string;
  register: UseFormRegisterReturn;
  defaultValue: string;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
  numeric?: boolean;
  multiline?: boolean;
  maxLength?: number;
};

/** A labelled text input (or textarea), its hint and its error under the label. */
export function TextField(p: TextProps) {
  const id = inputId(p.prefix, p.name);
  const common = {
    id,
    defaultValue: p.defaultValue,
    maxLength: p.maxLength,
    "aria-invalid": p.error ? true : undefined,
    "aria-describedby": describedBy(p.prefix, p.name, Boolean(p.hint), p.error),
    ...p.register,
  };
  return (
    <div className="field">
      <label htmlFor={id}>
        {p.label} {p.required ? "(obligatoire)" : "(facultatif)"}
      </label>
      {p.hint ? (
        <span className="field__hint" id={`${id}-aide`}>
          {p.hint}
        </span>
      ) : null}
      <FieldError prefix={p.prefix} name={p.name} error={p.error} />
      {p.multiline ? (
        <textarea rows={3} {...common} />
      ) : (
        <input type="text" inputMode={p.numeric ? "numeric" : undefined} autoComplete="off" {...common} />
      )}
    </div>
  );
}

/** After a refused submit: the message and a link to each field in error; takes the focus. */
export function Summary(props: {
  prefix: string;
  message?: string;
  errors: Record<string, string>;
  labelOf: (name: string) => string;
  refCode?: string;
  focusKey: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const visible = Boolean(props.message);
  useEffect(() => {
    if (props.focusKey > 0 && visible) ref.current?.focus();
  }, [props.focusKey, visible]);
  if (!visible) return null;
  const entries = Object.entries(props.errors);
  const titleId = `${props.prefix}-resume-titre`;
  return (
    <div ref={ref} tabIndex={-1} className="alert-box" role="alert" aria-labelledby={titleId}>
      <p id={titleId}>
        <strong>{props.message}</strong>
      </p>
      {props.refCode ? <p>Référence de l'erreur : {props.refCode}</p> : null}
      {entries.length ? (
        <ul>
          {entries.map(([name, text]) => (
            <li key={name}>
              <a href={`#${inputId(props.prefix, name)}`}>
                {props.labelOf(name)} : {text}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
