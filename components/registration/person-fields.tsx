"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import { STRUCTURE_TYPE_LABELS } from "@/lib/registration/labels";
import { MAX, STRUCTURE_TYPES } from "@/lib/registration/schema";
import { describedBy, Field, FieldError, fieldIds } from "./field";
import { NetworkField } from "./network-field";
import styles from "./registration.module.css";

export type FormPart = {
  id: string;
  kind: "HALF_DAY" | "WORKSHOP";
  title: string;
  time: string;
  full: boolean;
  left: number | null;
};
type Register = (name: string) => UseFormRegisterReturn;
/** Server-rendered defaults: react-hook-form fills inputs only in the browser, a no-JS page needs them in the HTML. */
export type Defaults = Record<string, unknown>;
type Props = {
  register: Register;
  defaults: Defaults;
  errorOf: (name: string) => string | undefined;
  parts: FormPart[];
  communes: readonly string[];
};

const text = (d: Defaults, name: string) => (typeof d[name] === "string" ? (d[name] as string) : "");
const checked = (d: Defaults, name: string, value?: string) =>
  value === undefined
    ? d[name] === true
    : Array.isArray(d[name])
      ? (d[name] as string[]).includes(value)
      : d[name] === value;

/** In the order the fields appear on the form: the error summary lists errors in this order. */
export const PERSON_LABELS: Record<string, string> = {
  email: "E-mail professionnel",
  firstName: "Prénom",
  lastName: "Nom",
  phone: "Téléphone",
  structure: "Structure",
  structureType: "Type de structure",
  network: "Réseau ou fédération de votre structure",
  jobTitle: "Fonction",
  commune: "Commune de la structure",
  halfDayIds: "Demi-journées",
  workshopId: "Atelier",
  accessibilityNeeds: "Besoins d'accessibilité",
  privacyAck: "Information sur les données personnelles",
};

function TextInput(props: {
  name: string;
  register: Register;
  defaults: Defaults;
  error?: string;
  max: number;
  autoComplete?: string;
  type?: string;
  hint?: boolean;
  required?: boolean;
  list?: string;
}) {
  return (
    <input
      id={fieldIds(props.name).input}
      className={styles.input}
      type={props.type ?? "text"}
      maxLength={props.max}
      autoComplete={props.autoComplete}
      required={props.required}
      list={props.list}
      defaultValue={text(props.defaults, props.name)}
      aria-invalid={props.error ? true : undefined}
      aria-describedby={describedBy(props.name, Boolean(props.hint), props.error)}
      {...props.register(props.name)}
    />
  );
}

function partLabel(p: FormPart): string {
  const places = p.full ? " — complet" : p.left !== null ? ` — ${p.left} place${p.left > 1 ? "s" : ""}` : "";
  return `${p.title} (${p.time})${places}`;
}

/** The person's professional identity and choices, shared by registration and management forms. */
export function PersonFields({ register, defaults, errorOf, parts, communes }: Props) {
  const halfDays = parts.filter((p) => p.kind === "HALF_DAY");
  const workshops = parts.filter((p) => p.kind === "WORKSHOP");
  const t = (name: string, max: number, autoComplete?: string, required = true) => (
    <Field name={name} label={PERSON_LABELS[name]} required={required} error={errorOf(name)}>
      <TextInput
        defaults={defaults}
        name={name}
        register={register}
        error={errorOf(name)}
        max={max}
        autoComplete={autoComplete}
        required={required}
      />
    </Field>
  );
  return (
    <>
      {t("firstName", MAX.firstName, "given-name")}
      {t("lastName", MAX.lastName, "family-name")}
      <Field
        name="phone"
        label="Téléphone"
        hint="Seulement pour vous joindre en cas d'imprévu le jour même."
        error={errorOf("phone")}
      >
        <TextInput
          defaults={defaults}
          name="phone"
          register={register}
          error={errorOf("phone")}
          max={MAX.phone}
          autoComplete="tel"
          type="tel"
          hint
        />
      </Field>
      {t("structure", MAX.structure, "organization")}
      <Field name="structureType" label="Type de structure" required error={errorOf("structureType")}>
        <select
          id={fieldIds("structureType").input}
          className={styles.select}
          required
          aria-invalid={errorOf("structureType") ? true : undefined}
          aria-describedby={describedBy("structureType", false, errorOf("structureType"))}
          defaultValue={text(defaults, "structureType")}
          {...register("structureType")}
        >
          <option value="">Choisir le type de structure</option>
          {STRUCTURE_TYPES.map((v) => (
            <option key={v} value={v}>
              {STRUCTURE_TYPE_LABELS[v]}
            </option>
          ))}
        </select>
      </Field>
      <NetworkField register={register} defaultValue={text(defaults, "network")} error={errorOf("network")} />
      {t("jobTitle", MAX.jobTitle, "organization-title")}
      <Field
        name="commune"
        label="Commune de la structure"
        required
        hint="Choisissez dans la liste des communes de la Métropole, ou saisissez une autre commune."
        error={errorOf("commune")}
      >
        <TextInput
          defaults={defaults}
          name="commune"
          register={register}
          error={errorOf("commune")}
          max={MAX.commune}
          autoComplete="address-level2"
          hint
          required
          list="communes-metropole"
        />
      </Field>
      <datalist id="communes-metropole">
        {communes.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      {halfDays.length ? (
        <fieldset
          className={styles.fieldset}
          id={fieldIds("halfDayIds").input}
          aria-describedby={describedBy("halfDayIds", false, errorOf("halfDayIds"))}
        >
          <legend>Demi-journées (au moins une, obligatoire)</legend>
          {halfDays.map((p) => (
            <label key={p.id} className={styles.choice}>
              <input
                type="checkbox"
                value={p.id}
                disabled={p.full}
                defaultChecked={checked(defaults, "halfDayIds", p.id)}
                {...register("halfDayIds")}
              />
              <span>{partLabel(p)}</span>
            </label>
          ))}
          <FieldError name="halfDayIds" error={errorOf("halfDayIds")} />
        </fieldset>
      ) : null}
      {workshops.length ? (
        <fieldset
          className={styles.fieldset}
          id={fieldIds("workshopId").input}
          aria-describedby={describedBy("workshopId", false, errorOf("workshopId"))}
        >
          <legend>Atelier (facultatif, un au choix)</legend>
          {workshops.map((p) => (
            <label key={p.id} className={styles.choice}>
              <input
                type="radio"
                value={p.id}
                disabled={p.full}
                defaultChecked={checked(defaults, "workshopId", p.id)}
                {...register("workshopId")}
              />
              <span>{partLabel(p)}</span>
            </label>
          ))}
          <label className={styles.choice}>
            <input type="radio" value="" defaultChecked={!text(defaults, "workshopId")} {...register("workshopId")} />
            <span>Je ne choisis pas d'atelier pour l'instant</span>
          </label>
          <FieldError name="workshopId" error={errorOf("workshopId")} />
        </fieldset>
      ) : null}
      <Field
        name="accessibilityNeeds"
        label="Besoins d'accessibilité"
        hint="Par exemple : accès en fauteuil roulant, boucle magnétique, interprète en langue des signes. Nous le demandons uniquement pour préparer votre accueil ; seuls les organisateurs de la journée le voient, et c'est effacé avec votre inscription, au plus tard 6 mois après la journée."
        error={errorOf("accessibilityNeeds")}
      >
        <textarea
          id={fieldIds("accessibilityNeeds").input}
          className={styles.textarea}
          maxLength={MAX.accessibilityNeeds}
          rows={3}
          aria-invalid={errorOf("accessibilityNeeds") ? true : undefined}
          aria-describedby={describedBy("accessibilityNeeds", true, errorOf("accessibilityNeeds"))}
          defaultValue={text(defaults, "accessibilityNeeds")}
          {...register("accessibilityNeeds")}
        />
      </Field>
      <label className={styles.choice}>
        <input type="checkbox" defaultChecked={checked(defaults, "inviteConsent")} {...register("inviteConsent")} />
        <span>
          J'accepte d'être invité·e par e-mail aux prochaines journées professionnelles Logement d'abord (facultatif,
          vous pourrez retirer cet accord à tout moment).
        </span>
      </label>
    </>
  );
}
