"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useActionState, useMemo } from "react";
import { useForm } from "react-hook-form";
import { type FormQuestion, nestAnswers } from "@/lib/questions/form";
import { answersSchema } from "@/lib/questions/schema";
import { updateRegistrationAction } from "@/lib/registration/actions";
import { type UpdateFormValues, updateSchema } from "@/lib/registration/schema";
import { ErrorSummary } from "./error-summary";
import { type FormPart, PERSON_LABELS, PersonFields } from "./person-fields";
import { QuestionFields, questionLabels } from "./question-fields";
import styles from "./registration.module.css";
import { defaultsFrom, useServerForm } from "./use-server-form";

type Props = {
  token: string;
  /** Current values, answers flat (`answers.<question id>`) as a no-JS post keeps them. */
  current: Record<string, unknown>;
  parts: FormPart[];
  communes: readonly string[];
  questions?: FormQuestion[];
};

/** Change details and choices from the management link (no e-mail change: it is the identity). */
export function UpdateForm({ token, current, parts, communes, questions = [] }: Props) {
  const [state, formAction, pending] = useActionState(updateRegistrationAction, null);
  const defaults = defaultsFrom(state?.values, current);
  // The same answers schema as the server builds inside the update transaction (decision 022).
  const schema = useMemo(() => updateSchema.extend({ answers: answersSchema(questions) }), [questions]);
  const labels = useMemo(() => ({ ...PERSON_LABELS, ...questionLabels(questions) }), [questions]);
  const form = useForm<UpdateFormValues>({
    resolver: zodResolver(schema) as never,
    defaultValues: nestAnswers(defaults) as UpdateFormValues,
    shouldFocusError: false,
  });
  const f = useServerForm(form, state, formAction);
  const register = (name: string) => form.register(name as keyof UpdateFormValues);
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
        labels={labels}
        refCode={state?.ref}
      />
      <input type="hidden" name="token" value={token} />
      <PersonFields register={register} defaults={defaults} errorOf={f.errorOf} parts={parts} communes={communes} />
      <QuestionFields questions={questions} register={register} defaults={defaults} errorOf={f.errorOf} />
      <div className={styles.actions}>
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Enregistrement…" : "Enregistrer les modifications"}
        </button>
        <Link href={`/inscription/${token}`}>Revenir sans modifier</Link>
      </div>
    </form>
  );
}
