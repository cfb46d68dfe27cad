"use client";

import { useState } from "react";
import type { LocalWalkIn } from "@/components/offline/use-offline";
import { walkInAction } from "@/lib/checkin/actions";
import { STRUCTURE_TYPE_LABELS, WALK_IN_REASON_LABELS } from "@/lib/checkin/labels";
import { type WalkInInput, WalkInSchema } from "@/lib/checkin/schema";
import { STRUCTURE_TYPES } from "@/lib/registration/schema";
import styles from "./checkin.module.css";
import { unlockAudio } from "./feedback";
import { newNonce, type ScanAnswer, type Station } from "./scan-client";

type Props = {
  journeeId: string;
  partKey: string;
  station: Station;
  canForce: boolean;
  onResult: (answer: ScanAnswer, at: number) => void;
  /** Offline: recorded on this device and created on the server at the next sync. */
  local?: {
    active: () => boolean;
    record: (input: WalkInInput & { nonce: string; journeeId: string }) => Promise<LocalWalkIn>;
  };
};
const FIELDS = [
  { name: "firstName", label: "Prénom", autoComplete: "given-name" },
  { name: "lastName", label: "Nom", autoComplete: "family-name" },
  { name: "structure", label: "Structure", autoComplete: "organization" },
] as const;

/** Sur place: register and check in within 30 seconds; e-mail optional; over capacity = organisers only. */
export function WalkInForm({ journeeId, partKey, station, canForce, onResult, local }: Props) {
  const [nonce, setNonce] = useState(newNonce);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState("");
  const [offerForce, setOfferForce] = useState(false);
  const [pending, setPending] = useState(false);

  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const at = performance.now();
    unlockAudio();
    const form = event.currentTarget;
    const data = Object.fromEntries(new FormData(form)) as Record<string, string>;
    const input: WalkInInput = {
      ...(data as unknown as WalkInInput),
      journeeId,
      partKey,
      door: station.door,
      deviceId: station.deviceId,
      nonce,
      forceOverCapacity: data.force === "on",
    };
    setPending(true);
    const result = local?.active()
      ? await offlineWalkIn(input)
      : await walkInAction(input).catch(() => offlineWalkIn(input));
    setPending(false);
    if (result.ok) {
      form.reset();
      setErrors({});
      setRefusal("");
      setOfferForce(false);
      setNonce(newNonce());
      onResult(result.outcome, at);
      form.querySelector<HTMLInputElement>("input")?.focus();
      return;
    }
    setErrors(("fieldErrors" in result && result.fieldErrors) || {});
    const label = WALK_IN_REASON_LABELS[result.reason] ?? WALK_IN_REASON_LABELS.error;
    setRefusal("offline" in result ? `Hors ligne, d'après les données de cet appareil : ${label}` : label);
    setOfferForce("canForce" in result && Boolean(result.canForce) && canForce);
  };

  /** Checked here with the server's own schema and the snapshot's capacity, then queued (re-checked on sync). */
  async function offlineWalkIn(input: WalkInInput) {
    const parsed = WalkInSchema.safeParse(input);
    if (!parsed.success || !local) {
      const fieldErrors = parsed.success
        ? {}
        : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
      return { ok: false as const, reason: parsed.success ? "error" : "invalid", fieldErrors };
    }
    const recorded = await local.record({ ...input, nonce, journeeId });
    return recorded.ok ? recorded : { ...recorded, offline: true as const };
  }

  return (
    <section aria-labelledby="titre-sur-place" className={styles.panel}>
      <h2 id="titre-sur-place">Inscription sur place</h2>
      <form onSubmit={submit} noValidate className={styles.form}>
        {FIELDS.map((f) => (
          <p key={f.name}>
            <label htmlFor={`wi-${f.name}`}>{f.label} (obligatoire)</label>
            <input
              id={`wi-${f.name}`}
              name={f.name}
              required
              autoComplete={f.autoComplete}
              aria-invalid={Boolean(errors[f.name])}
              aria-describedby={errors[f.name] ? `wi-${f.name}-err` : undefined}
            />
            {errors[f.name] && (
              <span id={`wi-${f.name}-err`} className={styles.fieldError}>
                {errors[f.name]}
              </span>
            )}
          </p>
        ))}
        <p>
          <label htmlFor="wi-structureType">Type de structure (obligatoire)</label>
          <select
            id="wi-structureType"
            name="structureType"
            required
            defaultValue=""
            aria-invalid={Boolean(errors.structureType)}
            aria-describedby={errors.structureType ? "wi-type-err" : undefined}
          >
            <option value="" disabled>
              Choisir…
            </option>
            {STRUCTURE_TYPES.map((t) => (
              <option key={t} value={t}>
                {STRUCTURE_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
          {errors.structureType && (
            <span id="wi-type-err" className={styles.fieldError}>
              {errors.structureType}
            </span>
          )}
        </p>
        <p>
          <label htmlFor="wi-email">E-mail (facultatif, pour l'attestation)</label>
          <input
            id="wi-email"
            name="email"
            type="email"
            autoComplete="email"
            aria-invalid={Boolean(errors.email)}
            aria-describedby={errors.email ? "wi-email-err" : undefined}
          />
          {errors.email && (
            <span id="wi-email-err" className={styles.fieldError}>
              {errors.email}
            </span>
          )}
        </p>
        {offerForce && (
          <p>
            <input id="wi-force" name="force" type="checkbox" />{" "}
            <label htmlFor="wi-force">Inscrire au-delà de la capacité (organisateur, tracé dans le journal)</label>
          </p>
        )}
        {refusal && (
          <p role="alert" className={styles.warn}>
            {refusal}
          </p>
        )}
        <button type="submit" className={styles.primary} disabled={pending}>
          Inscrire et émarger
        </button>
      </form>
    </section>
  );
}
