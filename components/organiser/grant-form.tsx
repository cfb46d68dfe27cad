"use client";

import { useActionState } from "react";
import { ROLE_LABELS } from "@/lib/organiser/labels";
import { grantRoleAction } from "@/lib/users/actions";
import { USER_REFUSALS } from "@/lib/users/schema";

type Option = { id: string; label: string };
type Outcome = Awaited<ReturnType<typeof grantRoleAction>> & { values: Record<string, string>; n: number };

export function GrantForm({ partners, journees }: { partners: Option[]; journees: Option[] }) {
  // Keep what was typed when the server refuses it (React resets a form after its action).
  const [state, action, pending] = useActionState(
    async (prev: Outcome | null, formData: FormData) => ({
      ...(await grantRoleAction(prev, formData)),
      values: Object.fromEntries([...formData].map(([k, v]) => [k, String(v)])),
      n: (prev?.n ?? 0) + 1,
    }),
    null,
  );
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const kept = (name: string, fallback = "") => (state && !state.ok ? (state.values[name] ?? fallback) : fallback);
  const err = (name: string) =>
    errors[name] ? (
      <span className="field__error" id={`${name}-erreur`}>
        {errors[name]}
      </span>
    ) : null;
  const describedBy = (name: string, hint?: string) =>
    [hint, errors[name] ? `${name}-erreur` : null].filter(Boolean).join(" ") || undefined;

  return (
    <form key={state?.n ?? 0} action={action} className="form-stack" noValidate>
      <div className="field">
        <label htmlFor="invite-email">Adresse e-mail</label>
        {err("email")}
        <input
          id="invite-email"
          name="email"
          type="email"
          defaultValue={kept("email")}
          autoComplete="off"
          required
          aria-invalid={!!errors.email || undefined}
          aria-describedby={describedBy("email")}
        />
      </div>
      <div className="field">
        <label htmlFor="invite-name">Nom (facultatif)</label>
        {err("name")}
        <input
          id="invite-name"
          name="name"
          type="text"
          defaultValue={kept("name")}
          autoComplete="off"
          aria-describedby={describedBy("name")}
        />
      </div>
      <div className="field">
        <label htmlFor="invite-role">Rôle</label>
        {err("role")}
        <select
          id="invite-role"
          name="role"
          defaultValue={kept("role", "ORGANISATEUR")}
          aria-describedby={describedBy("role")}
        >
          {Object.entries(ROLE_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="invite-partner">Partenaire</label>
        <span className="field__hint" id="partner-aide">
          Pour un organisateur (ses journées) ou un lecteur limité à un partenaire.
        </span>
        {err("partnerId")}
        <select
          id="invite-partner"
          name="partnerId"
          defaultValue={kept("partnerId")}
          aria-invalid={!!errors.partnerId || undefined}
          aria-describedby={describedBy("partnerId", "partner-aide")}
        >
          <option value="">Aucun (tout le programme)</option>
          {partners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="invite-journee">Journée</label>
        <span className="field__hint" id="journee-aide">
          Pour un agent d'accueil : la journée où il enregistre les arrivées.
        </span>
        {err("journeeId")}
        <select
          id="invite-journee"
          name="journeeId"
          defaultValue={kept("journeeId")}
          aria-invalid={!!errors.journeeId || undefined}
          aria-describedby={describedBy("journeeId", "journee-aide")}
        >
          <option value="">Aucune</option>
          {journees.map((j) => (
            <option key={j.id} value={j.id}>
              {j.label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <button type="submit" className="button" disabled={pending}>
          Inviter ou ajouter le rôle
        </button>
      </div>
      <div role="status">
        {state?.ok ? <p className="notice">{state.message}</p> : null}
        {state && !state.ok ? (
          <p className="field__error">
            {USER_REFUSALS[state.reason as keyof typeof USER_REFUSALS] ?? "Une erreur est survenue."}
            {state.ref ? ` (référence ${state.ref})` : ""}
          </p>
        ) : null}
      </div>
    </form>
  );
}
