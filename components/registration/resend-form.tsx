"use client";

import { useActionState } from "react";
import { resendConfirmationAction } from "@/lib/registration/actions";
import { MAX } from "@/lib/registration/schema";
import { describedBy, FieldError, fieldIds } from "./field";
import styles from "./registration.module.css";

/**
 * "Send my confirmation again": always offered under the form, opened after "already registered".
 * The mail goes to the registered address only, and the answer is the same whether or not a
 * registration exists (nothing is revealed on screen). Its own form: works without JavaScript.
 */
export function ResendForm({ journeeId, email, open }: { journeeId: string; email: string; open: boolean }) {
  const [state, formAction, pending] = useActionState(resendConfirmationAction, null);
  const error = state?.fieldErrors?.email;
  const name = "resendEmail";
  return (
    <details className={styles.notice} open={open || Boolean(state)}>
      <summary>Déjà inscrit·e ? Recevoir à nouveau votre confirmation</summary>
      <form action={formAction} className={styles.form}>
        <p>Nous la renverrons à l'adresse avec laquelle vous êtes inscrit·e. Rien ne s'affichera ici.</p>
        <input type="hidden" name="journeeId" value={journeeId} />
        <label htmlFor={fieldIds(name).input} className={styles.label}>
          E-mail utilisé pour l'inscription (obligatoire)
        </label>
        <input
          id={fieldIds(name).input}
          name="email"
          type="email"
          autoComplete="email"
          className={styles.input}
          maxLength={MAX.email}
          defaultValue={email}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(name, false, error)}
        />
        <FieldError name={name} error={error} />
        {state?.message && !error ? (
          <p role="status" className={state.ok ? styles.success : styles.error}>
            {state.message}
          </p>
        ) : null}
        <div>
          <button type="submit" className="button button--secondary" disabled={pending}>
            Renvoyer ma confirmation par e-mail
          </button>
        </div>
      </form>
    </details>
  );
}
