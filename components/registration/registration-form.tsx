"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useActionState, useMemo } from "react";
import { useForm } from "react-hook-form";
import { emptyAnswers, type FormQuestion, nestAnswers } from "@/lib/questions/form";
import { answersSchema } from "@/lib/questions/schema";
import { registerAction } from "@/lib/registration/actions";
import { MAX, type RegistrationFormValues, registrationSchema } from "@/lib/registration/schema";
import { ErrorSummary } from "./error-summary";
import { describedBy, Field, FieldError, fieldIds } from "./field";
import { type FormPart, PERSON_LABELS, PersonFields } from "./person-fields";
import { QuestionFields, questionLabels } from "./question-fields";
import styles from "./registration.module.css";
import { ResendForm } from "./resend-form";
import { defaultsFrom, useServerForm } from "./use-server-form";

type Props = {
  journeeId: string;
  full: boolean;
  parts: FormPart[];
  communes: readonly string[];
  questions?: FormQuestion[];
};

const EMPTY = {
  email: "",
  firstName: "",
  lastName: "",
  phone: "",
  structure: "",
  structureType: "",
  network: "",
  jobTitle: "",
  commune: "",
  halfDayIds: [] as string[],
  workshopId: "",
  accessibilityNeeds: "",
  inviteConsent: false,
  privacyAck: false,
  siteWeb: "",
};

/** The registration form: works as a plain form post without JavaScript, checks instantly with it. */
export function RegistrationForm({ journeeId, full, parts, communes, questions = [] }: Props) {
  const [state, formAction, pending] = useActionState(registerAction, null);
  const defaults: Record<string, unknown> = {
    ...defaultsFrom(state?.values, { ...EMPTY, ...emptyAnswers(questions) }),
    journeeId,
  };
  // The same answers schema as the server builds inside the registration transaction.
  const schema = useMemo(() => registrationSchema.extend({ answers: answersSchema(questions) }), [questions]);
  // Field order on the page: the person, the journée's questions, then the privacy notice.
  const labels = useMemo(() => {
    const { privacyAck, ...person } = PERSON_LABELS;
    return { ...person, ...questionLabels(questions), privacyAck };
  }, [questions]);
  const form = useForm<RegistrationFormValues>({
    resolver: zodResolver(schema) as never,
    defaultValues: nestAnswers(defaults) as RegistrationFormValues,
    shouldFocusError: false,
  });
  const f = useServerForm(form, state, formAction);
  const register = (name: string) => form.register(name as keyof RegistrationFormValues);
  const emailError = f.errorOf("email");
  const privacyError = f.errorOf("privacyAck");
  return (
    <>
      <form
        ref={f.formRef}
        action={formAction}
        onSubmit={f.onSubmit}
        data-ready={f.ready}
        noValidate
        className={styles.form}
        aria-label="Formulaire d'inscription"
      >
        <ErrorSummary
          focusKey={f.attempt}
          message={f.summaryMessage}
          errors={f.errors}
          labels={labels}
          refCode={state?.ref}
        />
        <p className={styles.hint}>Les champs marqués « obligatoire » sont nécessaires à l'inscription.</p>
        <input type="hidden" defaultValue={journeeId} {...form.register("journeeId")} />
        <Field
          name="email"
          label="E-mail professionnel"
          required
          hint="Votre confirmation et votre billet y seront envoyés."
          error={emailError}
        >
          <input
            id={fieldIds("email").input}
            className={styles.input}
            type="email"
            inputMode="email"
            autoComplete="email"
            maxLength={MAX.email}
            required
            aria-invalid={emailError ? true : undefined}
            aria-describedby={describedBy("email", true, emailError)}
            defaultValue={defaults.email as string}
            {...register("email")}
          />
        </Field>
        <PersonFields register={register} defaults={defaults} errorOf={f.errorOf} parts={parts} communes={communes} />
        <QuestionFields questions={questions} register={register} defaults={defaults} errorOf={f.errorOf} />
        <div aria-hidden="true" className={styles.honeypot}>
          <label htmlFor="champ-siteWeb">Ne pas remplir ce champ (site web)</label>
          <input
            id="champ-siteWeb"
            type="text"
            tabIndex={-1}
            autoComplete="off"
            maxLength={MAX.honeypot}
            {...register("siteWeb")}
          />
        </div>
        <div className={styles.notice} id="information-rgpd">
          <p>
            <strong>Vos données personnelles.</strong> La Métropole Aix-Marseille-Provence, la DDETS des
            Bouches-du-Rhône et l'Unafo les utilisent pour organiser la journée (inscription, billet, accueil,
            émargement, attestation) et pour des statistiques anonymes sur le plan Logement d'abord. Le jour même, vous
            pourrez signer la feuille d'émargement à chaque demi-journée : votre signature est une preuve de présence.
            Elles sont conservées jusqu'à 6 mois après la journée (3 ans pour la preuve de présence, signatures
            comprises). Vous pouvez y accéder, les rectifier ou les effacer.
          </p>
          <p>
            <Link href="/donnees-personnelles">En savoir plus sur vos données et vos droits</Link>
          </p>
        </div>
        <div className={styles.field}>
          <label className={styles.choice}>
            <input
              id={fieldIds("privacyAck").input}
              type="checkbox"
              required
              aria-invalid={privacyError ? true : undefined}
              aria-describedby={describedBy("privacyAck", false, privacyError)}
              defaultChecked={defaults.privacyAck === true}
              {...register("privacyAck")}
            />
            <span>J'ai pris connaissance de l'information sur mes données personnelles (obligatoire).</span>
          </label>
          <FieldError name="privacyAck" error={privacyError} />
        </div>
        <div className={styles.actions}>
          <button type="submit" className="button" disabled={pending}>
            {pending ? "Envoi en cours…" : full ? "M'inscrire sur la liste d'attente" : "M'inscrire"}
          </button>
        </div>
      </form>
      <ResendForm
        journeeId={journeeId}
        email={typeof state?.values?.email === "string" ? state.values.email : ""}
        open={state?.reason === "already_registered"}
      />
    </>
  );
}
