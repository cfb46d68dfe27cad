"use client";

type Props = {
  /** The field's id (its error is `${id}-erreur`). */
  id: string;
  label: string;
  formLabel: string;
  submitLabel: string;
  maxLength: number;
  reason: string;
  error: string | null;
  pending: boolean;
  onReason: (value: string) => void;
  onSubmit: (e: React.FormEvent) => void;
  onCancel: () => void;
};

/**
 * The sheet's one-field forms (a justified absence's motive, why someone does not sign): the
 * organiser just asked for it, so the field takes the focus; the error sits next to it.
 */
export function ReasonForm(p: Props) {
  return (
    <form onSubmit={p.onSubmit} noValidate className="form-stack" aria-label={p.formLabel}>
      <div className="field">
        <label htmlFor={p.id}>{p.label}</label>
        {p.error ? (
          <span className="field__error" id={`${p.id}-erreur`}>
            {p.error}
          </span>
        ) : null}
        <input
          id={p.id}
          value={p.reason}
          maxLength={p.maxLength}
          onChange={(e) => p.onReason(e.target.value)}
          aria-invalid={p.error ? true : undefined}
          aria-describedby={p.error ? `${p.id}-erreur` : undefined}
          // biome-ignore lint/a11y/noAutofocus: the field the organiser just asked for
          autoFocus
        />
      </div>
      <div className="inline-form">
        <button type="submit" className="button" disabled={p.pending}>
          {p.submitLabel}
        </button>{" "}
        <button type="button" className="button button--secondary" onClick={p.onCancel}>
          Annuler
        </button>
      </div>
    </form>
  );
}
