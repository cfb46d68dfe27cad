"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useActionState } from "react";
import { useForm } from "react-hook-form";
import { updateRegistrationAction } from "@/lib/registration/actions";
import { type UpdateFormValues, updateSchema } from "@/lib/registration/schema";
import { ErrorSummary } from "./error-summary";
import { type FormPart, PERSON_LABELS, PersonFields } from "./person-fields";
import styles from "./registration.module.css";
import { defaultsFrom, useServerForm } from "./use-server-form";

type Props = { token: string; current: Record<string, unknown>; parts: FormPart[]; communes: readonly string[] };

/** Change details and choices from the management link (no e-mail change: it is the identity). */
export function UpdateForm({ token, current, parts, communes }: Props) {
  const [state, formAction, pending] = useActionState(updateRegistrationAction, null);
  const defaults = defaultsFrom(state?.values, current);
  const form = useForm<UpdateFormValues>({
    resolver: zodResolver(updateSchema),
    defaultValues: defaults as UpdateFormValues,
    shouldFocusError: false,
  });
  const f = useServerForm(form, state, formAction);
  return (
    <form
      ref={f.formRef}
      action={formAction}
      onSubmit={f.onSubmit}
      data-ready={f.ready}
      noValidate
      className={styles.form}
      aria-label="Modifier mon inscription"
    >
      <ErrorSummary
        focusKey={f.attempt}
        message={f.summaryMessage}
        errors={f.errors}
        labels={PERSON_LABELS}
        refCode={state?.ref}
      />
      <input type="hidden" name="token" value={token} />
      <PersonFields
        register={(n) => form.register(n as keyof UpdateFormValues)}
        defaults={defaults}
        errorOf={f.errorOf}
        parts={parts}
        communes={communes}
      />
      <div className={styles.actions}>
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Enregistrement…" : "Enregistrer les modifications"}
        </button>
        <Link href={`/inscription/${token}`}>Revenir sans modifier</Link>
      </div>
    </form>
  );
}
