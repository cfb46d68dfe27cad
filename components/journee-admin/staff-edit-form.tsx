"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useActionState } from "react";
import { useForm } from "react-hook-form";
import { ErrorSummary } from "@/components/registration/error-summary";
import { type FormPart, PERSON_LABELS, PersonFields } from "@/components/registration/person-fields";
import styles from "@/components/registration/registration.module.css";
import { defaultsFrom, useServerForm } from "@/components/registration/use-server-form";
import type { FormState } from "@/lib/registration/form-state";
import { type UpdateFormValues, updateSchema } from "@/lib/registration/schema";
import { staffUpdateAction } from "@/lib/staff-registrations/actions";

type Props = {
  journeeId: string;
  registrationId: string;
  current: Record<string, unknown>;
  parts: FormPart[];
  communes: readonly string[];
};

/** The organiser edits a registration with the same fields and rules as the person's own page. */
export function StaffEditForm({ journeeId, registrationId, current, parts, communes }: Props) {
  const [state, formAction, pending] = useActionState(staffUpdateAction, null);
  const defaults = defaultsFrom(state?.values, current);
  const form = useForm<UpdateFormValues>({
    resolver: zodResolver(updateSchema),
    defaultValues: defaults as UpdateFormValues,
    shouldFocusError: false,
  });
  // Same shape as the public form's state; only the reason codes differ (shown through `message`).
  const f = useServerForm(form, state as FormState, formAction);
  return (
    <form
      ref={f.formRef}
      action={formAction}
      onSubmit={f.onSubmit}
      data-ready={f.ready}
      noValidate
      className={styles.form}
      aria-label="Modifier l'inscription"
    >
      <ErrorSummary
        focusKey={f.attempt}
        message={f.summaryMessage}
        errors={f.errors}
        labels={PERSON_LABELS}
        refCode={state?.ref}
      />
      <input type="hidden" name="journeeId" value={journeeId} />
      <input type="hidden" name="registrationId" value={registrationId} />
      <PersonFields
        register={(n) => form.register(n as keyof UpdateFormValues)}
        defaults={defaults}
        errorOf={f.errorOf}
        parts={parts}
        communes={communes}
      />
      <div role="status">{state?.ok ? <p className="notice">{state.message}</p> : null}</div>
      <div className={styles.actions}>
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Enregistrement…" : "Enregistrer les modifications"}
        </button>
      </div>
    </form>
  );
}
