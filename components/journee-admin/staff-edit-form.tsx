"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useActionState, useMemo } from "react";
import { useForm } from "react-hook-form";
import { ErrorSummary } from "@/components/registration/error-summary";
import { type FormPart, PERSON_LABELS, PersonFields } from "@/components/registration/person-fields";
import { QuestionFields, questionLabels } from "@/components/registration/question-fields";
import styles from "@/components/registration/registration.module.css";
import { defaultsFrom, useServerForm } from "@/components/registration/use-server-form";
import { type FormQuestion, nestAnswers } from "@/lib/questions/form";
import { answersSchema } from "@/lib/questions/schema";
import type { FormState } from "@/lib/registration/form-state";
import { type UpdateFormValues, updateSchema } from "@/lib/registration/schema";
import { staffUpdateAction } from "@/lib/staff-registrations/actions";

type Props = {
  journeeId: string;
  registrationId: string;
  current: Record<string, unknown>;
  parts: FormPart[];
  communes: readonly string[];
  questions?: FormQuestion[];
};

/** The organiser edits a registration with the same fields and rules as the person's own page. */
export function StaffEditForm({ journeeId, registrationId, current, parts, communes, questions = [] }: Props) {
  const [state, formAction, pending] = useActionState(staffUpdateAction, null);
  const defaults = defaultsFrom(state?.values, current);
  const schema = useMemo(() => updateSchema.extend({ answers: answersSchema(questions) }), [questions]);
  const labels = useMemo(() => ({ ...PERSON_LABELS, ...questionLabels(questions) }), [questions]);
  const form = useForm<UpdateFormValues>({
    resolver: zodResolver(schema) as never,
    defaultValues: nestAnswers(defaults) as UpdateFormValues,
    shouldFocusError: false,
  });
  const register = (name: string) => form.register(name as keyof UpdateFormValues);
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
        labels={labels}
        refCode={state?.ref}
      />
      <input type="hidden" name="journeeId" value={journeeId} />
      <input type="hidden" name="registrationId" value={registrationId} />
      <PersonFields register={register} defaults={defaults} errorOf={f.errorOf} parts={parts} communes={communes} />
      <QuestionFields questions={questions} register={register} defaults={defaults} errorOf={f.errorOf} />
      <div role="status">{state?.ok ? <p className="notice">{state.message}</p> : null}</div>
      <div className={styles.actions}>
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Enregistrement…" : "Enregistrer les modifications"}
        </button>
      </div>
    </form>
  );
}
