"use client";

import { useEffect, useRef } from "react";
import { errorsInFieldOrder } from "./error-order";
import { fieldIds } from "./field";
import styles from "./registration.module.css";

type Props = {
  message?: string;
  errors: Record<string, string>;
  labels: Record<string, string>;
  refCode?: string;
  /** Changes at each refused submit: the summary then takes the focus (read first by screen readers). */
  focusKey: number;
};

/** Shown at the top of the form after a refused submit, with links to each field in error. */
export function ErrorSummary({ message, errors, labels, refCode, focusKey }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = errorsInFieldOrder(errors, labels);
  const visible = Boolean(message) || entries.length > 0;
  // Runs when the summary appears as well as on each new refusal (it may render after the refusal).
  useEffect(() => {
    if (focusKey > 0 && visible) ref.current?.focus();
  }, [focusKey, visible]);
  if (!visible) return null;
  return (
    <div ref={ref} tabIndex={-1} className={styles.summary} role="alert" aria-labelledby="resume-erreurs-titre">
      <h3 id="resume-erreurs-titre">{message ?? "Certains champs sont à corriger."}</h3>
      {refCode ? <p>Référence de l'erreur : {refCode}</p> : null}
      {entries.length ? (
        <ul>
          {entries.map(([name, text]) => (
            <li key={name}>
              <a href={`#${fieldIds(name).input}`}>
                {labels[name]} : {text}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
