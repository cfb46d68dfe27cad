"use client";

import Link from "next/link";
import { useActionState } from "react";
import { cancelRegistrationAction } from "@/lib/registration/actions";
import styles from "./registration.module.css";

export function CancelForm({ token }: { token: string }) {
  const [state, formAction, pending] = useActionState(cancelRegistrationAction, null);
  return (
    <form action={formAction} className={styles.form}>
      {state && !state.ok ? (
        <p role="alert" className={styles.summary}>
          {state.message}
          {state.ref ? ` (référence : ${state.ref})` : ""}
        </p>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <div className={styles.actions}>
        <button type="submit" className={`button ${styles.danger}`} disabled={pending}>
          {pending ? "Annulation…" : "Oui, annuler mon inscription"}
        </button>
        <Link href={`/inscription/${token}`}>Non, garder mon inscription</Link>
      </div>
    </form>
  );
}
