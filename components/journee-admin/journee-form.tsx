"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { createJourneeAction, updateJourneeAction } from "@/lib/journees/actions";
import { JOURNEE_REFUSALS, splitPartEntries } from "@/lib/journees/schema";
import { ErrorSummary, FormField, fieldId } from "./form-field";
import { PartRows, type PartValues } from "./part-rows";
import { useKeptAction } from "./use-kept-action";

type Props = {
  journeeId?: string;
  partners: { id: string; label: string }[];
  initial: Record<string, string>;
  parts: PartValues[];
};

const LABELS: Record<string, string> = {
  partnerId: "Partenaire",
  title: "Titre",
  city: "Ville",
  venue: "Lieu",
  address: "Adresse",
  accessInfo: "Accès",
  programme: "Programme",
  startsAt: "Début de la journée",
  endsAt: "Fin de la journée",
  capacity: "Capacité",
  registrationOpensAt: "Ouverture des inscriptions",
  registrationClosesAt: "Clôture des inscriptions",
};
const labelOf = (name: string) => {
  const m = /^parts\.(\d+)\.(\w+)$/.exec(name);
  return m ? `Créneau ${Number(m[1]) + 1}` : (LABELS[name] ?? name);
};

/** Create or edit a journée. Times are Paris times; on success, back to the journée's page. */
export function JourneeForm({ journeeId, partners, initial, parts }: Props) {
  const router = useRouter();
  const [state, action, pending] = useKeptAction(journeeId ? updateJourneeAction : createJourneeAction);
  useEffect(() => {
    if (state?.ok && state.id) router.push(`/organisateur/journees/${state.id}`);
  }, [state, router]);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const v = { ...initial, ...(state && !state.ok ? state.values : {}) };
  const keptParts = state && !state.ok ? partsFrom(state.values) : parts;
  const t = (name: string, extra: Partial<Parameters<typeof FormField>[0]> = {}) => (
    <FormField name={name} label={LABELS[name]} errors={errors} value={v[name]} required {...extra} />
  );
  return (
    <form key={state?.n ?? 0} action={action} className="form-stack" noValidate aria-label="Journée">
      <ErrorSummary
        focusKey={state && !state.ok ? state.n : 0}
        message={state && !state.ok ? JOURNEE_REFUSALS[state.reason] : undefined}
        errors={errors}
        labelOf={labelOf}
        refCode={state && !state.ok ? state.ref : undefined}
      />
      {journeeId ? <input type="hidden" name="journeeId" value={journeeId} /> : null}
      {journeeId || partners.length === 1 ? (
        <input type="hidden" name="partnerId" value={v.partnerId ?? partners[0]?.id} />
      ) : (
        <div className="field">
          <label htmlFor={fieldId("partnerId")}>Partenaire (obligatoire)</label>
          <select id={fieldId("partnerId")} name="partnerId" defaultValue={v.partnerId ?? ""}>
            {partners.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
      )}
      {t("title")}
      {t("city")}
      {t("venue")}
      {t("address")}
      {t("accessInfo", { required: false, multiline: true, hint: "Transports, stationnement, accessibilité." })}
      {t("programme", { required: false, multiline: true })}
      {t("startsAt", { type: "datetime-local", hint: "Heure de Paris." })}
      {t("endsAt", { type: "datetime-local" })}
      {t("capacity", { type: "number", min: 1, hint: "Au-delà, les personnes vont en liste d'attente." })}
      {t("registrationOpensAt", { type: "datetime-local" })}
      {t("registrationClosesAt", { type: "datetime-local", hint: "Au plus tard au début de la journée." })}
      <div className="field">
        <label>
          <input type="checkbox" name="isPlenary" defaultChecked={v.isPlenary === "on"} /> Journée plénière
        </label>
      </div>
      <PartRows initial={keptParts} errors={errors} />
      <div role="status">{state?.ok ? <p className="notice">{state.message}</p> : null}</div>
      <div>
        <button type="submit" className="button" disabled={pending}>
          {journeeId ? "Enregistrer les modifications" : "Créer la journée (brouillon)"}
        </button>
      </div>
    </form>
  );
}

function partsFrom(values: Record<string, string>): PartValues[] {
  return splitPartEntries(Object.entries(values)).parts.map((r) => ({
    id: r.id,
    kind: r.kind ?? "HALF_DAY",
    title: r.title ?? "",
    startsAt: r.startsAt ?? "",
    endsAt: r.endsAt ?? "",
    capacity: r.capacity ?? "",
  }));
}
