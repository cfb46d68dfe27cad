"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { setAttendanceSettings } from "@/lib/attendance/actions";
import { ATTENDANCE_PROOF_LABELS, attendanceReasonLabel } from "@/lib/attendance/labels";
import { AttendanceSettingsSchema } from "@/lib/attendance/schema";
import "./sheet.css";

type Settings = { attendanceProof: "SCAN_ONLY" | "SCAN_AND_SIGNATURE"; lateToleranceMinutes: number };
type Input = z.input<typeof AttendanceSettingsSchema>;
type Output = z.output<typeof AttendanceSettingsSchema>;

/**
 * The journée's attendance proof (scan only, or scan + signature per half-day) and the lateness
 * tolerance (issue 13 points 1 and 5). Validated by the shared schema in the browser and again by
 * the server action, which audits the change. Read-only for those who cannot manage.
 */
export function AttendanceSettings({
  journeeId,
  settings,
  canManage,
}: {
  journeeId: string;
  settings: Settings;
  canManage: boolean;
}) {
  if (!canManage) {
    return (
      <dl className="attendance-settings" data-testid="attendance-settings">
        <dt>Preuve de présence</dt>
        <dd>{ATTENDANCE_PROOF_LABELS[settings.attendanceProof]}</dd>
        <dt>Tolérance de retard</dt>
        <dd>{settings.lateToleranceMinutes} min</dd>
      </dl>
    );
  }
  return <SettingsForm journeeId={journeeId} settings={settings} />;
}

function SettingsForm({ journeeId, settings }: { journeeId: string; settings: Settings }) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(AttendanceSettingsSchema),
    defaultValues: { journeeId, ...settings },
  });
  const error = form.formState.errors.lateToleranceMinutes?.message;
  const submit = form.handleSubmit((values) =>
    start(async () => {
      const result = await setAttendanceSettings(values);
      if (result.ok) return setMessage({ ok: true, text: "Réglages de l'émargement enregistrés." });
      const fieldError = result.fieldErrors?.lateToleranceMinutes;
      if (fieldError) form.setError("lateToleranceMinutes", { message: fieldError }, { shouldFocus: true });
      const ref = "ref" in result && result.ref ? ` (référence ${result.ref})` : "";
      setMessage({ ok: false, text: `${fieldError ?? attendanceReasonLabel(result.reason)}${ref}` });
    }),
  );
  return (
    <form onSubmit={submit} noValidate className="form-stack" aria-label="Réglages de l'émargement">
      <fieldset className="field">
        <legend>Preuve de présence (obligatoire)</legend>
        {(["SCAN_AND_SIGNATURE", "SCAN_ONLY"] as const).map((value) => (
          <label key={value} className="attendance-settings__choice">
            <input type="radio" value={value} {...form.register("attendanceProof")} /> {ATTENDANCE_PROOF_LABELS[value]}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="att-tolerance">Tolérance de retard, en minutes (obligatoire)</label>
        <span className="field__hint" id="att-tolerance-aide">
          Une arrivée plus tardive que le début de la demi-journée plus ce délai est notée « en retard ». De 0 à 120.
        </span>
        {error ? (
          <span className="field__error" id="att-tolerance-erreur">
            {error}
          </span>
        ) : null}
        <input
          id="att-tolerance"
          type="number"
          inputMode="numeric"
          min={0}
          max={120}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "att-tolerance-aide att-tolerance-erreur" : "att-tolerance-aide"}
          {...form.register("lateToleranceMinutes")}
        />
      </div>
      <div>
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Enregistrement…" : "Enregistrer les réglages"}
        </button>
      </div>
      <div role="status">
        {message ? <p className={message.ok ? "notice" : "notice notice--warning"}>{message.text}</p> : null}
      </div>
    </form>
  );
}
