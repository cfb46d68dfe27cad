import type { ReactNode } from "react";
import styles from "./registration.module.css";

/** ids of a field's label, hint and error, so aria-describedby always points at what is shown. */
export function fieldIds(name: string) {
  return { input: `champ-${name}`, hint: `champ-${name}-aide`, error: `champ-${name}-erreur` };
}

export function describedBy(name: string, hasHint: boolean, error?: string): string | undefined {
  const ids = fieldIds(name);
  const list = [hasHint ? ids.hint : null, error ? ids.error : null].filter(Boolean);
  return list.length ? list.join(" ") : undefined;
}

export function FieldError({ name, error }: { name: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={fieldIds(name).error} className={styles.error}>
      <span aria-hidden="true">⚠ </span>
      {error}
    </p>
  );
}

/** A labelled field: label (with "obligatoire"/"facultatif" in text), hint, control, error. */
export function Field(props: {
  name: string;
  label: string;
  required?: boolean;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
}) {
  const ids = fieldIds(props.name);
  return (
    <div className={styles.field}>
      <label htmlFor={ids.input} className={styles.label}>
        {props.label} {props.required ? "(obligatoire)" : "(facultatif)"}
      </label>
      {props.hint ? (
        <p id={ids.hint} className={styles.hint}>
          {props.hint}
        </p>
      ) : null}
      {props.children}
      <FieldError name={props.name} error={props.error} />
    </div>
  );
}
